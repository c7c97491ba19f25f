import PolicyModel

/// The digests a file's bytes would have with its line endings converted or a UTF-8
/// byte-order mark added or removed: what git's `core.autocrlf` / `text` conversion and an
/// editor's "UTF-8 with BOM" do without changing a word. Only a lock digest is kept, not the
/// locked bytes, so the only way to recognise such a change is to try the conversions on the
/// bytes we have and look for the locked digest among the results.
enum EncodingVariants {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Every variant but the bytes themselves, keyed by digest.
    static func of(_ bytes: [UInt8]) -> [SourceDigest: EncodingDifference] {
        var marks: [(EncodingDifference.ByteOrderMark, [UInt8])] = [(.same, bytes)]
        if bytes.starts(with: byteOrderMark) {
            // This file has a mark: the locked one may not have had it.
            marks.append((.added, Array(bytes.dropFirst(byteOrderMark.count))))
        } else {
            marks.append((.removed, byteOrderMark + bytes))
        }
        var variants: [SourceDigest: EncodingDifference] = [:]
        for (mark, marked) in marks {
            var endings: [(EncodingDifference.LineEndings, [UInt8])] = [(.same, marked)]
            let (hasCRLF, hasLoneLF) = lineEnds(marked)
            // CRLF here: the locked file may have had LF. A lone LF here: it may have had CRLF.
            if hasCRLF { endings.append((.nowCRLF, crlfToLF(marked))) }
            if hasLoneLF { endings.append((.nowLF, lfToCRLF(marked))) }
            for (ending, converted) in endings where !(mark == .same && ending == .same) {
                variants[SourceHasher.sha256(converted)] = EncodingDifference(lineEndings: ending, byteOrderMark: mark)
            }
        }
        return variants
    }

    private static func lineEnds(_ bytes: [UInt8]) -> (crlf: Bool, loneLF: Bool) {
        var crlf = false, loneLF = false
        for index in bytes.indices where bytes[index] == 0x0A {
            if index > 0, bytes[index - 1] == 0x0D { crlf = true } else { loneLF = true }
            if crlf && loneLF { break }
        }
        return (crlf, loneLF)
    }

    /// Every CR LF pair becomes LF, as git does when it normalises a text file.
    static func crlfToLF(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for index in bytes.indices {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
            result.append(bytes[index])
        }
        return result
    }

    /// Every LF not already after a CR becomes CR LF, as git does on a CRLF checkout.
    static func lfToCRLF(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16)
        for index in bytes.indices {
            if bytes[index] == 0x0A, index == 0 || bytes[index - 1] != 0x0D { result.append(0x0D) }
            result.append(bytes[index])
        }
        return result
    }
}
