/// Byte strings mapped to small integers, without making a `String` or hashing with `Hasher`
/// for each lookup: the tokenizer looks up every word of every compared section here, and
/// Swift's `String` hashing normalises non-ASCII text (NFC) on every call.
///
/// The keys live in one byte arena; the slots are open-addressed (linear probing, kept at most
/// half full). The hash is seeded once per process at random, so no input can be crafted to
/// make the probes collide on purpose; the ids handed out never depend on the hash, so the
/// output stays the same from run to run.
struct InternTable {
    private var arena: [UInt8] = []
    /// Per entry: where its key starts in `arena`, its length, its hash and its value.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private(set) var values: [Int32] = []
    /// Entry index + 1 per slot; 0 is empty. The count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    var count: Int { values.count }

    private static let seed: UInt64 = .random(in: .min ... .max)

    /// The value stored for `key`, or nil.
    func value(for key: UnsafeRawBufferPointer) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash, matches(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeRawBufferPointer, value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        starts.append(arena.count)
        lengths.append(key.count)
        hashes.append(hash)
        values.append(value)
        arena.append(contentsOf: key)
        place(count - 1, hash: hash)
    }

    private func matches(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        guard lengths[entry] == key.count else { return false }
        return arena.withUnsafeBytes { stored in
            key.count == 0 || memoryEqual(stored.baseAddress! + starts[entry], key.baseAddress!, key.count)
        }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in 0..<count { place(entry, hash: hashes[entry]) }
    }

    /// A seeded multiply-xorshift hash over 8-byte words, with a final avalanche so the low bits
    /// (the slot) depend on every byte.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= key.count {
            let word = key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            offset += 8
        }
        if offset < key.count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < key.count {
                word |= UInt64(key[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}

/// `memcmp` for equality, without importing the C library into every file.
private func memoryEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
        index += 8
    }
    while index < count {
        if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
        index += 1
    }
    return true
}
