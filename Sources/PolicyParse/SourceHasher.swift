import Crypto
import PolicyLoad
import PolicyModel

/// SHA-256 of version files, for `published.lock`. The only code that hashes: everything after
/// the parse stage compares the digests recorded in the model.
public enum SourceHasher {
    public static func sha256(_ bytes: [UInt8]) -> SourceDigest {
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        // 64 lower-case hex digits by construction.
        return SourceDigest(hex: String(decoding: hex, as: UTF8.self))!
    }

    /// Every file of the snapshot at a version file's place (`<policy>/<date>/<lang>.md`),
    /// hashed as read: the exact bytes, whether or not they are valid UTF-8 or parse.
    public static func versionFiles(in content: DirectorySnapshot) -> [VersionFilePath: HashedFile] {
        var result: [VersionFilePath: HashedFile] = [:]
        for file in content.files {
            guard let path = VersionFilePath(file.path) else { continue }
            result[path] = HashedFile(file: content.displayPath(file.path), digest: sha256(file.bytes))
        }
        return result
    }
}
