import CICUShim

/// Splits text into words with ICU's word break rules (dictionary-based for Thai, Khmer, CJK and similar scripts).
public enum WordSegmenter {
    /// The word-like segments (letters, numbers, ideographs) of `text`, punctuation and spaces dropped.
    public static func words(_ text: String, locale: String = "") -> [Substring] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var capacity = max(8, units.count / 2 + 4)
        while true {
            var bounds = [Int32](repeating: 0, count: capacity * 2)
            let found = units.withUnsafeBufferPointer { src in
                bounds.withUnsafeMutableBufferPointer { dst in
                    sicu_words(locale, src.baseAddress!, Int32(src.count), dst.baseAddress!, Int32(capacity))
                }
            }
            if found < 0 { return text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }) }
            if Int(found) > capacity { capacity = Int(found); continue }
            let utf16 = text.utf16
            return (0..<Int(found)).map { i in
                let start = utf16.index(utf16.startIndex, offsetBy: Int(bounds[2 * i]))
                let end = utf16.index(utf16.startIndex, offsetBy: Int(bounds[2 * i + 1]))
                return text[start..<end]
            }
        }
    }
}
