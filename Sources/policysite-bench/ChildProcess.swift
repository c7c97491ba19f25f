import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and measures it with `wait4`'s resource usage: wall
/// time, user + system CPU time, and peak resident memory, which `Process` does not report.
enum ChildProcess {
    struct Run {
        var exitStatus: Int32
        var wallSeconds: Double
        /// User + system CPU time of the child (all its threads).
        var cpuSeconds: Double
        /// Peak resident set size in bytes.
        var peakBytes: Int
    }

    /// Runs `executable` with `arguments`, its standard output and error written to `logPath`
    /// (so diagnostics can be shown when it fails, and printing them is not what is timed).
    static func run(_ executable: String, _ arguments: [String], logPath: String) throws(Failure) -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        let start = Clock.monotonicSeconds()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw Failure(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = Clock.monotonicSeconds() - start
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        // Exited normally: the low 7 bits are 0 and the status is the next byte; else killed by a signal.
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(exitStatus: exitStatus, wallSeconds: wall, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                   peakBytes: Int(usage.ru_maxrss) * 1024)
    }
}
