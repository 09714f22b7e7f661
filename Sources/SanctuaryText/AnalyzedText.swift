import CICUShim

/// One resident message prepared for matching: folded, segmented into words, and spelled in Latin letters.
public struct AnalyzedText: Sendable {
    /// The message as received (cut at `maxLength` characters).
    public let original: String
    /// Words of the NFKC case-folded text, accents kept (ї, ß, ñ, پ tell languages apart).
    public let foldedWords: [String]
    /// The same words with combining marks removed ("educación" → "educacion"), for intent matching.
    public let words: [String]
    /// The same words in ASCII Latin letters; equal to `words` when the text is already Latin.
    public let latinWords: [String]
    /// Letter counts per script.
    public let scriptCounts: ScriptCounts
    /// True when `latinWords` differ from `words` (the text has non-Latin letters).
    public let hasLatinChannel: Bool
    /// `words` joined by single spaces, for phrase matching and whole-message keywords.
    public let joinedWords: String
    /// `latinWords` joined by single spaces.
    public let joinedLatinWords: String

    /// Longest text analysed; a resident's SMS is far shorter, and longer input is cut rather than refused.
    public static let maxLength = 2000

    /// Analyses `text` in one ICU call: empty, emoji-only or very long input gives a valid (possibly empty) analysis.
    public init(_ text: String) {
        let clipped = text.utf8.count > Self.maxLength ? String(text.prefix(Self.maxLength)) : text
        original = clipped
        var counts = [Int32](repeating: 0, count: Int(SICU_SCRIPT_SLOTS))
        let (foldedJoined, strippedJoined) = Self.analyse(clipped, counts: &counts)
        foldedWords = splitOnSpaces(foldedJoined)
        words = foldedJoined == strippedJoined ? foldedWords : splitOnSpaces(strippedJoined)
        scriptCounts = ScriptCounts(slots: counts.map(Int.init))
        hasLatinChannel = scriptCounts.hasNonLatinLetters
        joinedWords = strippedJoined
        joinedLatinWords = hasLatinChannel ? LatinSpelling.spell(strippedJoined) : strippedJoined
        latinWords = hasLatinChannel ? splitOnSpaces(joinedLatinWords) : words
    }

    private static func analyse(_ text: String, counts: inout [Int32]) -> (String, String) {
        var text = text
        var capacity = max(64, text.utf8.count * 2 + 16)
        return text.withUTF8 { src in
            src.withMemoryRebound(to: CChar.self) { csrc in
                let base = csrc.baseAddress ?? UnsafePointer(bitPattern: 1)!
                while true {
                    var lengths: [Int32] = [0, 0]
                    var result: (String, String)? = nil
                    var status: Int32 = 0
                    withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity * 2) { buffer in
                        let folded = buffer.baseAddress!, stripped = buffer.baseAddress! + capacity
                        status = counts.withUnsafeMutableBufferPointer { c in
                            sicu_analyze8(base, Int32(src.count), folded, Int32(capacity), stripped, Int32(capacity), &lengths, c.baseAddress!)
                        }
                        if status == 0 {
                            result = (makeString(folded, Int(lengths[0])), makeString(stripped, Int(lengths[1])))
                        }
                    }
                    if let result { return result }
                    if status < 0 { return ("", "") }
                    capacity = Int(max(lengths[0], lengths[1])) + 16
                }
            }
        }
    }

    /// The script with most letters, nil for text without letters (digits, emoji).
    public var dominantScript: Script? { scriptCounts.dominant }

    /// The whole message trimmed and folded, for whole-message keywords ("STOP", " Stop! ").
    public var wholeMessageKey: String { joinedWords }
}

@inline(__always)
private func makeString(_ p: UnsafeMutablePointer<CChar>, _ n: Int) -> String {
    p.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
}

/// Splits on ASCII spaces without Character (grapheme) processing.
@inline(__always)
func splitOnSpaces(_ s: String) -> [String] {
    var result: [String] = []
    var s = s
    s.withUTF8 { bytes in
        var start = 0
        for i in 0...bytes.count {
            if i == bytes.count || bytes[i] == 0x20 {
                if i > start { result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
        }
    }
    return result
}
