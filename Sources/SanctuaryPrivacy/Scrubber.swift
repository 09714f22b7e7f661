import Foundation

/// Masks identifiers that residents volunteer inside their messages before anything is stored or shown:
/// e-mail addresses, phone numbers, A-numbers, passport and ID numbers, and names after "my name is"
/// in the supported languages. Digits of every script count (Arabic-Indic, Persian, Devanagari…).
public struct Scrubber: Sendable {
    public static let phoneMask = "<PHONE>"
    public static let idMask = "<ID>"
    public static let emailMask = "<EMAIL>"
    public static let nameMask = "<NAME>"

    public init() {}

    /// The text with every identifier replaced by its mask.
    public func scrub(_ text: String) -> String {
        var result = text
        result = Self.replace(Self.email, in: result) { _ in Self.emailMask }
        result = Self.replace(Self.aNumber, in: result) { _ in Self.idMask }
        result = Self.replace(Self.nameIntro, in: result) { match in
            // Keep the introduction ("me llamo"), mask what follows.
            match.intro + " " + Self.nameMask
        }
        result = Self.replace(Self.digitRun, in: result) { match in
            let digits = match.whole.unicodeScalars.filter { $0.properties.numericType == .decimal }.count
            if Self.looksLikeDateOrTime(match.whole) { return match.whole }
            if digits >= 7 { return Self.phoneMask }
            if digits >= 6 { return Self.idMask }
            return match.whole
        }
        result = Self.replace(Self.mixedID, in: result) { match in
            let digits = match.whole.unicodeScalars.filter { $0.properties.numericType == .decimal }.count
            return digits >= 3 ? Self.idMask : match.whole
        }
        return result
    }

    // MARK: - Patterns

    struct Match {
        let whole: String
        let intro: String
    }

    static let email = try! NSRegularExpression(pattern: #"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+"#)
    /// US alien registration numbers: A + 8 or 9 digits, often written A-123-456-789.
    static let aNumber = try! NSRegularExpression(pattern: #"(?<![\p{L}\p{N}])[Aa][\s\-#.]?(?:\p{Nd}[\s\-.]?){7,8}\p{Nd}(?![\p{L}\p{N}])"#)
    /// A run of digits possibly broken by spaces, dots, dashes, slashes or parentheses, with an optional + or 00.
    static let digitRun = try! NSRegularExpression(pattern: #"(?:\+|(?<![\p{L}\p{N}]))\(?\p{Nd}(?:\p{Nd}|[\s().\-/]{1,3}(?=\(?\p{Nd})){4,}"#)
    /// Passport, residence permit and ID card numbers: letters and digits mixed, 6–14 characters.
    static let mixedID = try! NSRegularExpression(pattern: #"(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{Nd})(?=[\p{L}\p{N}]*\p{L})[\p{L}\p{N}]{6,14}(?![\p{L}\p{N}])"#)
    /// "my name is X", "me llamo X", "ich heiße X", "je m'appelle X", "меня зовут X", "اسمي X", "adım X"…
    static let nameIntro = try! NSRegularExpression(pattern: #"(?i)(my name is|my name's|i am called|me llamo|mi nombre es|ich hei(?:ß|ss)e|mein name ist|je m'appelle|je m’appelle|mon nom est|meu nome é|meu nome e|me chamo|меня зовут|мене звати|моє ім'я|моё имя|اسمي|اسمی|اسم من|nom[ei] é|benim adım|adım|zemi|ismim|ኣነ ስመይ|ስመይ|زما نوم)\s+(\p{L}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*)?)"#)

    static func looksLikeDateOrTime(_ text: String) -> Bool {
        let ascii = String(text.unicodeScalars.map { scalar -> Character in
            if let v = scalar.properties.numericValue, scalar.properties.numericType == .decimal { return Character(String(Int(v))) }
            return Character(scalar)
        })
        return ascii.range(of: #"^\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}$"#, options: .regularExpression) != nil
            || ascii.range(of: #"^\d{1,2}[.:]\d{2}$"#, options: .regularExpression) != nil
    }

    static func replace(_ regex: NSRegularExpression, in text: String, with transform: (Match) -> String) -> String {
        let ns = text as NSString
        var output = ""
        var cursor = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            output += ns.substring(with: NSRange(location: cursor, length: m.range.location - cursor))
            let whole = ns.substring(with: m.range)
            let intro = m.numberOfRanges > 1 && m.range(at: 1).location != NSNotFound ? ns.substring(with: m.range(at: 1)) : ""
            output += transform(Match(whole: whole, intro: intro))
            cursor = m.range.location + m.range.length
        }
        output += ns.substring(from: cursor)
        return output
    }
}
