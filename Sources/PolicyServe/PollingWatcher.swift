import Dispatch
import Foundation
import PolicySource

/// Watches folders by listing them a few times a second and comparing modification times and
/// sizes: for systems without inotify. Slower to notice a change than inotify, never wrong.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    private let roots: [String]
    private let interval: DispatchTimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let queue = DispatchQueue(label: "policysite.polling")
    // Only touched on `queue`.
    private var stamps: [String: Stamp] = [:]
    private var timer: (any DispatchSourceTimer)?

    init(roots: [String], interval: DispatchTimeInterval = .milliseconds(250), onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots
        self.interval = interval
        self.onChange = onChange
    }

    func start() throws {
        queue.sync {
            stamps = scan()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in self?.poll() }
            timer.resume()
            self.timer = timer
        }
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    private func poll() {
        let now = scan()
        var changed: [String] = []
        for (path, stamp) in now where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where now[path] == nil { changed.append(path) }
        stamps = now
        if !changed.isEmpty { onChange(changed.sorted()) }
    }

    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        for root in roots {
            let rootURL = URL(fileURLWithPath: root)
            // Hidden files are listed (the templates' static/.well-known is content); the change
            // filter drops what the loader ignores, and version-control folders are not entered.
            guard let enumerator = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                if IgnoredPath.isIgnored(name: url.lastPathComponent, keepsHidden: true) {
                    enumerator.skipDescendants()
                    continue
                }
                let values = try? url.resourceValues(forKeys: Set(keys))
                // Report paths under the root as given, like inotify does.
                let relative = url.path.hasPrefix(rootURL.path + "/") ? String(url.path.dropFirst(rootURL.path.count + 1)) : url.lastPathComponent
                result[root + "/" + relative] = Stamp(modified: values?.contentModificationDate, size: values?.fileSize)
            }
        }
        return result
    }
}
