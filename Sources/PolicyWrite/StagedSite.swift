import CAtomicSwap
import Dispatch
import Foundation
import PolicyCore
import PolicyModel

/// A site being written, so that the output directory is always a complete site.
///
/// Files go into a staging directory beside the output as they are rendered, on a writer queue
/// of their own, with the marker written first. Once every file is written and the file system
/// flushed (once for the whole site, not per file), `commit` exchanges the staging directory and
/// the output in one atomic step (`renameat2(RENAME_EXCHANGE)` on Linux), so there is no moment
/// without a site; where the file system cannot exchange, two renames do it, with the old site
/// put back if the second fails. Until then the output is untouched: `abandon`, or a build killed
/// at any point, leaves the previous site whole and at worst a staging directory that the next
/// build removes.
///
/// Files arrive in batches while the next batch renders, so the kernel's work of creating
/// thousands of files overlaps the render instead of following it, and at most
/// `pendingBatches` batches wait in memory: a build holds a few pages at a time, not the site.
public final class StagedSite: @unchecked Sendable {
    /// Batches accepted but not yet written, at most; `write` waits for room.
    static let pendingBatches = 2

    private let target: OutputTarget
    private let location: SourceLocation
    private let staging: String
    private let litter: LeftoverDirectories
    // Touched only on `queue` (and after it drained).
    private var writer: StagingWriter
    private let queue = DispatchQueue(label: "policysite.staged-site")
    private let room = DispatchSemaphore(value: StagedSite.pendingBatches)
    private let failureLock = NSLock()
    private var failureMessage: String?
    private var finished = false

    /// Makes the staging directory (after removing those of builds that died) and writes the
    /// output marker into it first.
    public init(_ target: OutputTarget) throws(Diagnostic) {
        self.target = target
        location = SourceLocation(file: target.given)
        let output = URL(fileURLWithPath: target.path, isDirectory: true)
        let parent = output.deletingLastPathComponent().path
        litter = LeftoverDirectories(parent: parent, outputName: output.lastPathComponent)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .error(.output, "cannot create '\(parent)', the folder that holds the output: \(error.localizedDescription)", at: location)
        }
        litter.removeAbandoned()
        staging = litter.newStagingPath()
        guard mkdir(staging, 0o777) == 0 else {
            throw .error(.output, "cannot write the site: cannot create '\(staging)': \(String(cString: strerror(errno))); '\(target.given)' is unchanged", at: location)
        }
        do throws(StagingWriter.Failure) {
            writer = try StagingWriter(directory: staging)
            try writer.write(OutputMarker.fileName, Array(OutputMarker.contents.utf8))
        } catch {
            DirectoryRemover.remove(staging)
            throw .error(.output, "cannot write the site: \(error.message); '\(target.given)' is unchanged", at: location)
        }
    }

    /// Queues files to write; false once a write has failed (`commit` then says why).
    @discardableResult
    public func write(_ files: [OutputFile]) -> Bool {
        guard failure == nil else { return false }
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            guard failure == nil else { return }
            do throws(StagingWriter.Failure) {
                for file in files { try writer.write(file.path, file.bytes) }
            } catch {
                setFailure(error.message)
            }
        }
        return true
    }

    /// Waits for every queued file, flushes the file system once, and swaps the staging
    /// directory in as the output. On any failure the staging directory is removed and the
    /// output is left as it was.
    public func commit() throws(Diagnostic) {
        queue.sync {}
        finished = true
        if failureMessage == nil {
            do throws(StagingWriter.Failure) {
                // Once, for the whole site, before it can be swapped in (see `StagingWriter`).
                try writer.sync()
            } catch {
                setFailure(error.message)
            }
        }
        writer.close()
        if let failureMessage {
            DirectoryRemover.remove(staging)
            throw .error(.output, "cannot write the site: \(failureMessage); '\(target.given)' is unchanged", at: location)
        }
        do throws(Diagnostic) {
            // The directory may have changed while the site was rendered: check it again.
            try OutputTarget.checkExisting(target.path, given: target.given, force: target.force) { .error(.output, $0, at: location) }
            try Self.swap(staging: staging, into: target.path, retiredPath: litter.newRetiredPath(), location: location)
        } catch {
            DirectoryRemover.remove(staging)
            throw error
        }
    }

    /// Drops what was written: the output stays as it was. Returns why a write failed, if one
    /// did (it stops the render, so the caller reports it).
    @discardableResult
    public func abandon() -> Diagnostic? {
        queue.sync {}
        if !finished {
            finished = true
            writer.close()
            DirectoryRemover.remove(staging)
        }
        return failure.map { .error(.output, "cannot write the site: \($0); '\(target.given)' is unchanged", at: location) }
    }

    private var failure: String? {
        failureLock.lock()
        defer { failureLock.unlock() }
        return failureMessage
    }

    private func setFailure(_ message: String) {
        failureLock.lock()
        if failureMessage == nil { failureMessage = message }
        failureLock.unlock()
    }

    /// Moves the staging directory into place. Afterwards the old site (if any) is gone.
    private static func swap(staging: String, into output: String, retiredPath: String, location: SourceLocation) throws(Diagnostic) {
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
