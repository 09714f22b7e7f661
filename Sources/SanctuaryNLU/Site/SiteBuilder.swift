import Foundation
import SanctuaryText

/// Builds the static know-your-rights website from the same content the SMS line answers from, so the two never
/// disagree: one page per topic (intents of category services, rights and sensitive) and locale, an index per locale
/// and a root page listing the languages. Plain semantic HTML with one local CSS file: no JavaScript, no trackers,
/// no external assets. Texts are rendered with the deployment's values and HTML-escaped.
public struct SiteBuilder: Sendable {
    public let content: Content
    public let values: DeploymentValues
    public let defaultLocale: String

    public init(content: Content, values: DeploymentValues, defaultLocale: String = "en") {
        self.content = content
        self.values = values
        self.defaultLocale = defaultLocale
    }

    /// What a build wrote.
    public struct Report: Sendable {
        /// Every file written, relative to the output directory.
        public var files: [String] = []
        public var topicPages = 0
        public var indexPages = 0
    }

    /// Topic intents in catalog order: urgent help first, then rights, then services.
    public var topics: [IntentDefinition] {
        let order = [IntentCategory.sensitive, .rights, .services]
        let catalog = Dictionary(uniqueKeysWithValues: IntentCatalog.requiredIDs.enumerated().map { ($1, $0) })
        return content.intents.filter { order.contains($0.category) }.sorted {
            let a = order.firstIndex(of: $0.category)!, b = order.firstIndex(of: $1.category)!
            if a != b { return a < b }
            return (catalog[$0.id] ?? Int.max, $0.id) < (catalog[$1.id] ?? Int.max, $1.id)
        }
    }

    /// Writes the site into `directory` (created if needed; files of an earlier build are overwritten).
    @discardableResult
    public func build(into directory: String) throws -> Report {
        let renderer = AnswerRenderer(content: content, values: values, defaultLocale: defaultLocale)
        let locales = content.locales
        let topics = self.topics
        var report = Report()
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func write(_ relative: String, _ text: String) throws {
            let path = "\(directory)/\(relative)"
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            report.files.append(relative)
        }
        try write("style.css", Self.stylesheet)
        try write("index.html", rootIndex(locales))
        report.indexPages += 1
        for bundle in locales {
            let strings = SiteStrings.for(bundle.locale)
            var entries: [(IntentDefinition, String)] = []
            for topic in topics {
                guard let answer = renderer.answer(intent: topic.id, language: bundle.locale) else { continue }
                let title = bundle.titles[topic.id].map(\.pattern) ?? Self.title(from: answer)
                entries.append((topic, title))
                let text = bundle.answers[topic.id]
                try write("\(bundle.locale)/\(topic.id).html", topicPage(bundle, strings: strings, topic: topic, title: title,
                                                                          answer: answer, text: text, locales: locales, renderer: renderer))
                report.topicPages += 1
            }
            try write("\(bundle.locale)/index.html", localeIndex(bundle, strings: strings, entries: entries, locales: locales, renderer: renderer))
            report.indexPages += 1
        }
        return report
    }

    // MARK: - Pages

    func rootIndex(_ locales: [LocaleBundle]) -> String {
        let items = locales.map { b in
            let s = SiteStrings.for(b.locale)
            return "<li lang=\"\(attr(b.locale))\" dir=\"\(b.rightToLeft ? "rtl" : "ltr")\"><a href=\"\(attr(b.locale))/index.html\" hreflang=\"\(attr(b.locale))\">"
                + "<span class=\"language\">\(html(b.name))</span> <span class=\"tagline\">\(html(s.siteTitle))</span></a></li>"
        }.joined(separator: "\n")
        let strings = SiteStrings.for(defaultLocale)
        return document(lang: defaultLocale, rtl: false, title: strings.siteTitle, css: "style.css", alternates: locales.map { ($0.locale, "\($0.locale)/index.html") }, body: """
        <main id="main">
        <h1>\(html(orgName ?? strings.siteTitle))</h1>
        <nav aria-label="\(attr(strings.languages))"><ul class="language-list">
        \(items)
        </ul></nav>
        </main>
        """)
    }

