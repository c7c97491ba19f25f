import Foundation
import PolicyMarkdown

/// The benchmark's output: a Markdown table per corpus, and the growth between two corpora.
enum BenchReport {
    static func table(_ m: CorpusMeasurement, runs: Int) -> String {
        let floor = m.floorWallSeconds
        func ratio(_ seconds: Double) -> String { String(format: "%.2f", seconds / floor) }
        var lines: [String] = []
        lines.append("Corpus: \(m.fileCount) files (\(m.spec.policies) policies × \(m.spec.languages) languages × \(m.spec.versions) versions, seed \(m.spec.seed)), "
                     + "\(megabytes(m.markdownBytes)) of Markdown, `--as-of \(m.spec.asOf.iso)`; \(m.outputFiles) output files. "
                     + "Median of \(runs) runs; \(ProcessInfo.processInfo.activeProcessorCount) cores; cmark \(MarkdownParser.cmarkVersion).")
        lines.append("")
        func cpuRatio(_ seconds: Double) -> String { String(format: "%.2f", seconds / m.floorCPUSeconds) }
        lines.append("| measurement | wall | CPU (user+sys) | peak RSS | wall ÷ floor wall | CPU ÷ floor CPU |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        lines.append("| (a) floor: libcmark parse + render of every body, 1 thread, in process | \(time(floor)) | \(time(m.floorCPUSeconds)) | — | 1.00 | 1.00 |")
        lines.append("| (b) cold `policysite build` (child process) | \(time(m.build.wallSeconds)) | \(time(m.build.cpuSeconds)) | \(mebibytes(m.build.peakBytes)) | \(ratio(m.build.wallSeconds)) | \(cpuRatio(m.build.cpuSeconds)) |")
        lines.append("| (c) `policysite check` (child process) | \(time(m.check.wallSeconds)) | \(time(m.check.cpuSeconds)) | \(mebibytes(m.check.peakBytes)) | \(ratio(m.check.wallSeconds)) | \(cpuRatio(m.check.cpuSeconds)) |")
        lines.append("| (d) incremental rebuild after a one-file edit (`SiteEngine`, in process; median of \(m.rebuildEdits) edits, \(m.rebuildPages) pages re-rendered) | \(time(m.rebuildSeconds)) | — | — | \(ratio(m.rebuildSeconds)) | — |")
        lines.append("| `SiteEngine` first full build (in process, once; not written to disk) | \(time(m.engineBuildSeconds)) | — | — | \(ratio(m.engineBuildSeconds)) | — |")
        if let hugo = m.hugo {
            lines.append("| (e) reference: Hugo \(m.hugoVersion ?? "") builds the same bodies, one page per version and language, minimal layout (child process) | \(time(hugo.wallSeconds)) | \(time(hugo.cpuSeconds)) | \(mebibytes(hugo.peakBytes)) | \(ratio(hugo.wallSeconds)) | \(cpuRatio(hugo.cpuSeconds)) |")
        }
        lines.append("")
        if let hugo = m.hugo {
            lines.append("Cold `policysite build` ÷ Hugo: " + String(format: "%.2f× wall, %.2f× CPU, %.2f× peak RSS.", m.build.wallSeconds / hugo.wallSeconds,
                                                                       m.build.cpuSeconds / hugo.cpuSeconds, Double(m.build.peakBytes) / Double(hugo.peakBytes)))
            lines.append("")
        }
        lines.append("Incremental rebuild by stage (median): " + m.rebuildStages.map { "\($0.stage) \(time($0.seconds))" }.joined(separator: ", ") + ".")
        lines.append("")
        lines.append("`check` reported \(m.check.errors) errors and \(m.check.warnings) warnings. Edited file: `\(m.editedFile)`. "
                     + "Generating the corpus took \(time(m.generateSeconds)), writing it \(time(m.writeSeconds)).")
        return lines.joined(separator: "\n")
    }

    static func growth(small: CorpusMeasurement, large: CorpusMeasurement) -> String {
        func factor(_ large: Double, _ small: Double) -> String { String(format: "%.2f×", large / small) }
        var lines = ["Growth from \(small.fileCount) to \(large.fileCount) files (\(String(format: "%.2f", Double(large.markdownBytes) / Double(small.markdownBytes)))× the Markdown):", ""]
        lines.append("| measurement | \(small.fileCount) files | \(large.fileCount) files | growth |")
        lines.append("| --- | ---: | ---: | ---: |")
        lines.append("| floor (wall) | \(time(small.floorWallSeconds)) | \(time(large.floorWallSeconds)) | \(factor(large.floorWallSeconds, small.floorWallSeconds)) |")
        lines.append("| build (wall) | \(time(small.build.wallSeconds)) | \(time(large.build.wallSeconds)) | \(factor(large.build.wallSeconds, small.build.wallSeconds)) |")
        lines.append("| build (CPU) | \(time(small.build.cpuSeconds)) | \(time(large.build.cpuSeconds)) | \(factor(large.build.cpuSeconds, small.build.cpuSeconds)) |")
        lines.append("| build (peak RSS) | \(mebibytes(small.build.peakBytes)) | \(mebibytes(large.build.peakBytes)) | \(factor(Double(large.build.peakBytes), Double(small.build.peakBytes))) |")
        lines.append("| check (wall) | \(time(small.check.wallSeconds)) | \(time(large.check.wallSeconds)) | \(factor(large.check.wallSeconds, small.check.wallSeconds)) |")
        lines.append("| incremental rebuild (wall) | \(time(small.rebuildSeconds)) | \(time(large.rebuildSeconds)) | \(factor(large.rebuildSeconds, small.rebuildSeconds)) |")
        return lines.joined(separator: "\n")
    }

    static func time(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.0f MiB", Double(bytes) / 1_048_576)
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
