import Foundation
import Testing

/// Mistakes on the command line: each exits 2 and names what to type instead, with the usage
/// of the command that was typed.
@Suite struct UsageErrorTests {
    @Test func aMisspeltCommandGetsTheNearestOne() throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try TestSupport.run(["biuld"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: unknown command 'biuld'; did you mean 'build'? The commands are: init, build, check,"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: policysite <subcommand>"))
        for (typed, meant) in [("chek", "check"), ("serv", "serve"), ("lokc", "lock")] {
            let other = try TestSupport.run([typed, "--as-of", "2025-01-01"], in: directory)
            #expect(other.status == 2)
            #expect(other.stderr.contains("did you mean '\(meant)'?"), "\(typed): \(other.stderr)")
        }
    }

    @Test func anUnknownCommandFarFromAllListsThem() throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try TestSupport.run(["publish"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: unknown command 'publish'; the commands are: init, build, check, serve, diff, new, lock"), "\(result.stderr)")
        #expect(!result.stderr.contains("did you mean"))
        // A hostile first argument is echoed, not guessed at.
        let long = try TestSupport.run([String(repeating: "b", count: 10_000)], in: directory)
        #expect(long.status == 2)
        #expect(!long.stderr.contains("did you mean"))
    }

    @Test func optionsAndKnownCommandsKeepTheParsersMessages() throws {
        let directory = try TestSupport.temporaryDirectory()
        let unknownOption = try TestSupport.run(["build", "--drfats"], in: directory)
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Unknown option '--drfats'"), "\(unknownOption.stderr)")
        #expect(!unknownOption.stderr.contains("unknown command"))
        #expect(try TestSupport.run(["--version"], in: directory).status == 0)
        #expect(try TestSupport.run(["help"], in: directory).status == 0)
    }

    /// A bad date is reported with the usage of the command that was typed, not the top-level
    /// `policysite <subcommand>` usage, as if the command had been wrong. (`diff` reads its dates
    /// after the content, and a bad one is answered with the versions that exist: see
    /// DiffCommandTests.)
    @Test(arguments: [
        (["build", "--as-of", "2025-13-01"], "--as-of '2025-13-01' is not a date", "build"),
        (["check", "--as-of", "2025-02-30"], "--as-of '2025-02-30' is not a date", "check"),
        (["serve", "--as-of", "soon"], "--as-of 'soon' is not a date", "serve"),
        (["lock", "--as-of", "2025-1-1"], "--as-of '2025-1-1' is not a date", "lock"),
        (["new", "privacy", "--effective", "2027-13-01"], "--effective '2027-13-01' is not a date", "new"),
    ])
    func aBadDateShowsTheCommandsOwnUsage(arguments: [String], error: String, command: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try TestSupport.run(arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: \(error); write it as YYYY-MM-DD"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: policysite \(command) "), "\(result.stderr)")
        #expect(result.stderr.contains("See 'policysite \(command) --help'"), "\(result.stderr)")
        #expect(!result.stderr.contains("policysite <subcommand>"))
    }
}
