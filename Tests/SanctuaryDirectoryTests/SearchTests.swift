import Foundation
import Testing
import SanctuaryText
@testable import SanctuaryDirectory

@Suite("Search and SMS answers")
struct SearchTests {
    static let tuesdayChicago = localTime("2026-11-24T14:00", "America/Chicago")
    static let tuesdayBerlin = localTime("2026-11-24T14:00", "Europe/Berlin")

    // (directory, message, intent, language, expected first service)
    @Test(arguments: [
        ("riverside", "marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen", "find_primary_care", "ar", "svc-dental-clinic"),
        ("riverside", "marhaba 3andi waja3 bi sinni", nil, "ar", "svc-dental-clinic"),
        ("riverside", "necesito un dentista", "find_primary_care", "es", "svc-dental-clinic"),
        ("riverside", "necesito un dentista", "search_directory", "es", "svc-dental-clinic"),
        ("riverside", "عندي ألم في الأسنان", "find_primary_care", "ar", "svc-dental-clinic"),
        ("riverside", "у меня болит зуб", "find_primary_care", "ru", "svc-dental-clinic"),
        ("flussstadt", "Zahnarzt ohne Versicherung", "find_primary_care", "de", "svc-zahn-sprechstunde"),
        ("flussstadt", "Zahnarzt ohne Versicherung", nil, "de", "svc-zahn-sprechstunde"),
        ("flussstadt", "diş ağrısı var, sigortam yok", "find_primary_care", "tr", "svc-zahn-sprechstunde"),
        ("riverside", "tengo hambre", "find_food", "es", "svc-food-pantry"),
        ("riverside", "I need a city ID", "get_city_id", "en", "svc-city-id"),
        ("riverside", "free english classes", "search_directory", "en", "svc-esl-classes"),
        ("flussstadt", "ich brauche einen Arzt, keine Papiere", "find_primary_care", "de", "svc-anonymer-krankenschein"),
        ("flussstadt", "Bibliothek", "search_directory", "de", "svc-stadtbibliothek"),
        ("flussstadt", "Lohn nicht bezahlt", "worker_rights", "de", "svc-faire-mobilitaet"),
    ] as [(String, String, String?, String, String)])
    func ranksTheRightServiceFirst(city: String, message: String, intent: String?, language: String, expected: String) {
        let directory = city == "riverside" ? Repo.riversideDirectory : Repo.flussstadtDirectory
        let now = city == "riverside" ? Self.tuesdayChicago : Self.tuesdayBerlin
        let matches = directory.search(intent: intent, text: message, language: language, now: now)
        #expect(matches.first?.service.id == expected, "\(matches.map { ($0.service.id, $0.score) })")
        #expect(matches.count <= 2)
    }

    @Test func dentalQueriesReturnDentalServices() {
        let matches = Repo.riversideDirectory.search(intent: "find_primary_care", text: "necesito un dentista", language: "es", now: Self.tuesdayChicago, limit: 2)
        #expect(matches.count == 2)
        #expect(matches.allSatisfy { $0.service.terms.contains("dental") })
    }

    @Test func nothingForOutOfScopeMessages() {
        let d = Repo.riversideDirectory
        #expect(d.search(intent: "search_directory", text: "renew my fishing licence", language: "en", now: Self.tuesdayChicago).isEmpty)
        #expect(d.search(intent: nil, text: "basketball tickets", language: "en", now: Self.tuesdayChicago).isEmpty)
        let answer = d.renderAnswer(matches: [], language: "es", now: Self.tuesdayChicago)
        #expect(answer.contains("HUMANO"))
    }

    @Test func inactiveServicesAndViolenceSheltersStayOutOfGenericSearches() {
        let d = Repo.riversideDirectory
        let food = d.search(intent: "find_food", text: "food pantry", language: "en", now: Self.tuesdayChicago, limit: 50)
        #expect(!food.contains { $0.service.id == "svc-old-pantry" })
        let beds = d.search(intent: "find_shelter", text: "a bed for tonight", language: "en", now: Self.tuesdayChicago, limit: 50)
        #expect(!beds.isEmpty && !beds.contains { $0.service.terms.contains("dv") })
        let dv = d.search(intent: "domestic_violence", text: "my husband hits me", language: "en", now: Self.tuesdayChicago, limit: 5)
        #expect(dv.contains { $0.service.id == "svc-safe-harbor" })
        // The secret shelter is shown without any street address.
        let answer = d.renderAnswer(matches: dv.filter { $0.service.id == "svc-safe-harbor" }, language: "en", now: Self.tuesdayChicago)
        #expect(answer.hasPrefix("Safe Harbor Shelter, Confidential location. Open 24 hours. Tel. (555) 010-0190."))
        let fl = Repo.flussstadtDirectory.search(intent: "find_primary_care", text: "Schuldnerberatung", language: "de", now: Self.tuesdayBerlin, limit: 50)
        #expect(!fl.contains { $0.service.status != "active" })
    }

