/// The command line of `policysite-bench`.
struct BenchOptions {
    enum Command: Equatable {
        /// Generate, measure, report, delete.
        case run
        /// Only write a corpus into a directory.
        case generate(directory: String)
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    var command = Command.run
    /// 1000 (10 × 5 × 20) or 5000 (20 × 10 × 25; the run then measures both and the growth).
    var size = 1000
    var runs = 3
    var edits = 7
    var seed: UInt64 = 8
    /// The repository's `Templates/`, copied into the corpus.
    var templatesSource: String?
    /// The `policysite` binary to time; by default the one beside this program.
    var policysite: String?
    /// Run `swift build --product policysite` first (when run from the package root).
    var buildPolicysite = true

    static let usage = """
    usage: policysite-bench [--size 1000|5000] [--runs N] [--edits N] [--seed N]
                            [--templates-source DIR] [--policysite PATH] [--no-build]
           policysite-bench generate DIR [--size 1000|5000] [--seed N] [--templates-source DIR]

    Generates a corpus in a temporary directory (deleted at the end) and prints a Markdown table:
    the floor (libcmark parsing and rendering every body on one thread), a cold `policysite build`,
    `policysite check`, and an incremental rebuild after a one-file edit (SiteEngine, in process),
    each the median of --runs runs (default 3) and as a ratio to the floor. --size 5000 measures
    the 5,000-file corpus and the 1,000-file one and reports the growth.

    Run it from the package root: `swift run -c release policysite-bench`. It first runs
    `swift build -c release --product policysite` so the binary it times is current (--no-build
    skips that; --policysite PATH times another binary).
    """

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        if rest.first == "generate" {
            rest = rest.dropFirst()
            guard let directory = rest.first, !directory.hasPrefix("--") else { throw UsageError(description: "generate needs a directory") }
            options.command = .generate(directory: directory)
            rest = rest.dropFirst()
        }
        func value(_ name: String) throws(UsageError) -> String {
            rest = rest.dropFirst()
            guard let value = rest.first else { throw UsageError(description: "\(name) needs a value") }
            return value
        }
        func count(_ name: String, _ text: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
            guard let number = Int(text), range.contains(number) else {
                throw UsageError(description: "\(name) must be a number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
            }
            return number
        }
        while let argument = rest.first {
            switch argument {
            case "--size":
                let size = try value(argument)
                guard size == "1000" || size == "5000" else { throw UsageError(description: "--size is 1000 or 5000, not '\(size)'") }
                options.size = Int(size)!
            case "--runs": options.runs = try count(argument, try value(argument), in: 1...99)
            case "--edits": options.edits = try count(argument, try value(argument), in: 1...99)
            case "--seed":
                let text = try value(argument)
                guard let seed = UInt64(text) else { throw UsageError(description: "--seed must be a non-negative integer, not '\(text)'") }
                options.seed = seed
            case "--templates-source": options.templatesSource = try value(argument)
            case "--policysite": options.policysite = try value(argument)
            case "--no-build": options.buildPolicysite = false
            case "--help", "-h": throw UsageError(description: "")
            default: throw UsageError(description: "unknown argument '\(argument)'")
            }
            rest = rest.dropFirst()
        }
        return options
    }
}
