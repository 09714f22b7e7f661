import CICUShim

/// Case and compatibility folding of resident text through ICU.
public enum TextFolding {
    /// NFKC case folding: "Straße" → "strasse", full-width "ＡＢＣ" → "abc", ligatures expanded.
    public static func fold(_ text: String) -> String {
        withUTF16(text) { src, len in
            withUTF16Output(capacityHint: Int(len) + 8) { sicu_fold(src, len, $0, $1) }
        } ?? text.lowercased()
    }

    /// Folding plus removal of combining marks, so "educación" and "educacion" match, and Arabic harakat vanish.
    public static func foldStrippingMarks(_ text: String) -> String {
        withUTF16(text) { src, len in
            withUTF16Output(capacityHint: Int(len) + 8) { sicu_fold_strip(src, len, $0, $1) }
        } ?? text.lowercased()
    }
}
