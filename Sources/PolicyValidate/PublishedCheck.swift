import PolicyCore
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
                // Same text, other bytes: say what git or an editor did, not "someone edited it".
                let message = current.encodingVariants[entry.digest].map { Self.encodingMessage($0, file: current.file, lock: lock.file) }
                    ?? "published file changed after it was locked (its SHA-256 no longer matches \(lock.file)); published versions are permanent; revert this file (git checkout -- \(current.file)) and publish the change as a new version: policysite new \(entry.path.slug)"
                diagnostics.append(.error(.publishedChanged, message, at: SourceLocation(file: current.file), related: lockedHere))
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
        return diagnostics + unlocked(input, lock: lock)
    }

    /// A published file the lock lacks: `lock` was not run after the version took effect, so
    /// nothing would notice if its text changed. A warning, so `--strict` CI fails until it is.
    /// Drafts and upcoming versions are not published yet; a site with no lock is not warned.
    private func unlocked(_ input: ValidationInput, lock: PublishedLock) -> [Diagnostic] {
        let locked = Set(lock.entries.map(\.path))
        return input.site.publishedFiles(asOf: input.asOf).filter { !locked.contains($0.path) }.map { path, document in
            .warning(
                .unlocked,
                "published version file '\(path)' (effective \(path.effective)) is not in \(lock.file), so a change to it would go unnoticed; run policysite lock --as-of \(input.asOf) and commit \(lock.file)",
                at: SourceLocation(file: document.file, line: 1, column: 1)
            )
        }
    }

    /// A locked file whose text is unchanged but whose line endings or byte-order mark are not:
    /// still an error (the bytes are what was published and hashed), with the cause and the cure.
    static func encodingMessage(_ difference: EncodingDifference, file: String, lock: String) -> String {
        var what: [String] = []
        var fixes: [String] = []
        // The content folder as the user named it, for the .gitattributes pattern; an absolute
        // or `..` path is no pattern for a repository's .gitattributes, so say the usual one.
        var folder = String(lock.dropLast("/published.lock".utf8.count))
        if !lock.hasSuffix("/published.lock") || folder.hasPrefix("/") || folder.split(separator: "/").contains("..") { folder = "Content" }
        let attributes = "add the line '\(folder)/** -text' to .gitattributes, which stops git converting line endings under \(folder)/"
        switch difference.lineEndings {
        case .same: break
        case .nowCRLF:
            what.append("its line endings are CRLF where the locked file had LF")
            fixes.append("git converted them on checkout (core.autocrlf or a text attribute): \(attributes), commit it, then restore the file: rm \(file) && git checkout -- \(file)")
        case .nowLF:
            what.append("its line endings are LF where the locked file had CRLF")
            fixes.append("the file was locked from a copy with CRLF line endings, and git converted them (core.autocrlf or a text attribute): \(attributes), convert the file back to CRLF (e.g. unix2dos \(file)) and commit both")
        }
        switch difference.byteOrderMark {
        case .same: break
        case .added:
            what.append("it now starts with a UTF-8 byte-order mark (EF BB BF) that the locked file lacked")
            fixes.append("an editor saving as 'UTF-8 with BOM' adds it: restore the file (git checkout -- \(file)) and save as UTF-8 without BOM")
        case .removed:
            what.append("it lacks the UTF-8 byte-order mark (EF BB BF) the locked file started with")
            fixes.append("an editor removed it: restore the file (git checkout -- \(file))")
        }
        let only = difference.lineEndings != .same && difference.byteOrderMark != .same
            ? "in its line endings (CRLF/LF) and a byte-order mark"
            : difference.lineEndings != .same ? "in its line endings (CRLF/LF)" : "in a byte-order mark"
        return "published file differs from \(lock) only \(only): \(what.joined(separator: ", and ")); the text is the same, but a published file must keep the bytes it was locked with; \(fixes.joined(separator: "; "))"
    }
}
