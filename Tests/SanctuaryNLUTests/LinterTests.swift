import Foundation
import Testing
import SanctuaryNLU

@Suite("Linter")
struct LinterTests {
    @Test func repositoryContentIsClean() {
        let report = Linter.lint(intentsDirectory: RepositoryContent.intents, localesDirectory: RepositoryContent.locales).1
        #expect(report.errors.isEmpty, "\(report.errors.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(report.coverage.count == 12)
        for c in report.coverage {
            #expect(c.intentsWithExamples == c.intents, "\(c.locale) lacks examples")
            #expect(c.answers == c.intents, "\(c.locale) lacks answers")
        }
    }

    @Test func brokenYAMLNamesFileAndLineAndTheOldEngineStays() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        try t.write("intents/find_food.yaml", "id: find_food\ncategory: services\nhandoff: none\nexamples:\n  en:\n    - \"food\n  de: [\n")
        let report = t.lint()
        let error = try #require(report.errors.first { $0.file.hasSuffix("find_food.yaml") })
        #expect(error.line != nil)
        #expect(error.message.contains("YAML"))
        #expect(throws: ContentError.self) { try IntentEngine.load(intentsDirectory: t.intents, localesDirectory: t.locales) }
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        try t.write("intents/find_food.yaml", bytes: Array("id: find_food\ncategory: services\nhandoff: none\nexamples:\n  en: [\"caf".utf8) + [0xC3, 0x28] + Array("\"]\n".utf8))
        let error = try #require(t.lint().errors.first { $0.file.hasSuffix("find_food.yaml") })
        #expect(error.message.contains("UTF-8"))
        #expect(error.line == 5)
    }

    @Test func schemaProblemsAreErrorsWithLines() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        try t.write("intents/find_food.yaml", """
        id: find_food
        category: services
        handoff: soonish
        colour: blue
        raise:
          - to: urgent
            when: [nonexistent_cues]
        examples:
          en: ["where can i get food today", "food bank open now"]

        """)
        let errors = t.lint().errors.filter { $0.file.hasSuffix("find_food.yaml") }
        #expect(errors.contains { $0.message.contains("unknown handoff level 'soonish'") && $0.line == 3 })
        #expect(errors.contains { $0.message.contains("unknown key 'colour'") && $0.line == 4 })
        #expect(errors.contains { $0.message.contains("unknown cue set 'nonexistent_cues'") })
        #expect(errors.contains { $0.message.contains("no examples for enabled locale 'de'") })
    }

    @Test func conflictingExamplesAcrossIntentsAreErrors() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        let original = try String(contentsOfFile: "\(t.intents)/find_food.yaml", encoding: .utf8)
        let kyr = try String(contentsOfFile: "\(t.intents)/kyr_door.yaml", encoding: .utf8)
        let stolen = try #require(kyr.split(separator: "\n").first { $0.hasPrefix("    - ") }).dropFirst(6)
        let patched = original.replacingOccurrences(of: "examples:\n  en:\n", with: "examples:\n  en:\n    - \(stolen)\n")
        try t.write("intents/find_food.yaml", patched)
        let errors = t.lint().errors
        #expect(errors.contains {
            ($0.file.hasSuffix("kyr_door.yaml") && $0.message.contains("also belongs to intent 'find_food'"))
                || ($0.file.hasSuffix("find_food.yaml") && $0.message.contains("also belongs to intent 'kyr_door'"))
        })
    }

    @Test func missingAnswerBadMessageFormatAndDontAskAreErrors() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        var en = try String(contentsOfFile: "\(t.locales)/en.yaml", encoding: .utf8)
        let lines = en.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Drop the find_food answer, break greeting's braces, and make the menu ask for papers.
        en = lines.filter { !$0.hasPrefix("  find_food:") }.map { line in
            if line.hasPrefix("  greeting:") { return "  greeting: \"Hello {org_name\"" }
            if line.hasPrefix("  menu:") { return "  menu: \"Before we start, what is your immigration status?\"" }
            return line
        }.joined(separator: "\n")
        try t.write("locales/en.yaml", en)
        let errors = t.lint().errors.filter { $0.file.hasSuffix("en.yaml") }
        #expect(errors.contains { $0.message.contains("no answer for intent 'find_food'") })
        #expect(errors.contains { $0.message.contains("conversation.greeting: invalid ICU MessageFormat") && $0.line != nil })
        #expect(errors.contains { $0.message.contains("conversation.menu: don't-ask rule") })
    }

    @Test func everyAnswerRendersWithinItsSMSSegmentBudget() throws {
        // The linter renders every answer and conversation text with sample values; a clean lint means every
        // text fits 3 GSM-7 or 4 UCS-2 segments. Here a Turkish answer grows to six segments and is refused.
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        let long = String(repeating: "Lütfen {hotline} numarasını arayın. ", count: 12)
        var tr = try String(contentsOfFile: "\(t.locales)/tr.yaml", encoding: .utf8)
        tr = tr.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  find_food:") ? "  find_food: \"\(long)\"" : String(line)
        }.joined(separator: "\n")
        try t.write("locales/tr.yaml", tr)
        let error = try #require(t.lint().errors.first { $0.file.hasSuffix("tr.yaml") && $0.message.contains("SMS segments") })
        #expect(error.message.contains("UCS-2"))
        #expect(error.line != nil)
    }

    @Test func saying_we_never_ask_passes_the_dont_ask_rule() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        var en = try String(contentsOfFile: "\(t.locales)/en.yaml", encoding: .utf8)
        en = en.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  menu:") ? "  menu: \"We never ask about your immigration status, papers or name. 1 Rights 2 Health\"" : String(line)
        }.joined(separator: "\n")
        try t.write("locales/en.yaml", en)
        #expect(!t.lint().errors.contains { $0.message.contains("don't-ask") })
    }

    @Test func keywordClaimedByTwoIntentsIsAnError() throws {
        let t = try TemporaryContent.copyOfRepository()
        defer { t.remove() }
        let start = try String(contentsOfFile: "\(t.intents)/start_optin.yaml", encoding: .utf8)
        try t.write("intents/start_optin.yaml", start.replacingOccurrences(of: "keywords:  # only when the whole message is this word\n", with: "keywords:  # only when the whole message is this word\n  xx: [\"stop\"]\n"))
        let stop = try String(contentsOfFile: "\(t.intents)/stop_optout.yaml", encoding: .utf8)
        try t.write("intents/stop_optout.yaml", stop.replacingOccurrences(of: "keywords:  # only when the whole message is this word\n", with: "keywords:  # only when the whole message is this word\n  xx: [\"STOP\"]\n"))
        #expect(t.lint().errors.contains { $0.message.contains("keyword 'stop' (xx) is also a keyword of") || $0.message.contains("keyword 'STOP' (xx) is also a keyword of") })
    }
}
