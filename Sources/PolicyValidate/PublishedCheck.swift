import PolicyDiagnostics
import PolicyModel

/// Published versions are permanent: every file in `published.lock` must still be on disk with
/// the same bytes. Compared with the digests of the files as read, not with parsed documents,
/// so a locked file that no longer parses is still reported as changed.
struct PublishedCheck: SiteCheck {
    let name = "published"

    func check(_ input: ValidationInput) -> [Diagnostic] {
        guard let lock = input.site.publishedLock else { return [] }
        let sources = input.site.sourceFiles
        // Tells a deleted file from a deleted version: a folder with no version file left.
        let foldersOnDisk = Set(sources.keys.map(\.versionFolder))
        var reportedFolders: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for entry in lock.entries {
            let lockedHere = entry.location.map { [RelatedLocation("locked here", at: $0)] } ?? []
            if let current = sources[entry.path] {
                guard current.digest != entry.digest else { continue }
                diagnostics.append(.error(
                    .publishedChanged,
                    "published file changed after it was locked (its SHA-256 no longer matches \(lock.file)); published versions are permanent; revert this file (git checkout -- \(current.file)) and publish the change as a new version: policysite new \(entry.path.slug)",
                    at: SourceLocation(file: current.file),
                    related: lockedHere
                ))
            } else if foldersOnDisk.contains(entry.path.versionFolder) {
                diagnostics.append(.error(
                    .publishedMissing,
                    "published file '\(entry.path)' was deleted; published versions are permanent; restore it (git checkout -- \(entry.file))",
                    at: entry.location ?? SourceLocation(file: lock.file)
                ))
            } else if reportedFolders.insert(entry.path.versionFolder).inserted {
                // One diagnostic for the version, at its first line in the lock.
                let folder = String(entry.file.dropLast("/\(entry.path.language).md".utf8.count))
                diagnostics.append(.error(
                    .publishedMissing,
                    "published version '\(entry.path.versionFolder)' was deleted (its folder is gone); published versions are permanent; restore it (git checkout -- \(folder))",
                    at: entry.location ?? SourceLocation(file: lock.file)
                ))
            }
        }
        return diagnostics
    }
}
