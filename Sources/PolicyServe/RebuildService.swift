import Dispatch
import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline
import PolicyTheme
import ServiceLifecycle

/// Ties the watcher, the incremental engine and the store together: changed paths go through
/// the change queue to one engine rebuild at a time; each result is published to the store
/// (files, overlay, reload event) and reported on the console.
///
/// A rebuild that fails (bad content, a broken template) leaves the last good site in the
/// store, shows the overlay and prints the diagnostics; it never stops the server.
final class RebuildService: Service, @unchecked Sendable {
    /// The engine is not thread-safe: it is used only on `engineQueue`, one job at a time.
    private struct EngineBox: @unchecked Sendable { let engine: SiteEngine }
    private let engine: EngineBox
    private let engineQueue = DispatchQueue(label: "policysite.engine")
    private let roots: [String]
    private let store: SnapshotStore
    private let console: ServeConsole
    private let changes: ChangeQueue
    // Set by `startWatching` before `run`; read by `run` only.
    private var watcher: (any FileWatcher)?
    // Only touched by `publish`, which runs for one build at a time (the initial build, then the
    // change queue's serial loop).
    private var printedDiagnostics: [Diagnostic]?

    init(options: SiteOptions, store: SnapshotStore, console: ServeConsole, quietPeriod: Duration) {
        engine = EngineBox(engine: SiteEngine(options))
        roots = [options.contentDirectory, options.templatesDirectory]
        self.store = store
        self.console = console
        changes = ChangeQueue(quietPeriod: quietPeriod)
    }

    /// Starts the watcher; changes wait in the queue until `run`. Called before the first build,
    /// so an edit made while it runs is not lost.
    func startWatching() {
        let roots = roots
        let changes = changes
        let templatesRoot = roots[1]
        let watcher = FileWatchers.make(roots: roots) { paths in
            changes.add(paths.filter { path in
                guard let root = roots.first(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return false }
                return ChangeFilter.isRelevant(path, under: root, keptHidden: root == templatesRoot ? ThemeLayers.staticFolder : nil)
            })
        }
        do {
            try watcher.start()
            self.watcher = watcher
        } catch {
            console.status("warning: cannot watch \(roots.joined(separator: " and ")) for changes (\(error)); restart serve to see edits")
        }
    }

    /// Builds the whole site once and publishes it.
    func initialBuild() async -> SiteUpdate {
        let (update, files) = await onEngine { engine in (engine.build(), engine.files) }
        await publish(update, files: files)
        return update
    }

    func run() async throws {
        let changes = changes
        let store = store
        await withGracefulShutdownHandler {
            await changes.run { [self] paths in await rebuild(paths) }
        } onGracefulShutdown: {
            changes.finish()
            // Event streams end on graceful shutdown by themselves; this makes sure of it.
            Task { await store.closeAll() }
        }
        watcher?.stop()
    }

    private func rebuild(_ paths: [String]) async {
        let (update, files) = await onEngine { engine in (engine.rebuild(changedPaths: paths), engine.files) }
        await publish(update, files: files)
        console.status(Self.summary(of: update, after: paths))
    }

    private func publish(_ update: SiteUpdate, files: [String: OutputFile]) async {
        var overlay: String?
        if !update.succeeded {
            let lines = SourceLineReader()
            let entries = update.diagnostics.filter { $0.severity >= .warning }.map { diagnostic in
                OverlayEntry(diagnostic: diagnostic, sourceLine: diagnostic.location.line.flatMap { lines.line(diagnostic.location.file, $0) })
            }
            overlay = ErrorOverlay.html(entries)
        }
        await store.publish(files: files, overlayHTML: overlay, changed: update.changedFiles, removed: update.removedFiles)
        // The same warnings after every save would bury what changed: print them when they do.
        if update.diagnostics != printedDiagnostics ?? [] || printedDiagnostics == nil {
            if !update.diagnostics.isEmpty { console.diagnostics(update.diagnostics) }
            printedDiagnostics = update.diagnostics
        }
    }

    /// `Content/privacy/2027-01-15/en.md changed: 4 pages re-rendered in 23 ms`. Paths that are
    /// gone again (an editor's or sed's temporary file) are left out of the line when any path
    /// still exists; the engine was told about them all.
    static func summary(of update: SiteUpdate, after paths: [String], exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String {
        let existing = paths.filter(exists)
        let named = existing.isEmpty ? paths : existing
        let shown = named.prefix(3).joined(separator: ", ") + (named.count > 3 ? " and \(named.count - 3) more" : "")
        let milliseconds = Int((update.elapsed / .milliseconds(1)).rounded())
        guard update.succeeded else {
            let errors = update.diagnostics.filter { $0.severity == .error }.count
            return "\(shown) changed: \(errors == 1 ? "1 error" : "\(errors) errors") (\(milliseconds) ms); still serving the last good pages, with the errors shown on them"
        }
        let pages = update.renderedPages.count
        return "\(shown) changed: \(pages == 1 ? "1 page" : "\(pages) pages") re-rendered in \(milliseconds) ms"
    }

    private func onEngine<T: Sendable>(_ work: @escaping @Sendable (SiteEngine) -> T) async -> T {
        let engine = engine
        return await withCheckedContinuation { continuation in
            engineQueue.async { continuation.resume(returning: work(engine.engine)) }
        }
    }
}
