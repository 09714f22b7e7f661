import CICUShim

/// Splits text into words with ICU's word break rules (dictionary-based for Thai, Khmer, CJK and similar scripts).
public enum WordSegmenter {
    /// The word-like segments (letters, numbers, ideographs) of `text`, punctuation and spaces dropped.
    public static func words(_ text: String, locale: String = "") -> [String] {
        joinedWords(text, locale: locale).split(separator: " ").map(String.init)
    }

    /// The word-like segments joined by single spaces, in one ICU call.
    public static func joinedWords(_ text: String, locale: String = "") -> String {
        guard !text.isEmpty else { return "" }
        return transformUTF8(text) { sicu_words8(locale, $0, $1, $2, $3) } ?? ""
    }
}
