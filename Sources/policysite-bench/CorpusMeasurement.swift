import Foundation
import PolicyCorpus
import PolicyMarkdown
import PolicyModel
import PolicyPipeline

/// Everything measured on one corpus.
struct CorpusMeasurement {
    /// A child process's medians over the runs.
    struct ChildMedians {
        var wallSeconds: Double
        var cpuSeconds: Double
        var peakBytes: Int
        /// Lines of the last run's output that are diagnostics, by severity.
        var errors: Int
        var warnings: Int
    }

    var spec: CorpusSpec
    var fileCount: Int
    var markdownBytes: Int
    var generateSeconds: Double
    var writeSeconds: Double
    /// libcmark over every body, one thread: wall and thread CPU time.
    var floorWallSeconds: Double
    var floorCPUSeconds: Double
    var build: ChildMedians
    var check: ChildMedians
    /// SiteEngine's first, full build in process.
    var engineBuildSeconds: Double
    /// SiteEngine's rebuilds after a one-file edit: median wall time and pages re-rendered.
    var rebuildSeconds: Double
    var rebuildPages: Int
    var rebuildEdits: Int
    /// The rebuilds' stages (load and parse, check, templates, plan, render): median seconds each.
    var rebuildStages: [(stage: String, seconds: Double)]
    var editedFile: String
    var outputFiles: Int
    /// Hugo building the same bodies (one page per version and language), in the same run;
    /// nil when `hugo` is not on the PATH.
    var hugo: ChildMedians?
    var hugoVersion: String?
}

/// Generates a corpus into a temporary directory, measures it, and deletes it.
struct CorpusBench {
    let spec: CorpusSpec
    let options: BenchOptions
    let policysite: String
    let templatesSource: String

    func measure() throws -> CorpusMeasurement {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let templates = root.appendingPathComponent("Templates").path
        let output = root.appendingPathComponent("Output").path
        let log = root.appendingPathComponent("policysite.log").path

        progress("generating \(spec.fileCount) files (\(spec.policies) policies × \(spec.languages) languages × \(spec.versions) versions)")
        var start = Clock.monotonicSeconds()
        let corpus = CorpusGenerator.generate(spec)
        let generateSeconds = Clock.monotonicSeconds() - start
        start = Clock.monotonicSeconds()
        try CorpusWriter.write(corpus, to: root.path, templatesFrom: templatesSource)
        let writeSeconds = Clock.monotonicSeconds() - start

        progress("floor: libcmark over every body, \(options.runs) runs")
        let floor = measureFloor(corpus)

        let asOf = corpus.asOf
        progress("cold build: policysite build, \(options.runs) runs")
        let build = try measureChild(["build", "--as-of", asOf, "--content", content, "--templates", templates, "--output", output],
                                     log: log, before: { try? FileManager.default.removeItem(atPath: output) })
        let outputFiles = countFiles(under: output)
        try? FileManager.default.removeItem(atPath: output)
        progress("check: policysite check, \(options.runs) runs")
        let check = try measureChild(["check", "--as-of", asOf, "--content", content, "--templates", templates], log: log, before: {})

        progress("incremental: SiteEngine build, then \(options.edits) one-file edits")
        let incremental = try measureIncremental(corpus, content: content, templates: templates)

        var hugo: CorpusMeasurement.ChildMedians?
        var hugoVersion: String?
        if let executable = HugoReference.locate() {
            progress("reference: hugo on the same bodies, \(options.runs) runs")
            let site = root.appendingPathComponent("hugo")
            try HugoReference.write(corpus, to: site)
            let public_ = site.appendingPathComponent("public").path
            hugo = try measureChild(["--quiet", "--source", site.path, "--destination", public_], log: log, executable: executable,
                                    before: { try? FileManager.default.removeItem(atPath: public_) })
            _ = try? ChildProcess.run(executable, ["version"], logPath: log)
            hugoVersion = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: " ").dropFirst().first.map(String.init)
        }

