import Crypto
import PolicyModel

/// SHA-256 of version files, for `published.lock`. The only code that hashes: everything after
/// the parse stage compares the digests recorded in the model.
public enum SourceHasher {
    public static func sha256(_ bytes: [UInt8]) -> SourceDigest {
        // SHA-256 gives 32 bytes by construction.
        SourceDigest(bytes: SHA256.hash(data: bytes))!
    }
}
