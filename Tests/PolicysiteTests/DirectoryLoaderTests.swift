import Foundation
import PolicyCore
import PolicySource
import PolicyModel
import Testing

@Suite struct DirectoryLoaderTests {
    @Test func readsFilesSkipsDotfilesAndRefusesLinksOutside() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("Content")
        let manager = FileManager.default
        try manager.createDirectory(at: content.appendingPathComponent("privacy/2024-01-01"), withIntermediateDirectories: true)
        try Data("site".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("text".utf8).write(to: content.appendingPathComponent("privacy/2024-01-01/en.md"))
        try Data("swap".utf8).write(to: content.appendingPathComponent("privacy/2024-01-01/.en.md.swp"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("privacy/2024-01-01/ar.md").path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
        // A link inside the root is fine; a link to an ancestor folder must not loop forever.
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("privacy/2024-01-01/zh-Hans.md").path, withDestinationPath: "en.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("privacy/loop").path, withDestinationPath: content.appendingPathComponent("privacy").path)

        let result = try DirectoryLoader().load(content.path)
        let paths = result.snapshot.files.map(\.path)
        #expect(paths == ["privacy/2024-01-01/en.md", "privacy/2024-01-01/zh-Hans.md", "site.yml"])
        #expect(!result.snapshot.files.contains { $0.bytes == Array("secret".utf8) })
        #expect(result.diagnostics.map(\.code) == [.symlink])
        #expect(result.diagnostics.first?.location.file.hasSuffix("Content/privacy/2024-01-01/ar.md") == true)
    }

    @Test func missingDirectoryIsAnIOError() {
        #expect(throws: Diagnostic.self) {
            try DirectoryLoader().load("/nonexistent/policysite/Content")
        }
    }
}
