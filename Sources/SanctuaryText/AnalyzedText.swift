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

    /// Longest text analysed; a resident's SMS is far shorter, and longer input is cut rather than refused.
    public static let maxLength = 2000

    /// Analyses `text`: empty, emoji-only or very long input gives a valid (possibly empty) analysis.
    public init(_ text: String) {
        let clipped = text.utf8.count > Self.maxLength * 4 || text.count > Self.maxLength ? String(text.prefix(Self.maxLength)) : text
        original = clipped
        let foldedJoined = WordSegmenter.joinedWords(TextFolding.fold(clipped))
        foldedWords = foldedJoined.split(separator: " ").map(String.init)
        let ascii = foldedJoined.utf8.allSatisfy { $0 < 0x80 }
        let strippedJoined = ascii ? foldedJoined : TextFolding.stripMarks(foldedJoined)
        words = ascii ? foldedWords : strippedJoined.split(separator: " ").map(String.init)
        scriptCounts = ascii ? ScriptCounts(asciiText: foldedJoined) : ScriptCounts(strippedJoined)
        latinWords = scriptCounts.hasNonLatinLetters ? LatinSpelling.spell(strippedJoined).split(separator: " ").map(String.init) : words
    }

    /// The script with most letters, nil for text without letters (digits, emoji).
    public var dominantScript: Script? { scriptCounts.dominant }

    /// The whole message trimmed and folded, for whole-message keywords ("STOP", " Stop! ").
    public var wholeMessageKey: String { words.joined(separator: " ") }
}
