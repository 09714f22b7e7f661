import CICUShim

/// The writing systems Sanctuary tells apart (ISO 15924 codes); everything else is `other`.
public enum Script: String, Sendable, CaseIterable, Codable {
    case latin = "Latn", cyrillic = "Cyrl", arabic = "Arab", ethiopic = "Ethi"
    case greek = "Grek", hebrew = "Hebr", han = "Hani", devanagari = "Deva", thai = "Thai"
    case armenian = "Armn", georgian = "Geor", hangul = "Hang", other = "Zzzz"
}

/// Counts letters per script with ICU's script property.
public enum ScriptDetection {
    /// Letter counts per script, ignoring digits, punctuation, emoji and Common/Inherited characters.
    public static func letterCounts(_ text: String) -> [Script: Int] {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            let script = script(of: scalar)
            counts[script, default: 0] += 1
        }
        return counts
    }

    /// The script with most letters, or nil when the text has no letters at all.
    public static func dominantScript(_ text: String) -> Script? {
        letterCounts(text).max { a, b in a.value < b.value || (a.value == b.value && a.key.rawValue > b.key.rawValue) }?.key
    }

    /// The script of one code point, ASCII letters answered without calling ICU.
    @inline(__always)
    public static func script(of scalar: Unicode.Scalar) -> Script {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A ? .latin : .other }
        let code = sicu_script(v)
        let name = String(cString: sicu_script_code_name(code))
        switch name {
        case "Hira", "Kana", "Hani": return .han
        case "Zyyy", "Zinh": return .other
        default: return Script(rawValue: name) ?? .other
        }
    }
}
