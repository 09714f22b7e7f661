import Foundation
import Testing
@testable import SanctuaryNLU
import SanctuaryText

@Suite("Jurisdiction profiles and deployment overrides")
struct ProfileTests {
    /// A complete copy of the repository content with a profile `p` and an overrides directory.
    static func layered() throws -> (TemporaryContent, overrides: String) {
        let t = try TemporaryContent.copyOfRepository()
        try FileManager.default.createDirectory(atPath: "\(t.locales)/profiles/p", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: t.root.appendingPathComponent("overrides").path, withIntermediateDirectories: true)
        try t.write("locales/profiles/p/en.yaml", """
        locale: en
        answers:
          kyr_door: "Profile door answer. Call {rapid_response_phone}."
          find_food:
            text: "Profile food answer."
            review: reviewed
            verified: 2026-11-26
        conversation:
          greeting: "Profile greeting from {org_name}."

        """)
        try t.write("overrides/en.yaml", """
        locale: en
        answers:
          find_food: "Override food answer: {hotline}."

        """)
        return (t, t.root.appendingPathComponent("overrides").path)
    }

    @Test func precedenceIsBaseThenProfileThenOverrides() throws {
        let (t, overrides) = try Self.layered()
        defer { t.remove() }
        let base = ContentLoader.read(intentsDirectory: t.intents, localesDirectory: t.locales).content
        let (content, diagnostics) = ContentLoader.read(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "p", overridesDirectory: overrides)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let en = try #require(content.locales.first { $0.locale == "en" })
        let baseEn = try #require(base.locales.first { $0.locale == "en" })
        // Profile over base.
        #expect(en.answers["kyr_door"]?.pattern == "Profile door answer. Call {rapid_response_phone}.")
        #expect(en.answers["kyr_door"]?.layer == .profile)
        #expect(en.file(of: try #require(en.answers["kyr_door"])).hasSuffix("profiles/p/en.yaml"))
        #expect(en.answers["kyr_door"]?.line == 3)
        #expect(en.conversation["greeting"]?.pattern == "Profile greeting from {org_name}.")
        // Overrides over profile.
        #expect(en.answers["find_food"]?.pattern == "Override food answer: {hotline}.")
        #expect(en.answers["find_food"]?.layer == .overrides)
        #expect(en.file(of: try #require(en.answers["find_food"])) == "\(overrides)/en.yaml")
        // Everything else stays the base's, in this locale and the others.
        #expect(en.answers["find_shelter"]?.pattern == baseEn.answers["find_shelter"]?.pattern)
        #expect(en.answers["find_shelter"]?.layer == .base)
        #expect(en.file(of: try #require(en.answers["find_shelter"])) == baseEn.file)
        let es = try #require(content.locales.first { $0.locale == "es" })
        #expect(es.answers["kyr_door"]?.pattern == base.locales.first { $0.locale == "es" }?.answers["kyr_door"]?.pattern)
        // No profile: the base only, as before.
        let plain = ContentLoader.read(intentsDirectory: t.intents, localesDirectory: t.locales, profile: nil).content
        #expect(plain.locales.first { $0.locale == "en" }?.answers["kyr_door"]?.pattern == baseEn.answers["kyr_door"]?.pattern)
        // Lint counts where the answers come from.
        let report = Linter.lint(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "p", overridesDirectory: overrides).1
        #expect(report.errors.isEmpty, "\(report.errors)")
        let coverage = try #require(report.coverage.first { $0.locale == "en" })
        #expect(coverage.profileAnswers == 1 && coverage.overrideAnswers == 1)
        #expect(coverage.draftOverlayAnswers == 2)  // the profile's kyr_door and the override's find_food (short form = draft)
    }

    @Test func unknownIntentsKeysAndBrokenTextsInOverridesAreErrorsWithFileAndLine() throws {
        let (t, overrides) = try Self.layered()
        defer { t.remove() }
        try t.write("overrides/es.yaml", """
        locale: es
        answers:
          no_such_intent: "Texto."
          kyr_door: "No abra {rapid_response_phone."
        conversation:
          no_such_text: "Hola."
          greeting: "¿Cuál es su nombre completo?"

        """)
        try t.write("overrides/xx.yaml", "locale: xx\nanswers:\n  kyr_door: \"x\"\n")
        let errors = Linter.lint(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "p", overridesDirectory: overrides).1.errors
        let file = "\(overrides)/es.yaml"
        #expect(errors.contains { $0.file == file && $0.line == 3 && $0.message.contains("unknown intent 'no_such_intent'") })
        #expect(errors.contains { $0.file == file && $0.line == 4 && $0.message.contains("answers.kyr_door: invalid ICU MessageFormat") })
        #expect(errors.contains { $0.file == file && $0.line == 6 && $0.message.contains("unknown conversation text 'no_such_text'") })
        #expect(errors.contains { $0.file == file && $0.line == 7 && $0.message.contains("don't-ask") })
        #expect(errors.contains { $0.file == "\(overrides)/xx.yaml" && $0.line == 1 && $0.message.contains("no base locale file") })
        // A profile that does not exist is an error too, and the engine refuses to load.
        let unknown = Linter.lint(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "nowhere").1.errors
        #expect(unknown.contains { $0.message.contains("unknown profile 'nowhere'") && $0.message.contains("p") })
        #expect(throws: ContentError.self) { try IntentEngine.load(intentsDirectory: t.intents, localesDirectory: t.locales, profile: "p", overridesDirectory: overrides) }
    }

