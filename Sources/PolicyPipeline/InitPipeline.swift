import Foundation
import PolicyCore
import PolicyModel
import PolicyTheme

/// What `init` is asked to do.
public struct InitOptions: Sendable {
    /// The folder to start the site in (created if missing).
    public var directory: String
    /// Also write the built-in theme into `Templates/`, for editing.
    public var templates: Bool
    /// The starter versions' effective date: today, passed in from the edge.
    public var effective: CalendarDate

    public init(directory: String = ".", templates: Bool = false, effective: CalendarDate) {
        self.directory = directory
        self.templates = templates
        self.effective = effective
    }
}

/// What `init` did.
public struct InitReport: Sendable {
    /// The files written, as paths the user can type (under the folder as they named it).
    public var created: [String]
    /// The starter content was left out because the folder already has a site
    /// (`init --templates` in an existing site writes the theme alone).
    public var keptExistingContent: Bool
    public var diagnostics: [Diagnostic]
    public var exitStatus: ExitStatus
}

/// `init`: a starter site, and with `--templates` the built-in theme to edit. Never overwrites
/// or deletes a file: if any file it would write exists, it writes nothing and names each one.
public enum InitPipeline {
    public static func run(_ options: InitOptions) -> InitReport {
        let root = options.directory
        func display(_ path: String) -> String { root == "." ? path : (root.hasSuffix("/") ? root + path : root + "/" + path) }

        // `init --templates` in a folder that already holds a site: the theme alone.
        let hasSite = FileSystemEntry.exists(display("Content/site.yml"))
        let keepContent = options.templates && hasSite
        var files: [(path: String, bytes: [UInt8])] = []
        if !keepContent {
            files += StarterSite.files(effective: options.effective).map { ($0.path, Array($0.text.utf8)) }
        }
        if options.templates {
            files += BuiltinTheme.snapshot.files.map { ("Templates/" + $0.path, $0.bytes) }
        }

        let existing = files.map { display($0.path) }.filter(FileSystemEntry.exists)
        guard existing.isEmpty else {
            let diagnostics = existing.map { path in
                Diagnostic.error(.output, "the file already exists; init never overwrites a file: move it away, or run init in an empty folder", at: SourceLocation(file: path))
            }
            return InitReport(created: [], keptExistingContent: keepContent, diagnostics: diagnostics, exitStatus: .usageOrConfiguration)
        }

        var created: [String] = []
        var createdFolders: [String] = []
        for file in files {
            let path = display(file.path)
            do throws(Diagnostic) {
                createdFolders += try FileSystemEntry.createFolders(for: path)
                try FileSystemEntry.createExclusively(path, bytes: file.bytes)
                created.append(path)
            } catch {
                // Leave no half-made site: take back exactly what this run made.
                for path in created.reversed() { unlink(path) }
                for folder in createdFolders.reversed() { rmdir(folder) }
                return InitReport(created: [], keptExistingContent: keepContent, diagnostics: [error], exitStatus: .usageOrConfiguration)
            }
        }
        return InitReport(created: created, keptExistingContent: keepContent, diagnostics: [], exitStatus: .success)
    }
}

/// The few file-system calls `init` needs, each refusing to replace anything.
enum FileSystemEntry {
    /// Anything at the path, a dangling symbolic link included.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates the missing folders above `path`, outermost first, and returns those it made.
    static func createFolders(for path: String) throws(Diagnostic) -> [String] {
        var missing: [String] = []
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !exists(folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        var made: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                for done in made.reversed() { rmdir(done) }
                throw .error(.output, "cannot create folder '\(folder)': \(reason); check the permissions of the folder above it", at: SourceLocation(file: folder))
            }
            made.append(folder)
        }
        return made
    }

    /// Writes a new file; fails if anything is at the path, however it got there: the same
    /// exclusive write `ContentWriter.createFolder` uses for `new`.
    static func createExclusively(_ path: String, bytes: [UInt8]) throws(Diagnostic) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw .error(.output, "cannot create '\(path)': it already exists; init never overwrites a file", at: SourceLocation(file: path))
        } catch {
            throw .error(.output, "cannot create '\(path)': \(error.localizedDescription)", at: SourceLocation(file: path))
        }
    }
}
