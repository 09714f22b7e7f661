/// One resident message prepared for matching: folded, segmented into words, and spelled in Latin letters.
public struct AnalyzedText: Sendable {
    /// The message as received.
    public let original: String
    /// NFKC case-folded text; keeps accents and letters that tell languages apart (ї, ß, پ).
    public let folded: String
    /// Words of the folded text, accents kept (for language identification).
    public let foldedWords: [String]
    /// Words of the folded text with combining marks removed ("educación" → "educacion").
    public let words: [String]
    /// The same words in ASCII Latin letters; equal to `words` when the text is already Latin.
    public let latinWords: [String]
    /// Letter counts per script.
    public let scriptCounts: [Script: Int]

    /// Longest text analysed; a resident's SMS is far shorter, and longer input is cut rather than refused.
    public static let maxLength = 2000

    /// Analyses `text`: empty, emoji-only or very long input gives a valid (possibly empty) analysis.
    public init(_ text: String) {
        let clipped = text.count > Self.maxLength ? String(text.prefix(Self.maxLength)) : text
        original = clipped
        folded = TextFolding.fold(clipped)
        foldedWords = WordSegmenter.words(folded).map(String.init)
        let joined = foldedWords.joined(separator: " ")
        let hasMarks = joined.unicodeScalars.contains { !$0.isASCII }
        words = hasMarks ? TextFolding.foldStrippingMarks(joined).split(separator: " ").map(String.init) : foldedWords
        scriptCounts = ScriptDetection.letterCounts(folded)
        let nonLatinLetters = scriptCounts.contains { $0.key != .latin && $0.value > 0 }
        if nonLatinLetters {
            let latin = Transliteration.toLatin(words.joined(separator: " ")).lowercased()
            latinWords = latin.split(separator: " ").map(String.init)
        } else {
            latinWords = words
        }
    }

    /// The script with most letters, nil for text without letters (digits, emoji).
    public var dominantScript: Script? {
        scriptCounts.max { a, b in a.value < b.value || (a.value == b.value && a.key.rawValue > b.key.rawValue) }?.key
    }

    /// The words joined by single spaces with a leading and trailing space, for phrase matching at word starts.
    public var spacedWords: String { " " + words.joined(separator: " ") + " " }
    /// The Latin words joined the same way.
    public var spacedLatinWords: String { " " + latinWords.joined(separator: " ") + " " }
    /// The whole message trimmed and folded, for whole-message keywords ("STOP", " Stop! ").
    public var wholeMessageKey: String { words.joined(separator: " ") }
}