    func localeIndex(_ bundle: LocaleBundle, strings: SiteStrings, entries: [(IntentDefinition, String)], locales: [LocaleBundle], renderer: AnswerRenderer) -> String {
        var sections: [String] = []
        for (category, heading) in [(IntentCategory.sensitive, strings.sensitive), (.rights, strings.rights), (.services, strings.services)] {
            let items = entries.filter { $0.0.category == category }
            guard !items.isEmpty else { continue }
            let list = items.map { "<li><a href=\"\(attr($0.0.id)).html\">\(html($0.1))</a></li>" }.joined(separator: "\n")
            sections.append("<section class=\"\(category.rawValue)\" aria-labelledby=\"h-\(category.rawValue)\">\n<h2 id=\"h-\(category.rawValue)\">\(html(heading))</h2>\n<ul class=\"topics\">\n\(list)\n</ul>\n</section>")
        }
        let intro = renderer.conversation("greeting", language: bundle.locale).map { "<p class=\"intro\">\(paragraph($0))</p>" } ?? ""
        return document(lang: bundle.locale, rtl: bundle.rightToLeft, title: strings.siteTitle, css: "../style.css",
                        alternates: locales.map { ($0.locale, "../\($0.locale)/index.html") }, body: """
        \(header(bundle, strings: strings, locales: locales, page: "index.html"))
        <main id="main">
        <h1>\(html(strings.siteTitle))</h1>
        \(intro)
        \(sections.joined(separator: "\n"))
        </main>
        \(footer(bundle, renderer: renderer))
        """)
    }

    func topicPage(_ bundle: LocaleBundle, strings: SiteStrings, topic: IntentDefinition, title: String, answer: String, text: AnswerText?,
                   locales: [LocaleBundle], renderer: AnswerRenderer) -> String {
        var meta: [String] = []
        if let verified = text?.verified { meta.append("\(html(strings.lastChecked)): <time datetime=\"\(attr(verified))\">\(html(verified))</time>") }
        if text?.review != .reviewed { meta.append(html(strings.draft)) }
        let category = topic.category == .sensitive ? strings.sensitive : topic.category == .rights ? strings.rights : strings.services
        return document(lang: bundle.locale, rtl: bundle.rightToLeft, title: "\(title) · \(strings.siteTitle)", css: "../style.css",
                        alternates: locales.map { ($0.locale, "../\($0.locale)/\(topic.id).html") }, body: """
        \(header(bundle, strings: strings, locales: locales, page: "\(topic.id).html"))
        <main id="main">
        <article class="topic \(topic.category.rawValue)">
        <p class="category">\(html(category))</p>
        <h1>\(html(title))</h1>
        <p class="answer">\(paragraph(answer))</p>
        \(meta.isEmpty ? "" : "<p class=\"meta\">\(meta.joined(separator: " · "))</p>")
        </article>
        <p class="back"><a href="index.html">\(html(strings.allTopics))</a></p>
        </main>
        \(footer(bundle, renderer: renderer))
        """)
    }

    func header(_ bundle: LocaleBundle, strings: SiteStrings, locales: [LocaleBundle], page: String) -> String {
        let links = locales.map { other -> String in
            let dir = other.rightToLeft ? "rtl" : "ltr"
            if other.locale == bundle.locale {
                return "<li lang=\"\(attr(other.locale))\" dir=\"\(dir)\"><a href=\"\(attr(page))\" aria-current=\"page\">\(html(other.name))</a></li>"
            }
            return "<li lang=\"\(attr(other.locale))\" dir=\"\(dir)\"><a href=\"../\(attr(other.locale))/\(attr(page))\" hreflang=\"\(attr(other.locale))\">\(html(other.name))</a></li>"
        }.joined(separator: "\n")
        return """
        <header>
        <p class="site"><a href="index.html">\(html(orgName ?? strings.siteTitle))</a></p>
        <nav aria-label="\(attr(strings.languages))"><ul class="languages">
        \(links)
        </ul></nav>
        </header>
        """
    }

    func footer(_ bundle: LocaleBundle, renderer: AnswerRenderer) -> String {
        guard let help = renderer.conversation("help", language: bundle.locale) else { return "" }
        return "<footer>\n<p>\(paragraph(help))</p>\n</footer>"
    }

