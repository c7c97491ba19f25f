import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, with the results in the input's order.
    ///
    /// The transform must be a pure function of its element (every stage's work is). Items are
    /// handed out in a few chunks per core, so many small items do not each pay for a dispatch.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard count > 1, chunks > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                slots.set(index, transform(self[index]))
            }
        }
        return slots.values()
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
