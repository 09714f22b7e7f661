import CICUShim

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
    public init(_ text: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { counts[0] += 1 }
            } else if scalar.properties.isAlphabetic {
                counts[ScriptDetection.script(of: scalar).index] += 1
            }
        }
    }

    /// Counts from the shim's script slots (same order as `Script.allCases`).
    init(slots: [Int]) { counts = slots }

    /// Counts an all-ASCII text: only Latin letters are possible.
    public init(asciiText: String) {
        counts[0] = asciiText.utf8.reduce(0) { ($1 | 0x20) >= 0x61 && ($1 | 0x20) <= 0x7A ? $0 + 1 : $0 }
    }

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

/// Counts letters per script with ICU's script property.
public enum ScriptDetection {
    /// The script with most letters, or nil when the text has no letters at all.
    public static func dominantScript(_ text: String) -> Script? {
        ScriptCounts(text).dominant
    }

    /// The script of one code point, ASCII letters answered without calling ICU.
    @inline(__always)
    public static func script(of scalar: Unicode.Scalar) -> Script {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A ? .latin : .other }
        // Fast paths for the scripts of the first-tier languages (letters only reach here).
        switch v {
        case 0x00C0...0x024F, 0x1E00...0x1EFF: return .latin
        case 0x0400...0x052F: return .cyrillic
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06D5, 0x06EE...0x06FF, 0x0750...0x077F, 0x08A0...0x08C9: return .arabic
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F: return .ethiopic
        default: break
        }
        let code = sicu_script(v)
        let name = String(cString: sicu_script_code_name(code))
        switch name {
        case "Hira", "Kana", "Hani": return .han
        case "Zyyy", "Zinh": return .other
        default: return Script(rawValue: name) ?? .other
        }
    }
}
