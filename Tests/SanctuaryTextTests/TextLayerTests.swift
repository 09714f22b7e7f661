import Testing
import SanctuaryText

@Suite("ICU text layer")
struct TextLayerTests {
    @Test(arguments: [
        ("Straße", "strasse"), ("ＨＯＬＡ", "hola"), ("ÉCOLE", "école"), ("ﬁle", "file"), ("ПРИВІТ", "привіт"),
    ])
    func foldsCaseAndCompatibilityForms(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test func stripsAccentsAndHarakat() {
        #expect(TextFolding.foldStrippingMarks("Educación MÉDICA") == "educacion medica")
        #expect(TextFolding.foldStrippingMarks("مَرْحَبًا") == "مرحبا")
    }

    @Test func segmentsWordsIncludingDictionaryScripts() {
        #expect(WordSegmenter.words("hola, ¿qué tal? 911!") == ["hola", "qué", "tal", "911"])
        // Thai has no spaces between words: ICU's dictionary splits it.
        #expect(WordSegmenter.words("สวัสดีครับ").count == 2)
        #expect(WordSegmenter.words("").isEmpty)
        #expect(WordSegmenter.words("😀🙏").isEmpty)
    }

    @Test(arguments: [("привіт", "privit"), ("مرحبا", "mrhba"), ("سلام", "slam"), ("ሰላም", "salam")])
    func transliteratesToLatin(input: String, expected: String) {
        #expect(Transliteration.toLatin(input).lowercased() == expected)
    }

    @Test func detectsScripts() {
        #expect(ScriptDetection.dominantScript("ሰላም ኣለኹም") == .ethiopic)
        #expect(ScriptDetection.dominantScript("привет how") == .cyrillic)
        #expect(ScriptDetection.dominantScript("سلام hi") == .arabic)
        #expect(ScriptDetection.dominantScript("hola") == .latin)
        #expect(ScriptDetection.dominantScript("123 😀") == nil)
    }

    @Test func negotiatesLocalesAlongFallbackChains() {
        let available = ["en", "de", "es", "pt", "uk"]
        #expect(LocaleNegotiation.negotiate(requested: ["pt-BR"], available: available, defaultLocale: "en") == "pt")
        #expect(LocaleNegotiation.negotiate(requested: ["fr-CA", "de-AT"], available: available, defaultLocale: "en") == "de")
        #expect(LocaleNegotiation.negotiate(requested: ["zh-TW"], available: available, defaultLocale: "en") == "en")
        #expect(LocaleNegotiation.negotiate(requested: ["UK_ua"], available: available, defaultLocale: "en") == "uk")
        #expect(LocaleNegotiation.fallbackChain("pt-BR") == ["pt-BR", "pt-Latn-BR", "pt-Latn", "pt"])
        #expect(LocaleNegotiation.maximize("pt") == "pt-Latn-BR")
        #expect(LocaleNegotiation.canonical("EN_us") == "en-US")
        #expect(LocaleNegotiation.parseAcceptLanguage("de-CH, fr;q=0.9, en;q=0.8, *;q=0.1") == ["de-CH", "fr", "en"])
    }

    @Test func pluralCategoriesFollowCLDR() {
        #expect(PluralRules.category(of: 1, locale: "en") == "one")
        #expect(PluralRules.category(of: 3, locale: "uk") == "few")
        #expect(PluralRules.category(of: 5, locale: "ru") == "many")
        #expect(PluralRules.category(of: 2, locale: "ar") == "two")
        #expect(PluralRules.category(of: 0, locale: "ar") == "zero")
    }

    @Test func formatsMessagesWithNamedArgumentsAndPlurals() throws {
        let pattern = "Ein Mensch antwortet in {wait_minutes, plural, one {# Minute} other {# Minuten}} ({org_name})."
        #expect(try MessageFormatting.validate(pattern, locale: "de") == ["wait_minutes", "org_name"])
        let text = try MessageFormatting.format(pattern, locale: "de", arguments: ["wait_minutes": .number(5), "org_name": .text("Café Asyl")])
        #expect(text == "Ein Mensch antwortet in 5 Minuten (Café Asyl).")
        let one = try MessageFormatting.format(pattern, locale: "de", arguments: ["wait_minutes": .number(1), "org_name": .text("X")])
        #expect(one.contains("1 Minute "))
        let ar = try MessageFormatting.format("{n, plural, zero {لا شيء} one {واحد} two {اثنان} few {قليل} many {كثير} other {#}}", locale: "ar", arguments: ["n": .number(2)])
        #expect(ar == "اثنان")
    }

    @Test func reportsBrokenMessageFormat() {
        #expect(throws: MessageFormatError.self) { try MessageFormatting.validate("Hello {name", locale: "en") }
        #expect(throws: MessageFormatError.self) { try MessageFormatting.validate("{n, plural, one {x}}", locale: "en") }
    }

    @Test func analysesBadInputWithoutCrashing() {
        #expect(AnalyzedText("").words.isEmpty)
        #expect(AnalyzedText("🙏🙏🙏").words.isEmpty)
        let long = String(repeating: "ayuda ", count: 2000)
        #expect(AnalyzedText(long).original.count == AnalyzedText.maxLength)
        let cyr = AnalyzedText("Привіт, допоможіть!")
        #expect(cyr.words == ["привіт", "допоможіть"])
        #expect(cyr.latinWords.first == "privit")
    }
}

@Suite("Message analysis")
struct AnalyzedTextTests {
    @Test func keepsApostrophesInsideWordsAndSplitsOnPunctuation() {
        #expect(AnalyzedText("Don't open! l’avocat, j'ai...").foldedWords == ["don't", "open", "l'avocat", "j'ai"])
        #expect(AnalyzedText("wi-fi/3andi").words == ["wi", "fi", "3andi"])
    }

