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
///
/// `build` streams its files through a `StagedSite` as they are rendered; this writes a site
/// held whole in memory.
public struct SiteWriter {
    public init() {}

    public func write(_ files: [OutputFile], to target: OutputTarget) throws(Diagnostic) {
        let site = try StagedSite(target)
        site.write(files)
        try site.commit()
    }
}
