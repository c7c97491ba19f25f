import Foundation
import PolicyDiagnostics
import PolicyModel

/// Puts a rendered site on disk so that the output directory is always a complete site: the
/// files go into a temporary directory beside it, which replaces the old directory only once
/// every file is written. A failed write leaves the previous site as it was.
public struct SiteWriter {
    public init() {}

    /// - Parameter output: the output directory as the user named it.
    public func write(_ files: [OutputFile], to output: String) throws(Diagnostic) {
        let manager = FileManager.default
        let outputURL = URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        // A process-unique suffix, so two builds never share a staging directory.
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).building-\(suffix)", isDirectory: true)
        let retired = parent.appendingPathComponent(".\(name).old-\(suffix)", isDirectory: true)
        let location = SourceLocation(file: output)

        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .error(.output, "cannot create the output directory: \(error.localizedDescription)", at: location)
        }
        do {
            var created: Set<String> = []
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let directory = target.deletingLastPathComponent().path
                if created.insert(directory).inserted {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                try Data(file.bytes).write(to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .error(.output, "cannot write the site: \(error.localizedDescription); the previous '\(output)' is unchanged", at: location)
        }

        let hadOutput = manager.fileExists(atPath: outputURL.path)
        do {
            if hadOutput { try manager.moveItem(at: outputURL, to: retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw .error(.output, "cannot replace '\(output)': \(error.localizedDescription); it is unchanged", at: location)
        }
        do {
            try manager.moveItem(at: staging, to: outputURL)
        } catch {
            // Put the old site back rather than leave none.
            if hadOutput { try? manager.moveItem(at: retired, to: outputURL) }
            try? manager.removeItem(at: staging)
            throw .error(.output, "cannot move the new site into '\(output)': \(error.localizedDescription); the previous site is unchanged", at: location)
        }
        if hadOutput { try? manager.removeItem(at: retired) }
    }
}
