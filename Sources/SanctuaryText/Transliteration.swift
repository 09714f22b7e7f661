import CICUShim

/// Transliteration through ICU transforms, used as a second matching channel ("pryvit" meets "привіт").
public enum Transliteration {
    /// The transform that turns any script into plain ASCII Latin.
    public static let anyToASCII = "Any-Latin; Latin-ASCII"

    /// Transliterates `text` with an ICU transform id; returns the text unchanged if the id is unknown.
    public static func transliterate(_ text: String, transform: String = anyToASCII) -> String {
        transformUTF8(text) { sicu_transliterate8(transform, $0, $1, $2, $3) } ?? text
    }

    /// ASCII Latin spelling of `text` ("Привіт" → "Privit", "مرحبا" → "mrhba").
    public static func toLatin(_ text: String) -> String {
        transliterate(text, transform: anyToASCII)
    }
}