    func document(lang: String, rtl: Bool, title: String, css: String, alternates: [(String, String)], body: String) -> String {
        let links = alternates.map { "<link rel=\"alternate\" hreflang=\"\(attr($0.0))\" href=\"\(attr($0.1))\">" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(attr(lang))" dir="\(rtl ? "rtl" : "ltr")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(html(title))</title>
        <link rel="stylesheet" href="\(attr(css))">
        \(links)
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    // MARK: - Text

    var orgName: String? {
        if case .text(let name)? = values.values["org_name"] { return name }
        return nil
    }

    /// Phone numbers among the deployment values (whole values made of digits, spaces, +, ( ) and -).
    var phoneNumbers: [String] {
        values.values.compactMap { key, value -> String? in
            guard case .text(let text) = value, key != "opens_at",
                  text.range(of: "^\\+?[0-9][0-9 ()\\-]{1,22}$", options: .regularExpression) != nil else { return nil }
            return text
        }.sorted { $0.count > $1.count }
    }

    /// Escaped text with line breaks kept and the deployment's phone numbers as `tel:` links (left-to-right inside
    /// right-to-left text).
    func paragraph(_ text: String) -> String {
        var escaped = html(text)
        var links: [String: String] = [:]
        for (index, number) in phoneNumbers.enumerated() {
            let token = "\u{E000}\(index)\u{E001}"
            let escapedNumber = html(number)
            guard escaped.contains(escapedNumber) else { continue }
            escaped = escaped.replacingOccurrences(of: escapedNumber, with: token)
            let dial = number.filter { $0.isNumber || $0 == "+" }
            links[token] = "<a href=\"tel:\(attr(dial))\" dir=\"ltr\">\(escapedNumber)</a>"
        }
        for (token, link) in links { escaped = escaped.replacingOccurrences(of: token, with: link) }
        return escaped.replacingOccurrences(of: "\n", with: "<br>\n")
    }

    /// A heading from an answer: its first sentence (with the next one when the first is a bare "Yes."), at most
    /// about 110 characters, cut at a word.
    static func title(from answer: String) -> String {
        let firstLine = answer.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? answer
        let terminators: Set<Character> = [".", "!", "?", "؟", "።", "。"]
        var sentences: [String] = []
        var current = ""
        for character in firstLine {
            current.append(character)
            if terminators.contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current.trimmingCharacters(in: .whitespaces)) }
        var title = sentences.first ?? firstLine
        if title.count < 12, sentences.count > 1 { title += " " + sentences[1] }
        if title.count > 110 {
            let cut = title.prefix(110)
            title = (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
        }
        return title
    }

    /// HTML-escaped text (also safe inside quoted attributes).
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    func html(_ text: String) -> String { Self.escape(text) }
    func attr(_ text: String) -> String { Self.escape(text) }

    static let stylesheet = """
    /* Sanctuary know-your-rights site: one local stylesheet, no external fonts or assets. */
    :root { color-scheme: light dark; --accent: #0b5cab; --urgent: #b00020; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 1.125rem/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", sans-serif; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
    header { border-block-end: 1px solid #8886; margin-block-end: 1rem; }
    .site { font-weight: 700; margin-block: 0 0.5rem; }
    .languages, .language-list, .topics { list-style: none; padding: 0; }
    .languages { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-size: 0.95rem; }
    .languages [aria-current="page"] { font-weight: 700; text-decoration: none; color: inherit; }
    .language-list li, .topics li { margin-block: 0.5rem; }
    .language-list .language { font-weight: 700; }
    h1 { font-size: 1.5rem; line-height: 1.3; }
    h2 { font-size: 1.2rem; margin-block-start: 2rem; }
    .sensitive h2, .topic.sensitive .category { color: var(--urgent); }
    .category { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; margin-block-end: 0; }
    .answer { font-size: 1.2rem; }
    .meta, footer { font-size: 0.9rem; opacity: 0.85; }
    footer { border-block-start: 1px solid #8886; margin-block-start: 2rem; padding-block-start: 0.5rem; }
    a[href^="tel:"] { white-space: nowrap; unicode-bidi: isolate; }

    """
}

/// The few interface words of the site, per language (everything else comes from the locale files).
struct SiteStrings: Sendable {
    let siteTitle, services, rights, sensitive, languages, allTopics, lastChecked, draft: String

    static func `for`(_ locale: String) -> SiteStrings {
        table[LocaleNegotiation.language(of: locale)] ?? table["en"]!
    }

    static let table: [String: SiteStrings] = [
        "en": .init(siteTitle: "Know your rights and city services", services: "City services", rights: "Your rights", sensitive: "Urgent help",
                    languages: "Languages", allTopics: "All topics", lastChecked: "Last checked", draft: "Draft: not yet reviewed by specialists."),
        "de": .init(siteTitle: "Ihre Rechte und Angebote der Stadt", services: "Angebote der Stadt", rights: "Ihre Rechte", sensitive: "Dringende Hilfe",
                    languages: "Sprachen", allTopics: "Alle Themen", lastChecked: "Zuletzt geprüft", draft: "Entwurf: noch nicht von Fachleuten geprüft."),
        "es": .init(siteTitle: "Sus derechos y los servicios de la ciudad", services: "Servicios de la ciudad", rights: "Sus derechos", sensitive: "Ayuda urgente",
                    languages: "Idiomas", allTopics: "Todos los temas", lastChecked: "Última revisión", draft: "Borrador: aún no revisado por especialistas."),
        "fr": .init(siteTitle: "Vos droits et les services de la ville", services: "Services de la ville", rights: "Vos droits", sensitive: "Aide urgente",
                    languages: "Langues", allTopics: "Tous les sujets", lastChecked: "Dernière vérification", draft: "Brouillon : pas encore relu par des spécialistes."),
        "pt": .init(siteTitle: "Seus direitos e os serviços da cidade", services: "Serviços da cidade", rights: "Seus direitos", sensitive: "Ajuda urgente",
                    languages: "Idiomas", allTopics: "Todos os temas", lastChecked: "Última verificação", draft: "Rascunho: ainda não revisado por especialistas."),
        "tr": .init(siteTitle: "Haklarınız ve şehir hizmetleri", services: "Şehir hizmetleri", rights: "Haklarınız", sensitive: "Acil yardım",
                    languages: "Diller", allTopics: "Tüm konular", lastChecked: "Son kontrol", draft: "Taslak: henüz uzmanlarca kontrol edilmedi."),
        "ru": .init(siteTitle: "Ваши права и услуги города", services: "Услуги города", rights: "Ваши права", sensitive: "Срочная помощь",
                    languages: "Языки", allTopics: "Все темы", lastChecked: "Последняя проверка", draft: "Черновик: еще не проверено специалистами."),
        "uk": .init(siteTitle: "Ваші права та послуги міста", services: "Послуги міста", rights: "Ваші права", sensitive: "Термінова допомога",
                    languages: "Мови", allTopics: "Усі теми", lastChecked: "Остання перевірка", draft: "Чернетка: ще не перевірено фахівцями."),
        "ar": .init(siteTitle: "حقوقك وخدمات المدينة", services: "خدمات المدينة", rights: "حقوقك", sensitive: "مساعدة عاجلة",
                    languages: "اللغات", allTopics: "كل المواضيع", lastChecked: "آخر مراجعة", draft: "مسودة: لم يراجعها مختصون بعد."),
        "fa": .init(siteTitle: "حقوق شما و خدمات شهر", services: "خدمات شهر", rights: "حقوق شما", sensitive: "کمک فوری",
                    languages: "زبان‌ها", allTopics: "همه موضوع‌ها", lastChecked: "آخرین بررسی", draft: "پیش‌نویس: هنوز متخصصان آن را بررسی نکرده‌اند."),
        "ps": .init(siteTitle: "ستاسو حقونه او د ښار خدمتونه", services: "د ښار خدمتونه", rights: "ستاسو حقونه", sensitive: "بیړنۍ مرسته",
                    languages: "ژبې", allTopics: "ټول موضوعات", lastChecked: "وروستۍ کتنه", draft: "مسوده: لا تر اوسه متخصصانو نه ده کتلې."),
        "ti": .init(siteTitle: "መሰላትኩምን ኣገልግሎታት ከተማን", services: "ኣገልግሎታት ከተማ", rights: "መሰላትኩም", sensitive: "ህጹጽ ሓገዝ",
                    languages: "ቋንቋታት", allTopics: "ኩሎም ኣርእስታት", lastChecked: "ናይ መወዳእታ ምርመራ", draft: "ንድፊ: ገና ብክኢላታት ኣይተመርመረን።"),
    ]
}
