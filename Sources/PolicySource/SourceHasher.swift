import Crypto
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
}
