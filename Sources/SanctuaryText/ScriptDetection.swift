/// The writing systems Sanctuary tells apart (ISO 15924 codes); everything else is `other`.
public enum Script: String, Sendable, CaseIterable, Codable {
    case latin = "Latn", cyrillic = "Cyrl", arabic = "Arab", ethiopic = "Ethi"
    case greek = "Grek", hebrew = "Hebr", han = "Hani", devanagari = "Deva", thai = "Thai"
    case armenian = "Armn", georgian = "Geor", hangul = "Hang", other = "Zzzz"
}

/// Letter counts per script of one text, in a fixed-size table (no hashing on the hot path).
public struct ScriptCounts: Sendable, Equatable {
    private var counts = [Int](repeating: 0, count: Script.allCases.count)

    /// Counts the letters of `text`, ignoring digits, punctuation, emoji and Common/Inherited characters.
    /// The counting itself happens once, in the ICU analysis of the text (the same as for every message).
    public init(_ text: String) {
        self = AnalyzedText(text).scriptCounts
    }

    /// Counts from the shim's script slots (same order as `Script.allCases` and `SICU_SCRIPT_SLOTS`).
    init(slots: [Int]) { counts = slots }

    /// Letters in `script`.
    public subscript(script: Script) -> Int { counts[script.index] }
    /// All letters.
    public var total: Int { counts.reduce(0, +) }
    /// True when some letter is neither Latin nor unclassified.
    public var hasNonLatinLetters: Bool { counts.indices.contains { $0 != 0 && $0 != Script.other.index && counts[$0] > 0 } }
    /// The scripts present with their counts.
    public var nonZero: [(script: Script, count: Int)] { Script.allCases.filter { counts[$0.index] > 0 }.map { ($0, counts[$0.index]) } }
    /// The script with most letters, or nil without letters.
    public var dominant: Script? { nonZero.max { $0.count < $1.count }?.script }
}

extension Script {
    /// Position in `allCases`, for table lookups.
    var index: Int {
        switch self {
        case .latin: 0
        case .cyrillic: 1
        case .arabic: 2
        case .ethiopic: 3
        case .greek: 4
        case .hebrew: 5
        case .han: 6
        case .devanagari: 7
        case .thai: 8
        case .armenian: 9
        case .georgian: 10
        case .hangul: 11
        case .other: 12
        }
    }
}

/// Script detection over ICU's script property.
public enum ScriptDetection {
    /// The script with most letters, or nil when the text has no letters at all.
    public static func dominantScript(_ text: String) -> Script? {
        ScriptCounts(text).dominant
    }
}
