import Foundation

/// The file at the root of every site policysite writes. Its presence is what allows a later
/// build to replace the directory: policysite never replaces a directory it did not write.
public enum OutputMarker {
    public static let fileName = ".policysite"

    /// The marker's text: a first line a later build recognises, then a word for a person who
    /// finds the file.
    static let contents = """
        policysite output directory
        This directory was written by `policysite build`, which replaces it whole on every build.
        Keep no files of your own here: they would be deleted by the next build.

        """

    static let signature = "policysite output directory\n"

    /// True when `directory` holds a marker written by policysite: a regular file (not a link)
    /// whose first line is the signature.
    static func isPresent(in directory: String) -> Bool {
        let path = directory + "/" + fileName
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: signature.utf8.count)) ?? Data()
        return head == Data(signature.utf8)
    }
}
