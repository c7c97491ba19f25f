import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A build killed with SIGKILL at any moment leaves the previous site whole, and the next build
/// clears what the killed one left behind.
@Suite struct KilledBuildTests {
    /// A site large enough that a build takes a while: one policy with many versions in three
    /// languages. `edition` changes every page's text, so two editions give different sites.
    func writeSite(at root: URL, edition: Int) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: root.appendingPathComponent("Content"))
        let content = root.appendingPathComponent("Content")
        try manager.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Kill test\nbaseURL: https://example.com/\nlanguages: [en, de, fr]\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1))!
        let paragraph = String(repeating: "Edition \(edition) of a long paragraph about what we collect and why. ", count: 40)
        for index in 0..<80 {
            let day = calendar.date(byAdding: .day, value: index * 30, to: start)!
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let folder = content.appendingPathComponent(String(format: "privacy/%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for language in ["en", "de", "fr"] {
                var text = "---\ntitle: Privacy \(language)\nsummary: Version \(index).\n---\n\n"
                for section in 0..<8 { text += "## Section \(section) {#s\(section)}\n\n\(paragraph)\n\n- one\n- two\n\n" }
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(language).md"))
            }
        }
    }

    @Test func killedBuildsLeaveThePreviousSiteWhole() throws {
        let root = try TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        let arguments = ["build", "--as-of", "2026-01-01"]

        // The two complete sites a kill may leave: the previous one or the new one.
        var sites: [[String: Data]] = []
        var duration = Duration.zero
        for edition in 0..<2 {
            try writeSite(at: root, edition: edition)
            let started = ContinuousClock.now
            let result = try TestSupport.run(arguments + ["--output", "edition\(edition)"], in: root)
            duration = max(duration, ContinuousClock.now - started)
            print("kill test: a full build of edition \(edition) took \(ContinuousClock.now - started)")
            #expect(result.status == 0, "\(result.stderr)")
            sites.append(try TestSupport.files(under: root.appendingPathComponent("edition\(edition)")))
        }
        #expect(sites[0].count > 240 && sites[0] != sites[1])

        // Output/ starts as edition 0; each round builds the other edition and kills it.
        try writeSite(at: root, edition: 0)
        #expect(try TestSupport.run(arguments, in: root).status == 0)
        var current = 0
        for fraction in [0.02, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0] {
            let next = 1 - current
            try writeSite(at: root, edition: next)
            let process = Process()
            process.executableURL = TestSupport.binary()
            process.arguments = arguments
            process.currentDirectoryURL = root
            process.standardError = FileHandle.nullDevice
            try process.run()
            let wait = duration * fraction
            usleep(UInt32(wait.components.seconds * 1_000_000 + wait.components.attoseconds / 1_000_000_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = try TestSupport.files(under: root.appendingPathComponent("Output"))
            let whole = output == sites[current] || output == sites[next]
            #expect(whole, "killed at \(fraction) of a build: Output/ is neither the previous site nor the new one (\(output.count) files)")
            print("kill test: killed at \(fraction) of a build; Output/ holds the \(output == sites[next] ? "new" : "previous") site")
            if output == sites[next] { current = next }
        }

        // The next build removes what the killed ones left beside Output/.
        try writeSite(at: root, edition: 0)
        #expect(try TestSupport.run(arguments, in: root).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(names == ["Content", "Output", "Templates", "edition0", "edition1"])
        #expect(try TestSupport.files(under: root.appendingPathComponent("Output")) == sites[0])
    }
}
