import CICUShim

/// Case and compatibility folding of resident text through ICU.
public enum TextFolding {
    /// NFKC case folding: "Straße" → "strasse", full-width "ＡＢＣ" → "abc", ligatures expanded.
    public static func fold(_ text: String) -> String {
        transformUTF8(text) { sicu_fold8($0, $1, $2, $3) } ?? text.lowercased()
    }

    /// Folding plus removal of combining marks, so "educación" and "educacion" match, and Arabic harakat vanish.
    public static func foldStrippingMarks(_ text: String) -> String {
        stripMarks(fold(text))
    }

    /// Removes combining marks only (the text is assumed folded already).
    public static func stripMarks(_ text: String) -> String {
        transformUTF8(text) { sicu_strip_marks8($0, $1, $2, $3) } ?? text
    }
}
