import PolicyCore
import PolicySource
import PolicyModel
import PolicyValidate

/// What `lock` did.
public struct LockReport: Sendable {
    /// Sorted for the report; when there are errors, nothing was written.
    public var diagnostics: [Diagnostic]
    /// The lock as diagnostics name it: `Content/published.lock`.
    public var lockFile: String
    /// The files locked by this run, in lock order.
    public var added: [VersionFilePath]
    /// How many files the lock records now.
    public var lockedCount: Int
    /// False when the lock already said the same, or when the content failed.
    public var wroteLock: Bool
    public var exitStatus: ExitStatus
}

/// `lock` as named steps: load, parse and validate the content (a site with errors is not
/// locked: that would bless a broken or changed version); add every published file that the
/// lock lacks; write the lock atomically if its text changed.
///
/// Entries already in the lock always stay: locking is one-way, so running `lock` again with an
/// earlier `--as-of` never unlocks anything, and a locked file whose bytes changed stops this
/// step with `published-changed` rather than being locked anew.
public enum LockPipeline {
    /// Reads `options.contentDirectory` and locks what is published on `options.asOf`; warnings
    /// do not stop it, whatever `strict` says.
    public static func lock(_ options: SiteOptions) -> LockReport {
        var diagnostics: [Diagnostic] = []
        var lockFile = options.contentDirectory + "/" + PublishedLockFormat.fileName
        func stop() -> LockReport {
            let sorted = Diagnostic.sortedForReport(diagnostics)
            return LockReport(diagnostics: sorted, lockFile: lockFile, added: [], lockedCount: 0, wroteLock: false,
                              exitStatus: ExitStatus.forDiagnostics(sorted, strict: false))
        }

        // 1–3. The engine's load, parse and validate: the content must pass its check.
        let read = SiteEngine(SiteOptions(contentDirectory: options.contentDirectory, asOf: options.asOf)).read(through: .validate)
        // Without the `unlocked` warnings: they say to run this command, which locks exactly
        // those files (the same `publishedFiles(asOf:)`).
        diagnostics += read.diagnostics.filter { $0.code != .unlocked }
        guard let snapshot = read.snapshot else { return stop() }
        lockFile = snapshot.displayPath(PublishedLockFormat.fileName)
        guard let site = read.site, ExitStatus.forDiagnostics(diagnostics, strict: false) == .success else { return stop() }

        // 4. The new lock: what it had, and every published file it lacks.
        let (entries, added) = lockedEntries(site, asOf: options.asOf)
        let text = PublishedLockFormat.render(entries)

        // 5. The lock must pass the check it feeds; anything else is a bug here, not in the content.
        var relocked = site
        let (reread, problems) = PublishedLockFormat.parse(text, file: lockFile, displayPath: snapshot.displayPath)
        relocked.publishedLock = reread
        let afterwards = problems + SiteValidator.validate(ValidationInput(site: relocked, asOf: options.asOf))
        if let problem = afterwards.first(where: { $0.severity == .error }) {
            diagnostics.append(.error(.publishedLock, "internal error: the new lock would fail its own check (\(problem.message)); \(lockFile) was not changed; please report this", at: SourceLocation(file: lockFile)))
            return stop()
        }

        // 6. Write, unless the file already says exactly this.
        let bytes = Array(text.utf8)
        let unchanged = snapshot.file(at: PublishedLockFormat.fileName)?.bytes == bytes
        if !unchanged {
            do {
                try ContentWriter.replace(lockFile, with: bytes)
            } catch {
                diagnostics.append(error)
                return stop()
            }
        }
        let sorted = Diagnostic.sortedForReport(diagnostics)
        return LockReport(diagnostics: sorted, lockFile: lockFile, added: added, lockedCount: reread.entries.count,
                          wroteLock: !unchanged, exitStatus: ExitStatus.forDiagnostics(sorted, strict: false))
    }

    /// The lock's entries after locking every file published on `asOf` (effective on or before
    /// it, and not a draft), and the paths that were not locked before. Pure.
    public static func lockedEntries(_ site: Site, asOf: CalendarDate) -> (entries: [PublishedLock.Entry], added: [VersionFilePath]) {
        var entries = site.publishedLock?.entries ?? []
        var locked = Set(entries.map(\.path))
        var added: [VersionFilePath] = []
        for (path, _) in site.publishedFiles(asOf: asOf) {
            // Every parsed document was read from the snapshot, so it has a digest.
            guard let source = site.sourceFiles[path], locked.insert(path).inserted else { continue }
            entries.append(PublishedLock.Entry(path: path, digest: source.digest, file: source.file))
            added.append(path)
        }
        return (entries, added)
    }
}
