import CAtomicSwap
import Foundation
import PolicyCore
import PolicyModel

/// Puts a rendered site on disk so that the output directory is always a complete site.
///
/// The files go into a staging directory beside the output, with the marker written first.
/// Once every file is written and the file system flushed (once for the whole site, not per
/// file), the staging directory and the output are exchanged in one
/// atomic step (`renameat2(RENAME_EXCHANGE)` on Linux), so there is no moment without a site;
/// where the file system cannot exchange, two renames do it, with the old site put back if the
/// second fails. A build killed at any point leaves the previous site whole and, at worst, a
/// staging directory that the next build removes.
public struct SiteWriter {
    public init() {}

    public func write(_ files: [OutputFile], to target: OutputTarget) throws(Diagnostic) {
        let location = SourceLocation(file: target.given)
        let output = URL(fileURLWithPath: target.path, isDirectory: true)
        let parent = output.deletingLastPathComponent().path
        let litter = LeftoverDirectories(parent: parent, outputName: output.lastPathComponent)
        let manager = FileManager.default

        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .error(.output, "cannot create '\(parent)', the folder that holds the output: \(error.localizedDescription)", at: location)
        }
        litter.removeAbandoned()

        let staging = litter.newStagingPath()
        guard mkdir(staging, 0o777) == 0 else {
            throw .error(.output, "cannot write the site: cannot create '\(staging)': \(String(cString: strerror(errno))); '\(target.given)' is unchanged", at: location)
        }
        do throws(StagingWriter.Failure) {
            var writer = try StagingWriter(directory: staging)
            defer { writer.close() }
            try writer.write(OutputMarker.fileName, Array(OutputMarker.contents.utf8))
            for file in files { try writer.write(file.path, file.bytes) }
            // Once, for the whole site, before it can be swapped in (see `StagingWriter`).
            try writer.sync()
        } catch {
            DirectoryRemover.remove(staging)
            throw .error(.output, "cannot write the site: \(error.message); '\(target.given)' is unchanged", at: location)
        }

        do throws(Diagnostic) {
            // The directory may have changed while the site was rendered: check it again.
            try OutputTarget.checkExisting(target.path, given: target.given, force: target.force) { .error(.output, $0, at: location) }
            try swap(staging: staging, into: target.path, retiredPath: litter.newRetiredPath(), location: location)
        } catch {
            DirectoryRemover.remove(staging)
            throw error
        }
    }

    /// Moves the staging directory into place. Afterwards the old site (if any) is gone.
    private func swap(staging: String, into output: String, retiredPath: String, location: SourceLocation) throws(Diagnostic) {
        guard ResolvedPath.exists(output) else {
            guard rename(staging, output) == 0 else {
                throw .error(.output, "cannot move the new site into '\(location.file)': \(String(cString: strerror(errno)))", at: location)
            }
            return
        }
        if policysite_exchange_paths(staging, output) == 0 {
            // The staging path now holds the previous site.
            DirectoryRemover.remove(staging)
            return
        }
        // No atomic exchange here: move the old site aside, then the new one in.
        guard rename(output, retiredPath) == 0 else {
            throw .error(.output, "cannot replace '\(location.file)': \(String(cString: strerror(errno))); it is unchanged", at: location)
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retiredPath, output)
            throw .error(.output, "cannot move the new site into '\(location.file)': \(reason); the previous site is unchanged", at: location)
        }
        DirectoryRemover.remove(retiredPath)
    }
}
