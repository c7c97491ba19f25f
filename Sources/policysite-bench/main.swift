import Foundation
import PolicyCorpus

// policysite-bench: see BenchOptions.usage and README.md, "Performance".

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    if !error.description.isEmpty { FileHandle.standardError.write(Data("policysite-bench: \(error.description)\n".utf8)) }
    print(BenchOptions.usage)
    exit(error.description.isEmpty ? 0 : 2)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("policysite-bench: error: \(message)\n".utf8))
    exit(1)
}

/// The repository's `Templates/`: as given, else in the current directory (where `swift run`
/// runs), else beside this source file's package.
func templatesSource() -> String {
    if let given = options.templatesSource { return given }
    let candidates = [
        FileManager.default.currentDirectoryPath + "/Templates",
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/strings/en.yml") } ?? candidates[0]
}

func spec(size: Int) -> CorpusSpec {
    var spec = size == 5000 ? CorpusSpec.files5000 : CorpusSpec.files1000
    spec.seed = options.seed
    return spec
}

switch options.command {
case .generate(let directory):
    let corpus = CorpusGenerator.generate(spec(size: options.size))
    do {
        try CorpusWriter.write(corpus, to: directory, templatesFrom: templatesSource())
    } catch {
        fail(error.description)
    }
    print("wrote \(corpus.versionFiles.count) version files (\(BenchReport.megabytes(corpus.markdownBytes)) of Markdown) to \(directory)/Content and \(directory)/Templates")
    print("build it with: policysite build --as-of \(corpus.asOf) --content \(directory)/Content --templates \(directory)/Templates --output \(directory)/Output")

case .run:
    let policysite = PolicysiteBinary.locate(options)
    var measurements: [CorpusMeasurement] = []
    // The 1,000-file corpus always, and with --size 5000 the 5,000-file one for the growth.
    for size in options.size == 5000 ? [1000, 5000] : [1000] {
        do {
            let bench = CorpusBench(spec: spec(size: size), options: options, policysite: policysite, templatesSource: templatesSource())
            measurements.append(try bench.measure())
        } catch {
            fail("\(error)")
        }
    }
    print("## policysite benchmark\n")
    for measurement in measurements {
        print(BenchReport.table(measurement, runs: options.runs))
        print("")
    }
    if measurements.count == 2 {
        print(BenchReport.growth(small: measurements[0], large: measurements[1]))
    }
}
