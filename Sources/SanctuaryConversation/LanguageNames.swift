import Foundation
import SanctuaryText

/// Finds a language named in a message ("español", "in English please", "auf Deutsch", "عربي", "LANG fa").
public enum LanguageNames {
    /// Names residents use for each language (folded: lower case, no accents), in many languages.
    static let names: [String: [String]] = [
        "en": ["en", "english", "ingles", "englisch", "anglais", "ingilizce", "английский", "англійська", "انجليزي", "انگلیسی", "ingles"],
        "de": ["de", "deutsch", "german", "aleman", "allemand", "almanca", "немецкий", "німецька", "الماني", "آلمانی", "alemao"],
        "es": ["es", "espanol", "spanish", "spanisch", "espagnol", "ispanyolca", "испанский", "іспанська", "اسباني", "اسپانیایی", "espanhol", "castellano"],
        "fr": ["fr", "francais", "french", "franzosisch", "frances", "fransizca", "французский", "французька", "فرنسي", "فرانسوی"],
        "ar": ["ar", "arabic", "arabisch", "arabe", "arapca", "арабский", "арабська", "عربي", "العربية", "عربية", "عربی", "3arabi", "arabi"],
        "fa": ["fa", "farsi", "persian", "persisch", "persan", "farsca", "фарси", "перська", "فارسی", "فارسي", "dari", "دری"],
        "tr": ["tr", "turkce", "turkish", "turkisch", "turc", "turco", "турецкий", "турецька", "تركي", "ترکی"],
        "uk": ["uk", "українська", "украинский", "ukrainian", "ukrainisch", "ukrainien", "ucraniano", "ukraynaca", "ukrainska", "ukrainskoyu", "українською"],
        "ru": ["ru", "русский", "російська", "russian", "russisch", "russe", "ruso", "rusca", "russkiy", "po-russki", "по-русски", "русском", "روسی"],
        "pt": ["pt", "portugues", "portuguese", "portugiesisch", "portugais", "portekizce"],
        "ps": ["ps", "pashto", "paschtu", "pachto", "pastun", "پښتو", "پشتو"],
        "ti": ["ti", "tigrinya", "tigrinisch", "tigrigna", "ትግርኛ", "tigrigna"],
    ]

    static let lookup: [String: String] = {
        var table: [String: String] = [:]
        for (code, list) in names { for name in list { table[TextFolding.foldStrippingMarks(name)] = code } }
        return table
    }()

    /// The language named in `text`, if exactly one known name appears as a word.
    public static func named(in text: String, available: [String]) -> String? {
        let words = AnalyzedText(text).words
        let found = Set(words.compactMap { lookup[$0] }).intersection(available)
        if found.count == 1 { return found.first }
        return nil
    }
}
