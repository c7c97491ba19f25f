import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, with the results in the input's order.
    ///
    /// The transform must be a pure function of its element (every stage's work is). Each
    /// core takes the next few items as it finishes its last ones, so one slow item (a long
    /// change page) does not leave the other cores idle behind a fixed share; small items are
    /// taken several at a time, so they do not each pay for the hand-out.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard count > 1, workers > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        // About 16 hand-outs per core: fine enough to balance, coarse enough to be free.
        let dispenser = IndexDispenser(count: count, grain: Swift.max(1, count / (workers * 16)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let range = dispenser.next() {
                for index in range { slots.set(index, transform(self[index])) }
            }
        }
        return slots.values()
    }
}

/// Hands out consecutive ranges of indices, each once, to whichever thread asks.
private final class IndexDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var start = 0
    private let count: Int
    private let grain: Int

    init(count: Int, grain: Int) {
        self.count = count
        self.grain = grain
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard start < count else { return nil }
        let end = Swift.min(start + grain, count)
        defer { start = end }
        return start..<end
    }
}

/// One slot per result, in raw memory: each slot is written by exactly one iteration of
/// `concurrentPerform` and read only after all of them have returned, so no two threads touch
/// the same slot. (A Swift array here would trip exclusivity checking.)
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    func values() -> [T] { (0..<count).map { slots[$0]! } }
}

extension Array {
    /// The array cut into consecutive slices of at most `size` elements, in order.
    public func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
