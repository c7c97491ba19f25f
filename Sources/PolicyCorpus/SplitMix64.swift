/// A small, fast pseudo-random generator (Steele, Lea and Flood's SplitMix64) whose sequence
/// depends only on its seed: the corpus must be the same bytes on every machine and every run,
/// which `SystemRandomNumberGenerator` and `Hasher` (seeded per process) do not give.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one named part of the corpus (a paragraph, a language's wording of it),
    /// so that changing one part never shifts the random choices of another.
    public init(seed: UInt64, _ salts: UInt64...) {
        var mixed = Self.mix(seed)
        for salt in salts { mixed = Self.mix(mixed ^ Self.mix(salt &+ 0x9E37_79B9_7F4A_7C15)) }
        state = mixed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform integer in `0..<bound` (bound > 0), by multiply-shift; the tiny bias of a
    /// 64-bit product does not matter for text generation, and it needs no retry loop.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// A stable 64-bit value for a string (FNV-1a), for salting generators with names.
    public static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }

    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
