import Foundation
import Testing
import SanctuaryNLU

@Suite("Intent engine on the repository content")
struct IntentEngineTests {
    let engine = RepositoryContent.engine

    /// The journeys' messages and the keyword traps of the intent catalog.
    @Test(arguments: [
        ("hay unos de inmigracion golpeando mi puerta q hago??", "es", "kyr_door", HandoffLevel.urgent),
        ("Stop they are at the door", "en", "kyr_door", .urgent),
        ("STOP ICE is at my door right now", "en", "kyr_door", .urgent),
        ("HELP my husband is hitting me right now", "en", "domestic_violence", .urgent),
        ("HELP my husband controls my money and my phone, how do i leave him", "en", "domestic_violence", .handoff),
        ("marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen", "ar", "find_primary_care", .none),
        ("отримала лист з Ausländerbehörde, там Abschiebungsandrohung, строк тиждень", "uk", "deportation_papers", .urgent),
        ("la calefacción no funciona y tengo frío", "es", "report_city_problem", .none),
        ("renew my fishing licence", "en", "out_of_scope", .none),
        ("basketball tickets for saturday", "en", "out_of_scope", .none),
    ])
    func understandsJourneyMessages(text: String, lang: String, intent: String, handoff: HandoffLevel) {
        let r = engine.classify(text)
        #expect(r.lang == lang, "\(text)")
        #expect(r.intent == intent, "\(text) → \(r.intent) \(r.alternatives)")
        #expect(r.handoff == handoff, "\(text) → \(r.handoff)")
    }

    @Test(arguments: [("STOP", "stop_optout"), ("  stop! ", "stop_optout"), ("Help", "help_keyword"), ("AYUDA", "help_keyword"),
                      ("HILFE", "help_keyword"), ("start", "start_optin"), ("DELETE", "delete_my_data"), ("menu", "show_menu")])
    func wholeMessageKeywords(text: String, intent: String) {
        let r = engine.classify(text)
        #expect(r.intent == intent)
        #expect(r.source == .keyword)
        #expect(r.confidence == 1)
    }

    @Test func keywordInsideASentenceIsNotAKeyword() {
        let r = engine.classify("stop texting me about the rent help")
        #expect(r.source != .keyword)
        #expect(engine.classify("Stop they are at the door").intent != "stop_optout")
    }

    @Test(arguments: [("ሰላም ሓገዝ የድልየኒ", "ti"), ("привіт, мені потрібна допомога", "uk"), ("привет, мне нужна помощь", "ru"),
                      ("pryvit, meni potribna dopomoha z likarem", "uk"), ("من به کمک نیاز دارم", "fa"),
                      ("زه مرستې ته اړتیا لرم", "ps"), ("أحتاج مساعدة من فضلك", "ar"), ("Ich brauche Hilfe beim Jobcenter", "de"),
                      ("preciso de ajuda com o aluguel", "pt"), ("j'ai besoin d'aide pour mon loyer", "fr"),
                      ("yardıma ihtiyacım var", "tr")])
    func identifiesLanguagesByScriptAndModel(text: String, lang: String) {
        #expect(engine.classify(text).lang == lang, "\(text)")
    }

    @Test func conversationLanguageIsAPriorForShortReplies() {
        #expect(engine.classify("1", languageHint: "es").lang == "es")
        #expect(engine.classify("ok", languageHint: "pt").lang == "pt")
        #expect(engine.classify("ok", languageHint: "de").lang == "de")
    }

    @Test func badInputGivesAnAnswerNotACrash() {
        let empty = engine.classify("")
        #expect(empty.source == .empty)
        #expect(empty.handoff == .none)
        #expect(engine.classify("🙏🙏🙏").source == .empty)
        #expect(engine.classify("   \n\t ").source == .empty)
        let long = engine.classify(String(repeating: "necesito un abogado urgente ", count: 400))
        #expect(long.lang == "es")
        #expect(!long.intent.isEmpty)
        #expect(engine.classify("\u{0}\u{1}\u{FFFD}").intent.isEmpty == false)
    }

    @Test func trainingIsDeterministic() {
        let other = IntentEngine(content: engine.content)
        for text in ["tengo miedo, mi esposo me pega", "where can i eat tonight", "die polizei hat meinen bruder mitgenommen"] {
            #expect(other.classify(text) == engine.classify(text))
        }
    }

    @Test func confidencesAreProbabilities() {
        let r = engine.classify("where is the nearest food bank")
        #expect(r.confidence > 0 && r.confidence <= 1)
        #expect(r.alternatives.count == 3)
        #expect(r.alternatives.map(\.confidence) == r.alternatives.map(\.confidence).sorted(by: >))
    }
}