    @Test func rendersTheExpectedEnglishAnswer() {
        let d = Repo.riversideDirectory
        let matches = d.search(intent: "find_food", text: "I need food", language: "en", now: Self.tuesdayChicago, limit: 1)
        #expect(d.renderAnswer(matches: matches, language: "en", now: Self.tuesdayChicago) ==
            "Riverside Community Pantry, 12 Elm St, Riverside. Open now until 18:00. Tel. (555) 010-0201. Languages: English, Spanish. No ID required. Checked 2026-10-01.")
        let later = localTime("2026-11-25T12:00", "America/Chicago")
        #expect(d.renderAnswer(matches: d.search(intent: "find_food", text: "I need food", language: "es", now: later, limit: 50)
            .filter { $0.service.id == "svc-food-pantry" }, language: "es", now: later).contains("Abre mañana a las 10:00."))
    }

    /// "No ID required" (and "status not asked") appear only for services whose attributes say so; an empty
    /// required-documents list is not enough.
    @Test(arguments: Repo.locales)
    func noIDClaimOnlyWithTheAttribute(language: String) {
        let labels = Repo.labels
        let noID = labels.text("no_id_required", language: language)
        let notAsked = labels.text("status_not_asked", language: language)
        for directory in [Repo.riversideDirectory, Repo.flussstadtDirectory] {
            let now = directory === Repo.riversideDirectory ? Self.tuesdayChicago : Self.tuesdayBerlin
            for service in directory.document.services where service.status == "active" {
                let match = directory.search(intent: nil, text: service.name, language: language, now: now, limit: 100)
                    .first { $0.service.id == service.id }
                guard let match else { continue }
                let answer = directory.renderAnswer(matches: [match], language: language, now: now)
                #expect(answer.contains(noID) == service.terms.contains("no_id_required"), "\(service.id) \(language): \(answer)")
                #expect(answer.contains(notAsked) == service.terms.contains("status_not_asked"), "\(service.id) \(language): \(answer)")
                if service.requiredDocuments.isEmpty && !service.terms.contains("no_id_required") { #expect(!match.noIDRequired) }
            }
        }
    }

    static let queries: [(String, String)] = [
        ("find_primary_care", "dentist"), ("find_food", "food"), ("find_shelter", "bed tonight"), ("find_legal_help", "lawyer"),
        ("get_city_id", "city id"), ("enroll_school", "school"), ("worker_rights", "unpaid wages"), ("domestic_violence", "violence"),
        ("pregnancy_child_health", "pregnant"), ("search_directory", "library"),
    ]

    @Test(arguments: Repo.locales)
    func answersFitTheSMSBudgetInEveryLanguage(language: String) {
        for directory in [Repo.riversideDirectory, Repo.flussstadtDirectory] {
            for time in ["2026-11-24T14:00", "2026-11-28T23:30", "2026-11-29T06:00"] {
                let now = localTime(time, directory.timeZone.identifier)
                for (intent, text) in Self.queries {
                    let matches = directory.search(intent: intent, text: text, language: language, now: now, limit: 3)
                    let answer = directory.renderAnswer(matches: matches, language: language, now: now)
                    let (encoding, _) = SMSEncoding.measure(answer)
                    let segments = SMSEncoding.segments(answer)
                    #expect(segments <= (encoding == .gsm7 ? 3 : 4), "\(language) \(intent): \(segments) segments: \(answer)")
                    #expect(!answer.isEmpty)
                }
            }
        }
    }

    @Test func aVeryLongEntryIsShortenedToFit() {
        var document = Repo.riversideDirectory.document
        document.services[0].name = String(repeating: "Зуб ", count: 120)
        let d = ServiceDirectory(document: document, labels: Repo.labels)
        let matches = d.search(intent: "find_food", text: "food", language: "uk", now: Self.tuesdayChicago, limit: 3)
        let answer = d.renderAnswer(matches: matches, language: "uk", now: Self.tuesdayChicago)
        #expect(ServiceDirectory.fitsSMS(answer))
    }

    @Test func labelsCoverTheTwelveLocales() throws {
        #expect(Set(Repo.labels.locales) == Set(Repo.locales))
        for l in Repo.locales {
            #expect(Repo.labels.text("open_until", language: l, ["time": "18:00"]).contains("18:00"))
            #expect(Repo.labels.day(1, language: l) != Repo.labels.day(2, language: l))
        }
        #expect(Repo.labels.resolve("es-MX") == "es")
        #expect(Repo.labels.resolve("xx") == "en")
        #expect(throws: LabelError.self) { _ = try DirectoryLabels.parse("en:\n  open_until: \"Open\"\n", file: "x.yaml") }
    }
}

extension ServiceDirectory {
    static func === (a: ServiceDirectory, b: ServiceDirectory) -> Bool { a.document.source == b.document.source }
}