        return CorpusMeasurement(
            spec: spec, fileCount: corpus.versionFiles.count, markdownBytes: corpus.markdownBytes,
            generateSeconds: generateSeconds, writeSeconds: writeSeconds,
            floorWallSeconds: floor.wall, floorCPUSeconds: floor.cpu, build: build, check: check,
            engineBuildSeconds: incremental.buildSeconds, rebuildSeconds: incremental.rebuildSeconds,
            rebuildPages: incremental.pages, rebuildEdits: options.edits, rebuildStages: incremental.stages,
            editedFile: incremental.file, outputFiles: outputFiles, hugo: hugo, hugoVersion: hugoVersion)
    }

    /// libcmark parsing and rendering every version file's body (after the front matter), in
    /// process, on this thread. The bodies are split off and held in memory first: only cmark
    /// is timed.
    private func measureFloor(_ corpus: Corpus) -> (wall: Double, cpu: Double) {
        let bodies = corpus.versionFiles.map { Array(Self.body(of: $0.text).utf8) }
        var walls: [Double] = []
        var cpus: [Double] = []
        var checksum = 0
        for _ in 0..<options.runs {
            let wallStart = Clock.monotonicSeconds()
            let cpuStart = Clock.threadCPUSeconds()
            for body in bodies {
                checksum &+= body.withUnsafeBufferPointer { RawCmark.renderedLength($0) }
            }
            cpus.append(Clock.threadCPUSeconds() - cpuStart)
            walls.append(Clock.monotonicSeconds() - wallStart)
        }
        // Used, so the loop cannot be optimised away.
        if checksum == 42 { progress("checksum \(checksum)") }
        return (median(walls), median(cpus))
    }

    /// The Markdown after the front matter, as policysite's parser sees it.
    static func body(of text: String) -> Substring {
        guard text.hasPrefix("---\n"), let close = text.range(of: "\n---\n") else { return text[...] }
        return text[close.upperBound...]
    }

    private func measureChild(_ arguments: [String], log: String, executable: String? = nil, before: () -> Void) throws -> CorpusMeasurement.ChildMedians {
        let program = executable ?? policysite
        var runs: [ChildProcess.Run] = []
        for _ in 0..<options.runs {
            before()
            let run = try ChildProcess.run(program, arguments, logPath: log)
            guard run.exitStatus == 0 else {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw Failure(description: "\(program) \(arguments[0]) exited with status \(run.exitStatus):\n\(text.split(separator: "\n").prefix(40).joined(separator: "\n"))")
            }
            runs.append(run)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n")
        return CorpusMeasurement.ChildMedians(
            wallSeconds: median(runs.map(\.wallSeconds)), cpuSeconds: median(runs.map(\.cpuSeconds)),
            peakBytes: median(runs.map(\.peakBytes)),
            errors: lines.filter { $0.contains(": error: ") }.count, warnings: lines.filter { $0.contains(": warning: ") }.count)
    }

    /// The way `serve` rebuilds: one engine builds the site in memory, then after each edit of
    /// one file on disk rebuilds with that path. The file edited is the newest version (the
    /// one being drafted) of the first policy that has an upcoming version, in the default
    /// language; each edit adds a different sentence to its first paragraph.
    private func measureIncremental(_ corpus: Corpus, content: String, templates: String) throws -> (buildSeconds: Double, rebuildSeconds: Double, pages: Int, stages: [(stage: String, seconds: Double)], file: String) {
        guard let asOf = CalendarDate(iso: corpus.asOf) else { throw Failure(description: "bad --as-of \(corpus.asOf)") }
        let engine = SiteEngine(SiteOptions(contentDirectory: content, templatesDirectory: templates, asOf: asOf))
        var start = Clock.monotonicSeconds()
        let first = engine.build()
        let buildSeconds = Clock.monotonicSeconds() - start
        guard first.succeeded else {
            throw Failure(description: "the engine's build failed:\n\(first.diagnostics.prefix(20).map { "\($0)" }.joined(separator: "\n"))")
        }

        let policy = corpus.policies.first { $0.dates.last.map { $0 > corpus.spec.asOf } ?? false } ?? corpus.policies[0]
        let relative = "\(policy.slug)/\(policy.dates.last!.iso)/\(corpus.languageTags[0]).md"
        let path = content + "/" + relative
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var times: [Double] = []
        var pages: [Int] = []
        var stageOrder: [String] = []
        var stageTimes: [String: [Double]] = [:]
        for edit in 1...options.edits {
            try Self.withRevision(edit, of: original).write(toFile: path, atomically: false, encoding: .utf8)
            start = Clock.monotonicSeconds()
            let update = engine.rebuild(changedPaths: [path])
            times.append(Clock.monotonicSeconds() - start)
            guard update.succeeded else {
                throw Failure(description: "the rebuild after editing \(relative) failed:\n\(update.diagnostics.prefix(20).map { "\($0)" }.joined(separator: "\n"))")
            }
            pages.append(update.renderedPages.count)
            for timing in update.stages {
                if stageTimes[timing.stage] == nil { stageOrder.append(timing.stage) }
                let parts = timing.elapsed.components
                stageTimes[timing.stage, default: []].append(Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
            }
        }
        let stages = stageOrder.map { (stage: $0, seconds: median(stageTimes[$0] ?? [])) }
        return (buildSeconds, median(times), median(pages), stages, "Content/" + relative)
    }

    /// `text` with a sentence naming the revision added to its first paragraph, as an author
    /// rewording the text they are drafting.
    static func withRevision(_ revision: Int, of text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") { index = close + 1 }
        while index < lines.count, lines[index].isEmpty { index += 1 }
        guard index < lines.count else { return text + "\nRevision \(revision).\n" }
        lines[index] += " Revision \(revision) of this text."
        return lines.joined(separator: "\n")
    }

    private func countFiles(under directory: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var count = 0
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue { count += 1 }
        }
        return count
    }
}

/// Progress goes to standard error, so standard output is the report alone.
func progress(_ message: String) {
    FileHandle.standardError.write(Data(("policysite-bench: " + message + "\n").utf8))
}
