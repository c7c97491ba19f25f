/// The median, which one slow run (another process taking a core) moves less than the mean.
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func median(_ values: [Int]) -> Int {
    Int(median(values.map(Double.init)).rounded())
}
