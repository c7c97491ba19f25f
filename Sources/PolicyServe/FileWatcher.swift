/// Reports changed paths under a set of folders, as `root/relative/path`, through the callback
/// it was made with (on its own thread). Which paths matter is `ChangeFilter`'s business.
protocol FileWatcher: AnyObject, Sendable {
    func start() throws
    func stop()
}

enum FileWatchers {
    /// inotify on Linux (polling if it cannot start, e.g. when the system's watch limit is
    /// reached); polling elsewhere.
    static func make(roots: [String], onChange: @escaping @Sendable ([String]) -> Void) -> any FileWatcher {
        #if os(Linux)
        if let watcher = try? InotifyWatcher(roots: roots, onChange: onChange) { return watcher }
        #endif
        return PollingWatcher(roots: roots, onChange: onChange)
    }
}
