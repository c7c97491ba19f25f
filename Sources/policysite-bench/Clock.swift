#if canImport(Glibc)
import Glibc
#endif

/// The clocks the benchmark reads: monotonic wall time, and the CPU time of the calling thread
/// (the floor runs on one thread, so its CPU time is the work cmark did).
enum Clock {
    static func monotonicSeconds() -> Double {
        read(CLOCK_MONOTONIC)
    }

    static func threadCPUSeconds() -> Double {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    private static func read(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