    @Test func foldsAndStripsMarksPerWord() {
        let a = AnalyzedText("¿Dónde está la CLÍNICA?")
        #expect(a.foldedWords == ["dónde", "está", "la", "clínica"])
        #expect(a.words == ["donde", "esta", "la", "clinica"])
        #expect(a.latinWords == a.words)
    }

    @Test func persianJoinersStayInsideWordsAndVanishForMatching() {
        let a = AnalyzedText("من می‌خواهم")
        #expect(a.foldedWords.count == 2)
        #expect(a.words == ["من", "میخواهم"])
        #expect(a.scriptCounts[.arabic] == 9)
    }

    @Test func thaiUsesTheDictionaryBreakIterator() {
        #expect(AnalyzedText("สวัสดีครับ").words.count == 2)
    }

    @Test func countsLettersPerScriptIgnoringDigitsAndEmoji() {
        let a = AnalyzedText("Ausländerbehörde лист 123 🙏")
        #expect(a.scriptCounts[.latin] == 16)
        #expect(a.scriptCounts[.cyrillic] == 4)
        #expect(a.latinWords == ["auslanderbehorde", "list", "123"])
    }
}

@Suite("SMS encoding")
struct SMSEncodingTests {
    @Test(arguments: [
        ("hello", SMSEncoding.gsm7, 5, 1),
        (String(repeating: "a", count: 160), .gsm7, 160, 1),
        (String(repeating: "a", count: 161), .gsm7, 161, 2),
        (String(repeating: "a", count: 306), .gsm7, 306, 2),
        (String(repeating: "a", count: 307), .gsm7, 307, 3),
        ("€{}", .gsm7, 6, 1),                                   // extension table: two septets each
        ("café ñ à", .gsm7, 8, 1),                               // é ñ à are in the basic alphabet
        ("está", .ucs2, 4, 1),                                   // á is not
        (String(repeating: "я", count: 70), .ucs2, 70, 1),
        (String(repeating: "я", count: 71), .ucs2, 71, 2),
        (String(repeating: "ሰ", count: 135), .ucs2, 135, 3),
    ])
    func countsSegments(text: String, encoding: SMSEncoding, units: Int, segments: Int) {
        let measured = SMSEncoding.measure(text)
        #expect(measured.encoding == encoding)
        #expect(measured.units == units)
        #expect(SMSEncoding.segments(text) == segments)
    }
}
