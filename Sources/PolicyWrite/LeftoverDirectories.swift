import Foundation

/// The staging and retired directories a build makes beside the output, named
/// `.<output>.policysite-<kind>-<pid>-<random>`.
///
/// A build killed with SIGKILL cannot clean up after itself, so each build removes the ones
/// whose process is gone. A directory of a build still running (another terminal, CI job) is
/// left alone.
struct LeftoverDirectories {
    let parent: String
    let outputName: String

    private var prefix: String { ".\(outputName).policysite-" }

    func newStagingPath() -> String { path(kind: "new") }
    func newRetiredPath() -> String { path(kind: "old") }

    private func path(kind: String) -> String {
        "\(parent)/\(prefix)\(kind)-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Removes the directories of builds whose process no longer runs.
    func removeAbandoned() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            // `<kind>-<pid>-<random>`
            let parts = name.dropFirst(prefix.count).split(separator: "-")
            guard parts.count == 3, parts[0] == "new" || parts[0] == "old", let pid = pid_t(parts[1]) else { continue }
            guard pid != getpid(), !Self.isRunning(pid) else { continue }
            var info = stat()
            let path = parent + "/" + name
            // Only real directories: never follow a link someone put there.
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            DirectoryRemover.remove(path)
        }
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