    @Test func overlongOverrideIsReportedInItsOwnFile() throws {
        let (t, overrides) = try Self.layered()
        defer { t.remove() }
        try t.write("overrides/ru.yaml", "locale: ru\nanswers:\n  kyr_door: \"\(String(repeating: "Не открывайте дверь. ", count: 20))\"\n")
        let errors = Linter.lint(intentsDirectory: t.intents, localesDirectory: t.locales, profile: nil, overridesDirectory: overrides).1.errors
        #expect(errors.contains { $0.file == "\(overrides)/ru.yaml" && $0.line == 3 && $0.message.contains("SMS segments in UCS-2") })
    }

    static let german = Linter.lint(intentsDirectory: RepositoryContent.intents, localesDirectory: RepositoryContent.locales, profile: "de")

    @Test func germanProfileIsCleanAndCoversTheIntentsWhereTheLawDiffers() throws {
        let (content, report) = Self.german
        #expect(report.errors.isEmpty, "\(report.errors.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(content.profile == "de")
        let differing = ["get_city_id", "find_primary_care", "emergency_care_info", "pregnancy_child_health", "enroll_school",
                         "city_staff_ask_status", "benefits_immigration_risk", "kyr_door", "kyr_public_or_work", "warrant_check",
                         "status_options", "deportation_papers", "hardship_commission", "church_asylum", "report_crime_victim",
                         "discrimination", "worker_rights", "housing_tenant_rights", "find_legal_help", "medical_emergency_now",
                         "self_harm_crisis", "domestic_violence", "person_detained"]
        #expect(content.locales.count == 12)
        for bundle in content.locales {
            for id in differing {
                #expect(bundle.answers[id]?.layer == .profile, "\(bundle.locale) \(id) is not in the de profile")
            }
        }
        // The base alone reports no profile answers; with the profile every locale reports them.
        let base = Linter.lint(intentsDirectory: RepositoryContent.intents, localesDirectory: RepositoryContent.locales).1
        #expect(base.coverage.allSatisfy { $0.profileAnswers == 0 })
        #expect(report.coverage.allSatisfy { $0.profileAnswers >= differing.count })
        // Validated with the German demo city's own values as well.
        let values = try DeploymentValues.load(path: RepositoryContent.deploy("demo-city-de.yaml"))
        let withValues = Linter.check(content, values: values)
        #expect(withValues.errors.isEmpty, "\(withValues.errors.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(withValues.warnings.filter { $0.message.contains("has no value") }.isEmpty,
                "\(withValues.warnings.filter { $0.message.contains("has no value") }.prefix(5))")
    }

    @Test func germanProfileRendersKnowYourRightsAtTheDoorDifferentlyInEveryLocale() throws {
        let base = ContentLoader.read(intentsDirectory: RepositoryContent.intents, localesDirectory: RepositoryContent.locales).content
        let german = Self.german.0
        let values = try DeploymentValues.load(path: RepositoryContent.deploy("demo-city-de.yaml"))
        let us = AnswerRenderer(content: base, values: values)
        let de = AnswerRenderer(content: german, values: values)
        for locale in german.enabledLocales {
            let usText = try #require(us.answer(intent: "kyr_door", language: locale))
            let deText = try #require(de.answer(intent: "kyr_door", language: locale))
            #expect(usText != deText, "\(locale): kyr_door is the same in the de profile")
            #expect(!deText.contains("I-200") && !deText.contains("["), "\(locale): \(deText)")
            #expect(deText.contains("+49 30 0000 111"), "\(locale): the rapid-response number is missing")
        }
        // Other answers still come from the base.
        #expect(us.answer(intent: "find_food", language: "es") == de.answer(intent: "find_food", language: "es"))
        #expect(de.answer(intent: "medical_emergency_now", language: "en")?.hasPrefix("Call 112 now") == true)
        #expect(de.answer(intent: "self_harm_crisis", language: "de")?.contains("0800 111 0 111") == true)
        #expect(de.answer(intent: "domestic_violence", language: "ar")?.contains("116 016") == true)
    }

    @Test func everyGermanProfileAnswerFitsTheSMSLimits() throws {
        let german = Self.german.0
        let deValues = try DeploymentValues.load(path: RepositoryContent.deploy("demo-city-de.yaml"))
        let usValues = try DeploymentValues.load(path: RepositoryContent.deploy("demo-city.yaml"))
        var checked = 0
        for bundle in german.locales {
            for (id, text) in bundle.answers.merging(bundle.conversation, uniquingKeysWith: { a, _ in a }) where text.layer == .profile {
                for values in [Linter.sampleArguments, deValues.values, usValues.values] {
                    let rendered = try MessageFormatting.format(text.pattern, locale: bundle.locale,
                                                                arguments: Linter.sampleArguments.merging(values) { $1 })
                    let encoding = SMSEncoding.measure(rendered).encoding
                    let limit = try #require(Linter.maximumSegments[encoding])
                    #expect(SMSEncoding.segments(rendered) <= limit, "\(bundle.locale) \(id): \(SMSEncoding.segments(rendered)) segments")
                    if bundle.rightToLeft || ["uk", "ru", "ti"].contains(bundle.locale) { #expect(encoding == .ucs2) }
                }
                checked += 1
            }
        }
        #expect(checked >= 23 * 12)
    }
}
