import Foundation
@testable import PolicyWrite
import Testing

/// The writer's POSIX file handling: removing old trees never follows a link out of them, and
/// the staging writer writes only below its directory.
@Suite struct DirectoryRemoverTests {
    @Test func removesANestedTreeButNotWhatItsLinksPointTo() throws {
        try TestSupport.withTemporaryDirectory { root in
            let manager = FileManager.default
            let outside = root.appendingPathComponent("outside")
            try manager.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: outside.appendingPathComponent("precious.txt"))

            let tree = root.appendingPathComponent("tree")
            var deep = tree
            for level in 0..<40 {
                deep = deep.appendingPathComponent("d\(level)")
                try manager.createDirectory(at: deep, withIntermediateDirectories: true)
                try Data("file \(level)".utf8).write(to: deep.appendingPathComponent("f.html"))
            }
            try manager.createDirectory(at: tree.appendingPathComponent("empty"), withIntermediateDirectories: true)
            try manager.createSymbolicLink(at: tree.appendingPathComponent("link-to-dir"), withDestinationURL: outside)
            try manager.createSymbolicLink(at: deep.appendingPathComponent("link-to-file"), withDestinationURL: outside.appendingPathComponent("precious.txt"))

            #expect(DirectoryRemover.remove(tree.path))
            #expect(!manager.fileExists(atPath: tree.path))
            #expect(try String(contentsOf: outside.appendingPathComponent("precious.txt"), encoding: .utf8) == "keep")
        }
    }

    @Test func aMissingPathCountsAsRemoved() throws {
        try TestSupport.withTemporaryDirectory { root in
            #expect(DirectoryRemover.remove(root.appendingPathComponent("never-made").path))
        }
    }

    @Test func stagingWriterWritesBelowItsDirectoryOnly() throws {
        try TestSupport.withTemporaryDirectory { root in
            let staging = root.appendingPathComponent("staging")
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            var writer = try StagingWriter(directory: staging.path)
            defer { writer.close() }
            try writer.write("en/privacy/2024-01-01/index.html", Array("<p>x</p>\n".utf8))
            try writer.write("en/privacy/index.html", [])
            try writer.write("en/privacy/index.html", Array("second".utf8))
            #expect(try String(contentsOf: staging.appendingPathComponent("en/privacy/2024-01-01/index.html"), encoding: .utf8) == "<p>x</p>\n")
            #expect(try String(contentsOf: staging.appendingPathComponent("en/privacy/index.html"), encoding: .utf8) == "second")
            for path in ["../escape.html", "/etc/x", "en//x.html", "en/./x.html"] {
                #expect(throws: StagingWriter.Failure.self) { try writer.write(path, Array("x".utf8)) }
            }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
            try writer.sync()
        }
    }
}
