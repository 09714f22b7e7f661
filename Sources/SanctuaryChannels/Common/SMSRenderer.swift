import Foundation
import SanctuaryText

/// Prepares answer texts for SMS: swaps characters that needlessly force UCS-2, splits long texts at
/// sentence boundaries, and caps the number of segments.
public struct SMSRenderer: Sendable {
    /// Segments one message may take (concatenated SMS).
    public var maxSegmentsPerMessage: Int
    /// Messages one reply may be split into.
    public var maxMessages: Int

    public init(maxSegmentsPerMessage: Int = 4, maxMessages: Int = 3) {
        self.maxSegmentsPerMessage = maxSegmentsPerMessage
        self.maxMessages = maxMessages
    }

    /// Typographic characters and their GSM-7 equivalents.
    static let replacements: [Character: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2012}": "-", "\u{2212}": "-", "\u{2010}": "-", "\u{2011}": "-",
        "\u{2026}": "...", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{200B}": "", "\u{2022}": "-",
    ]

    /// The text with typographic quotes, dashes and spaces replaced, if that makes the whole text GSM-7.
    /// Texts that need UCS-2 anyway (Arabic, Cyrillic…) are left exactly as written.
    /// Always composed to NFC first ("e" + combining accent becomes "é", which GSM-7 has).
    public func normalise(_ text: String) -> String {
        let text = text.precomposedStringWithCanonicalMapping
        guard SMSEncoding.measure(text).encoding == .ucs2 else { return text }
        var out = ""
        for character in text { out += Self.replacements[character] ?? String(character) }
        return SMSEncoding.measure(out).encoding == .gsm7 ? out : text
    }

    /// The messages to send for a text: one when it fits, else pieces cut at sentence (then word) boundaries,
    /// at most `maxMessages`; the last piece ends with "…" when text had to be dropped.
    public func render(_ text: String) -> [String] {
        let text = normalise(text)
        if SMSEncoding.segments(text) <= maxSegmentsPerMessage { return [text] }
        var pieces: [String] = []
        var current = ""
        for sentence in Self.sentences(text) {
            let candidate = current + sentence
            if SMSEncoding.segments(candidate.trimmingCharacters(in: .whitespaces)) <= maxSegmentsPerMessage {
                current = candidate
                continue
            }
            if !current.isEmpty { pieces.append(current.trimmingCharacters(in: .whitespaces)) }
            current = sentence
            // A single sentence longer than a message: cut at words.
            while SMSEncoding.segments(current.trimmingCharacters(in: .whitespaces)) > maxSegmentsPerMessage {
                let (head, tail) = cutAtWord(current)
                pieces.append(head)
                current = tail
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { pieces.append(current.trimmingCharacters(in: .whitespaces)) }
        guard pieces.count > maxMessages else { return pieces }
        var kept = Array(pieces.prefix(maxMessages))
        var last = kept[maxMessages - 1]
        while SMSEncoding.segments(last + "…") > maxSegmentsPerMessage, let space = last.lastIndex(of: " ") { last = String(last[..<space]) }
        kept[maxMessages - 1] = last + "…"
        return kept
    }

    /// Splits the text into single SMS segments as a phone would (153 GSM-7 septets or 67 UCS-2 units each
    /// when concatenated), never splitting an escape pair or a surrogate pair.
    public static func segments(_ text: String) -> [String] {
        let (encoding, units) = SMSEncoding.measure(text)
        let single = encoding == .gsm7 ? 160 : 70
        if units <= single { return [text] }
        let limit = encoding == .gsm7 ? 153 : 67
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var used = 0
        // Per scalar, as phones split: an escape pair or a surrogate pair stays whole, a grapheme may not.
        for scalar in text.unicodeScalars {
            let cost = encoding == .gsm7 ? SMSEncoding.measure(String(scalar)).units : String(scalar).utf16.count
            if used + cost > limit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                used = 0
            }
            current.append(scalar)
            used += cost
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let enders: Set<Character> = [".", "!", "?", "\n", "。", "؟", "۔", "።", "፧"]
        for character in text {
            current.append(character)
            if enders.contains(character) {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func cutAtWord(_ text: String) -> (String, String) {
        var head = ""
        var lastSpace: String.Index? = nil
        for index in text.indices {
            let next = head + String(text[index])
            if SMSEncoding.segments(next) > maxSegmentsPerMessage { break }
            head = next
            if text[index] == " " { lastSpace = index }
        }
        if let space = lastSpace {
            return (String(text[..<space]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: space)...]))
        }
        return (head, String(text.dropFirst(head.count)))
    }
}
