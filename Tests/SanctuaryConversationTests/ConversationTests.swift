import Foundation
import SanctuaryConversation
import SanctuaryNLU
import Testing

/// The repository's content and one conversation engine over it.
enum Demo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let intents: IntentEngine = {
        do { return try IntentEngine.load(intentsDirectory: root.appendingPathComponent("intents").path, localesDirectory: root.appendingPathComponent("locales").path) }
        catch { fatalError("repository content does not load: \(error)") }
    }()
    static let values = (try? DeploymentValues.load(path: root.appendingPathComponent("deploy/demo-city.yaml").path)) ?? DeploymentValues()

    static func engine(hours: OfficeHours = .always) -> ConversationEngine {
        ConversationEngine(intents: intents, renderer: AnswerRenderer(content: intents.content, values: values),
                           settings: ConversationSettings(officeHours: hours), newCaseID: { "case-1" })
    }

    static func answer(_ intent: String, _ language: String) -> String {
        AnswerRenderer(content: intents.content, values: values).answer(intent: intent, language: language)!
    }

    static func text(_ key: String, _ language: String) -> String {
        AnswerRenderer(content: intents.content, values: values).conversation(key, language: language)!
    }
}

/// Plays a conversation: each message goes through the engine with the state of the last step.
struct Phone {
    let engine: ConversationEngine
    var state = ConversationState()
    var now = Date(timeIntervalSince1970: 1_795_000_000)

    init(_ engine: ConversationEngine = Demo.engine()) { self.engine = engine }

    @discardableResult
    mutating func send(_ text: String) -> ConversationStep {
        let step = engine.step(state, message: text, now: now)
        state = step.state
        now = now.addingTimeInterval(30)
        return step
    }
}

@Suite struct ConversationTests {
    @Test func urgentFirstReplyCarriesSafetyInformationAndOpensCase() {
        var phone = Phone()
        let step = phone.send("hay unos de inmigracion golpeando mi puerta q hago??")
        #expect(step.replies.first == Demo.answer("kyr_door", "es"))
        #expect(step.openedCase?.level == .urgent)
        #expect(step.openedCase?.intent == "kyr_door")
        #expect(step.actions.contains(.notifyAdvocates(caseID: "case-1", urgent: true)))
        #expect(phone.state.openCase?.id == "case-1")
        #expect(phone.state.language == "es")
    }

    @Test func stopInsideASentenceIsNotAnOptOut() {
        var phone = Phone()
        let step = phone.send("STOP they are at the door")
        #expect(!phone.state.optedOut)
        #expect(step.openedCase?.level == .urgent)
        #expect(step.replies.first == Demo.answer("kyr_door", "en"))
    }

    @Test func stopAloneOptsOutOnceThenSilenceButDangerStillAnswered() {
        var phone = Phone()
        phone.send("hola necesito ayuda con comida")
        let stop = phone.send("STOP")
        #expect(phone.state.optedOut)
        #expect(stop.replies == [Demo.text("stop_confirm", "es")])
        #expect(phone.send("STOP").replies.isEmpty)
        #expect(phone.send("donde hay comida").replies.isEmpty)
        let danger = phone.send("la migra esta en mi puerta ahora mismo")
        #expect(danger.replies.first == Demo.answer("kyr_door", "es"))
        #expect(danger.openedCase != nil)
        let start = phone.send("START")
        #expect(!phone.state.optedOut)
        #expect(start.replies == [Demo.text("start_confirm", "es")])
    }

    @Test(arguments: ["PARAR", "Alto", "stopp", "СТОП", "توقف", "iptal", "stop please"]) func translatedStopKeywordsOptOut(word: String) {
        var phone = Phone()
        phone.send(word)
        #expect(phone.state.optedOut)
    }

    @Test func languageSticksOnShortReplies() {
        var phone = Phone()
        phone.send("Привіт, мені потрібна допомога з житлом")
        #expect(phone.state.language == "uk")
        phone.send("ok")
        #expect(phone.state.language == "uk")
        phone.send("1")
        #expect(phone.state.language == "uk")
        phone.send("yes")
        #expect(phone.state.language == "uk")
    }

    @Test func languageSwitchOnRequestAndThroughTheMenu() {
        var phone = Phone()
        phone.send("hello I need food")
        #expect(phone.state.language == "en")
        let menu = phone.send("LANG")
        #expect(phone.state.awaiting == .language)
        #expect(menu.replies.first?.contains("Español") == true)
        let pick = phone.send("2")
        #expect(phone.state.language == "es")
        #expect(pick.replies == [Demo.text("language_switched", "es")])
        phone.send("ok")
        #expect(phone.state.language == "es")
    }

    @Test(arguments: [("1", "kyr_door"), ("2", "find_primary_care"), ("3", "find_food"), ("5", "enroll_school"), ("7", "get_city_id")])
    func menuNumbersSelectTopics(number: String, intent: String) {
        var phone = Phone()
        phone.send("hola")
        let menu = phone.send("MENU")
        #expect(menu.replies == [Demo.text("menu", "es")])
        #expect(phone.state.awaiting == .menu)
        let choice = phone.send(number)
        #expect(choice.replies.first == Demo.answer(intent, "es"))
        // A menu choice asks for information: no urgent case for "1 Rights & raids".
        #expect(choice.openedCase == nil)
    }

