import Foundation
import Testing
@testable import SanctuaryNLU

@Suite("Static know-your-rights site")
struct SiteTests {
    static func htmlFiles(in directory: String) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test func buildsEveryTopicInEveryLocaleWithoutExternalAssetsAndEscaped() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        // A deployment override with markup in it: the site must show it as text.
        let overrides = t.root.appendingPathComponent("overrides").path
        try FileManager.default.createDirectory(atPath: overrides, withIntermediateDirectories: true)
        try t.write("overrides/en.yaml", """
        locale: en
        answers:
          find_food: "Food <script>alert(\\"x\\")</script> & 'more' at <b>{hotline}</b>."

        """)
        let (content, _) = ContentLoader.read(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "de", overridesDirectory: overrides)
        let values = try DeploymentValues.load(path: RepositoryContent.deploy("demo-city-de.yaml"))
        let out = t.root.appendingPathComponent("site").path
        let builder = SiteBuilder(content: content, values: values)
        let report = try builder.build(into: out)

        let topics = content.intents.filter { [.services, .rights, .sensitive].contains($0.category) }
        #expect(topics.count == 32)
        let pages = try Self.htmlFiles(in: out)
        #expect(pages.count == topics.count * 12 + 12 + 1)
        #expect(report.topicPages == topics.count * 12 && report.indexPages == 13)
        #expect(FileManager.default.fileExists(atPath: "\(out)/style.css"))
        for locale in content.enabledLocales {
            #expect(pages.contains("\(locale)/index.html"))
            for topic in topics { #expect(pages.contains("\(locale)/\(topic.id).html"), "\(locale)/\(topic.id).html missing") }
        }
        #expect(!pages.contains { $0.contains("/greeting.html") || $0.contains("/stop_optout.html") })

        let tagAttribute = try NSRegularExpression(pattern: #"<(?:link|script|img|a|iframe|source|video|audio)\b[^>]*\b(?:src|href)="([^"]*)""#)
        for page in pages {
            let html = try String(contentsOfFile: "\(out)/\(page)", encoding: .utf8)
            let locale = String(page.split(separator: "/").first ?? "")
            if ["ar", "fa", "ps"].contains(locale) {
                #expect(html.contains("<html lang=\"\(locale)\" dir=\"rtl\">"), "\(page) is not right-to-left")
            } else if page.contains("/") {
                #expect(html.contains("<html lang=\"\(locale)\" dir=\"ltr\">"), "\(page)")
            }
            #expect(!html.contains("http://") && !html.contains("https://"), "\(page) refers to another host")
            #expect(!html.contains("<script"), "\(page) has a script")
            #expect(!html.contains("src="), "\(page) loads an asset")
            let range = NSRange(html.startIndex..., in: html)
            for match in tagAttribute.matches(in: html, range: range) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                #expect(!target.hasPrefix("//") && (target.hasPrefix("tel:") || !target.contains(":")), "\(page): \(target)")
            }
            #expect(html.contains("<link rel=\"stylesheet\" href=\"\(page.contains("/") ? "../" : "")style.css\">"))
        }
        // Escaped text, placeholders filled from the deployment values, profile honoured.
        let food = try String(contentsOfFile: "\(out)/en/find_food.html", encoding: .utf8)
        #expect(food.contains("Food &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39; at &lt;b&gt;"))
        #expect(food.contains("<a href=\"tel:+49300000100\" dir=\"ltr\">+49 30 0000 100</a>"))
        let door = try String(contentsOfFile: "\(out)/de/kyr_door.html", encoding: .utf8)
        #expect(door.contains("Abschiebung") && door.contains("+49 30 0000 111") && !door.contains("[rapid_response_phone]"))
        // Topic titles from the locale file where given, else the answer's first sentence.
        let enIndex = try String(contentsOfFile: "\(out)/en/index.html", encoding: .utf8)
        #expect(enIndex.contains("<a href=\"kyr_door.html\">Agents or police at the door</a>"))
        #expect(SiteBuilder.title(from: "Yes. Hospitals must treat everyone. More.") == "Yes. Hospitals must treat everyone.")
        let index = try String(contentsOfFile: "\(out)/ar/index.html", encoding: .utf8)
        #expect(index.contains("href=\"kyr_door.html\"") && index.contains("href=\"../en/index.html\" hreflang=\"en\""))
        // The SMS answer and the page say the same thing.
        let renderer = AnswerRenderer(content: content, values: values)
        let sms = try #require(renderer.answer(intent: "church_asylum", language: "fa"))
        let page = try String(contentsOfFile: "\(out)/fa/church_asylum.html", encoding: .utf8)
        #expect(page.contains(SiteBuilder.escape(sms)))
    }
}
