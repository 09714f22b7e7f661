/// How an SMS text is encoded and how many segments it takes (GSM 03.38 / 3GPP TS 23.038).
public enum SMSEncoding: String, Sendable, Equatable {
    /// 7-bit default alphabet: 160 characters in one segment, 153 per segment when concatenated.
    case gsm7
    /// UCS-2 (UTF-16 code units): 70 in one segment, 67 per segment when concatenated.
    case ucs2

    /// The GSM 7-bit default alphabet (one septet each).
    static let basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà".unicodeScalars)
    /// The extension table (an escape plus one septet each).
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    /// The encoding a text needs, and its length in that encoding's units (septets or UTF-16 code units).
    /// Counted per Unicode scalar as it goes on the air: "\r\n" is two septets, and an "e" followed by a
    /// combining accent needs UCS-2 (normalise to NFC first to get "é").
    public static func measure(_ text: String) -> (encoding: SMSEncoding, units: Int) {
        var septets = 0
        for scalar in text.unicodeScalars {
            if basic.contains(scalar) { septets += 1 } else if extended.contains(scalar) { septets += 2 } else {
                return (.ucs2, text.utf16.count)
            }
        }
        return (.gsm7, septets)
    }

    /// Number of SMS segments needed for `text`.
    public static func segments(_ text: String) -> Int {
        let (encoding, units) = measure(text)
        guard units > 0 else { return 1 }
        switch encoding {
        case .gsm7: return units <= 160 ? 1 : (units + 152) / 153
        case .ucs2: return units <= 70 ? 1 : (units + 66) / 67
        }
    }
}