    /// Journey 2: after an answer, "1" is an acknowledgement, not "rights & raids"; the bot keeps Arabic,
    /// says goodbye and mentions DELETE.
    @Test func bareNumberWithoutAMenuIsAGoodbyeInTheSameLanguage() {
        var phone = Phone()
        phone.send("marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen")
        #expect(phone.state.language == "ar")
        let step = phone.send("1")
        #expect(step.replies == [Demo.answer("thanks_goodbye", "ar")])
        #expect(step.actions.contains(.count(intent: "thanks_goodbye", language: "ar")))
        #expect(step.openedCase == nil)
        #expect(phone.state.language == "ar")
    }

    @Test func menuChoicesAreCountedAsTheChosenTopic() {
        var phone = Phone()
        phone.send("hola")
        phone.send("MENU")
        let choice = phone.send("3")
        #expect(choice.actions.first == .count(intent: "find_food", language: "es"))
    }

    @Test func menuDigitsInArabicScript() {
        var phone = Phone()
        phone.send("مرحبا")
        phone.send("MENU")
        let choice = phone.send("٣")
        #expect(choice.replies.first == Demo.answer("find_food", "ar"))
    }

    @Test func clarifyOnceThenOfferTopics() {
        var phone = Phone()
        let first = phone.send("tengo una pregunta")
        #expect(first.classification?.intent == IntentCatalog.clarify)
        #expect(first.replies == [Demo.text("clarify", "es")])
        #expect(phone.state.awaiting == .clarify)
        let choice = phone.send("2")
        #expect(choice.replies.first == Demo.answer("find_primary_care", "es"))
        // A second unclear message in a row does not loop on the same question.
        phone.send("tengo una pregunta")
        #expect(phone.send("tengo una pregunta").replies == [Demo.text("out_of_scope", "es")])
    }

    @Test func outOfScopeIsAnsweredKindly() {
        var phone = Phone()
        let step = phone.send("I want to renew my fishing licence")
        #expect(step.classification?.intent == IntentCatalog.outOfScope)
        #expect(step.replies == [Demo.text("out_of_scope", "en")])
        #expect(step.openedCase == nil)
    }

    @Test func quietWhileAnAdvocateHoldsTheCase() {
        var phone = Phone()
        phone.send("my husband hits me and I am scared to go home, I need a shelter for me and my kids")
        guard let open = phone.state.openCase else { Issue.record("no case opened"); return }
        let follow = phone.send("he is at work now")
        #expect(follow.replies.isEmpty)
        #expect(follow.actions.contains(.appendToCase(id: open.id)))
        let help = phone.send("HELP")
        #expect(help.replies == [Demo.text("help", "en")])
    }

    @Test func openCaseEscalatesWhenDangerArrives() {
        var phone = Phone()
        phone.send("I need a lawyer for my immigration case")
        guard let open = phone.state.openCase, open.level == .handoff else { Issue.record("expected a handoff case"); return }
        let step = phone.send("ICE is knocking on my door right now")
        #expect(step.actions.contains(.escalateCase(id: open.id, level: .urgent)))
        #expect(step.replies.first == Demo.answer("kyr_door", "en"))
        #expect(phone.state.openCase?.level == .urgent)
    }

    @Test func deleteErasesAndConfirms() {
        var phone = Phone()
        phone.send("ICE is at my door")
        let step = phone.send("DELETE")
        #expect(step.actions.contains(.eraseConversation))
        #expect(step.replies == [Demo.text("delete_confirm", "en")])
        #expect(phone.state.openCase == nil)
        #expect(phone.state.language == nil)
    }

    @Test func outOfHoursHandoffSaysWhenAPersonAnswers() throws {
        let hours = OfficeHours.weekdays(timeZone: TimeZone(identifier: "America/Chicago")!)
        var phone = Phone(Demo.engine(hours: hours))
        // Saturday 2026-11-28 15:00 in Chicago.
        phone.now = ISO8601DateFormatter().date(from: "2026-11-28T21:00:00Z")!
        let step = phone.send("I need a lawyer for my immigration case")
        #expect(step.openedCase?.level == .handoff)
        let notice = try #require(step.replies.last)
        #expect(notice.hasPrefix(Demo.text("out_of_hours", "en").components(separatedBy: "{").first!.prefix(10)))
        #expect(notice.contains("Monday"))
        // Urgent cases are staffed around the clock.
        var urgent = Phone(Demo.engine(hours: hours))
        urgent.now = phone.now
        let door = urgent.send("ICE is knocking on my door right now")
        #expect(door.replies.last?.contains("Monday") == false)
    }

    @Test func closingTheCaseGivesTheConversationBackToTheBot() {
        var phone = Phone()
        phone.send("ICE is at my door")
        phone.state = phone.engine.caseClosed(phone.state)
        #expect(phone.send("where can I get food").replies.first == Demo.answer("find_food", "en"))
    }

    @Test func officeHoursParse() throws {
        let hours = try OfficeHours.parse("mon-fri 09:00-17:00, sat 10:00-14:00", timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(hours.ranges.count == 6)
        #expect(throws: OfficeHoursError.self) { try OfficeHours.parse("monday nine to five", timeZone: .current) }
    }
}
