import Foundation

/// Finds the `policysite` binary to time: the one built beside this program (the same build
/// configuration), built first so that it is current.
enum PolicysiteBinary {
    static func locate(_ options: BenchOptions) -> String {
        if let given = options.policysite {
            guard FileManager.default.isExecutableFile(atPath: given) else { fail("--policysite \(given) is not an executable file") }
            return given
        }
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let directory = URL(fileURLWithPath: own).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("policysite").path
        // `swift run policysite-bench` builds only this program: build policysite too, with the
        // same configuration, when run from the package root.
        let configuration = directory.path.contains("release") ? "release" : "debug"
        if options.buildPolicysite, FileManager.default.fileExists(atPath: "Package.swift") {
            progress("swift build -c \(configuration) --product policysite")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["swift", "build", "-c", configuration, "--product", "policysite"]
            process.standardOutput = FileHandle.standardError
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                fail("cannot run swift build: \(error)")
            }
            guard process.terminationStatus == 0 else { fail("swift build -c \(configuration) --product policysite failed") }
        }
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            fail("no policysite binary at \(binary); build it with `swift build -c \(configuration) --product policysite` (or give --policysite PATH)")
        }
        if configuration != "release" { progress("warning: timing a \(configuration) build; use `swift run -c release policysite-bench`") }
        return binary
    }
}
