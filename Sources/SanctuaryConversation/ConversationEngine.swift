import Foundation
import SanctuaryNLU
import SanctuaryText

/// The conversation state machine. `step` takes the state and one inbound message and returns the new
/// state and the actions to perform. It does no I/O and keeps no state of its own, so one instance serves
/// every conversation and a content reload swaps it whole.
public struct ConversationEngine: Sendable {
    public let intents: IntentEngine
    public let renderer: AnswerRenderer
    public let settings: ConversationSettings
    public let directory: DirectoryLookup?
    /// Makes case ids (random by default; tests inject a counter).
    let newCaseID: @Sendable () -> String

    public init(intents: IntentEngine, renderer: AnswerRenderer, settings: ConversationSettings = ConversationSettings(),
                directory: DirectoryLookup? = nil, newCaseID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.intents = intents
        self.renderer = renderer
        self.settings = settings
        self.directory = directory
        self.newCaseID = newCaseID
    }

    /// Languages offered, in the order of the language menu.
    public var languages: [String] {
        let order = ["en", "es", "de", "fr", "ar", "fa", "tr", "uk", "ru", "pt", "ps", "ti"]
        let available = intents.content.locales.map(\.locale)
        return order.filter(available.contains) + available.filter { !order.contains($0) }.sorted()
    }

    /// Handles one inbound message.
    public func step(_ state: ConversationState, message: String, now: Date) -> ConversationStep {
        var state = state
        state.turns += 1
        let result = intents.classify(message, languageHint: state.language)
        updateLanguage(&state, with: result, message: message)
        let language = state.language ?? result.lang
        var actions: [ConversationAction] = [.count(intent: result.intent, language: language)]

        // 1. Single-word control keywords work in every state, also while a case is open or after STOP.
        if result.source == .keyword, let keywordActions = keyword(result.intent, state: &state, language: language, message: message) {
            actions += keywordActions
            return ConversationStep(state: state, actions: actions, classification: result)
        }

        // 2. After STOP: silence, except that danger gets its safety answer (a resident mid-raid is never ignored).
        //    With a case open, the message goes to the advocate as below.
        if state.optedOut && state.openCase == nil {
            if result.handoff == .urgent {
                actions += urgent(result, state: &state, language: language, now: now, afterOptOut: true)
            }
            return ConversationStep(state: state, actions: actions, classification: result)
        }

        // 3. A case is open: the message goes to the advocate; the bot speaks only if it became urgent.
        if let open = state.openCase {
            actions.append(.appendToCase(id: open.id))
            if result.handoff == .urgent && open.level < .urgent {
                let safety = result.safetyIntent ?? result.intent
                actions.append(.reply([renderer.answer(intent: safety, language: language) ?? ""]))
                actions.append(.escalateCase(id: open.id, level: .urgent))
                state.openCase?.level = .urgent
                actions.append(.notifyAdvocates(caseID: open.id, urgent: true))
            } else {
                actions.append(.notifyAdvocates(caseID: open.id, urgent: open.level == .urgent))
            }
            return ConversationStep(state: state, actions: actions, classification: result)
        }

        // 4. A bare number answers the menu the bot showed last. With no menu shown it is an acknowledgement
        //    ("1", "ok" after an answer): say goodbye kindly and how to erase the chat.
        if let number = Menus.number(in: message) {
            guard state.awaiting != nil else {
                actions = [.count(intent: "thanks_goodbye", language: language)]
                actions += answer(intent: "thanks_goodbye", level: .none, state: &state, language: language, message: message, now: now)
                return ConversationStep(state: state, actions: actions, classification: result)
            }
            let choice = menuChoice(number, state: &state, language: language, message: message, now: now)
            // Count what was chosen, not what the model made of a lone digit.
            actions = choice.chosenIntent.map { [.count(intent: $0, language: state.language ?? language)] } ?? []
            actions += choice.actions
            return ConversationStep(state: state, actions: actions, classification: result)
        }

        // 5. Urgent: safety information first and a case in the same step.
        if result.handoff == .urgent {
            actions += urgent(result, state: &state, language: language, now: now, afterOptOut: false)
            return ConversationStep(state: state, actions: actions, classification: result)
        }

        actions += answer(intent: result.intent, level: result.handoff, state: &state, language: language, message: message, now: now)
        return ConversationStep(state: state, actions: actions, classification: result)
    }

    /// A timer event: a case has waited this long without an advocate's first reply. Returns the follow-up to
    /// send (once per case) so the resident knows they are not forgotten and has the emergency number again;
    /// nothing when the resident opted out or the wait is still short.
    public func caseUnanswered(level: HandoffLevel, language: String, optedOut: Bool, waited: TimeInterval) -> [ConversationAction] {
        guard !optedOut else { return [] }
        let limit = Double(level == .urgent ? settings.urgentFollowUpMinutes : settings.handoffFollowUpMinutes) * 60
        guard waited >= limit else { return [] }
        return [.reply([text("handoff_followup", language)])]
    }

    /// The advocate closed the case: the conversation goes back to the bot.
    public func caseClosed(_ state: ConversationState) -> ConversationState {
        var state = state
        state.openCase = nil
        state.awaiting = nil
        return state
    }

    // MARK: - Steps

    private func updateLanguage(_ state: inout ConversationState, with result: Classification, message: String) {
        let words = message.split(whereSeparator: { $0.isWhitespace }).count
        let decisive = result.source != .keyword && result.source != .empty && result.languageConfidence >= 0.8
        if state.language == nil {
            if result.source != .empty { state.language = result.lang }
        } else if decisive && result.lang != state.language && words >= (state.languageChosen ? 4 : 2) {
            // A short "ok", "1" or "gracias" never re-detects; a real sentence in another language does.
            state.language = result.lang
            state.languageChosen = false
        }
    }

    private func keyword(_ intent: String, state: inout ConversationState, language: String, message: String) -> [ConversationAction]? {
        switch intent {
        case "stop_optout":
            let wasOptedOut = state.optedOut
            state.optedOut = true
            state.awaiting = nil
            var actions: [ConversationAction] = wasOptedOut ? [] : [.reply([text("stop_confirm", language)])]
            if let open = state.openCase { actions.append(.setCaseOptOut(id: open.id, optedOut: true)) }
            return actions
        case "start_optin":
            let wasOptedOut = state.optedOut
            state.optedOut = false
            var actions: [ConversationAction] = [.reply([text("start_confirm", language)])]
            if wasOptedOut, let open = state.openCase { actions.append(.setCaseOptOut(id: open.id, optedOut: false)) }
            return actions
        case "help_keyword":
            return [.reply([text("help", language)])]
        case "delete_my_data":
            let confirm = text("delete_confirm", language)
            let optedOut = state.optedOut
            state = ConversationState()
            state.optedOut = optedOut
            return [.eraseConversation, .reply([confirm])]
        default:
            // MENU, HUMAN, LANG while opted out or in a case go through the normal path.
            if state.optedOut { return [] }
            if state.openCase != nil { return nil }
            return nil
        }
    }

    private func menuChoice(_ number: Int, state: inout ConversationState, language: String, message: String, now: Date) -> (actions: [ConversationAction], chosenIntent: String?) {
        let awaiting = state.awaiting ?? .menu
        if awaiting == .language {
            let list = languages
            guard (1...list.count).contains(number) else { return (showLanguages(&state), "switch_language") }
            state.language = list[number - 1]
            state.languageChosen = true
            state.awaiting = nil
            return ([.reply([text("language_switched", list[number - 1])])], "switch_language")
        }
        let menu = awaiting == .clarify ? settings.menus.clarify : settings.menus.main
        switch menu[number] {
        case .intent(let id)?:
            state.awaiting = nil
            // A menu choice asks for information: an intent that is urgent only when happening now is not
            // urgent when picked from a list; topics that always need a person (legal help) still get one.
            let base = intents.intent(id)?.handoff ?? .none
            return (answer(intent: id, level: base == .urgent ? .none : base, state: &state, language: language, message: "", now: now), id)
        case .languageMenu?:
            return (showLanguages(&state), "switch_language")
        case .mainMenu?, nil:
            state.awaiting = .menu
            return ([.reply([text("menu", language)])], "show_menu")
        }
    }

    private func showLanguages(_ state: inout ConversationState) -> [ConversationAction] {
        state.awaiting = .language
        let lines = languages.enumerated().map { index, code in
            "\(index + 1) " + (intents.content.locales.first { $0.locale == code }?.name ?? code)
        }
        return [.reply([lines.joined(separator: "\n")])]
    }

    private func urgent(_ result: Classification, state: inout ConversationState, language: String, now: Date, afterOptOut: Bool) -> [ConversationAction] {
        let safety = result.safetyIntent ?? result.intent
        var replies = [renderer.answer(intent: safety, language: language) ?? ""]
        let request = CaseRequest(id: newCaseID(), level: .urgent, intent: safety,
                                  category: intents.intent(safety)?.category ?? .sensitive, language: language)
        replies.append(handoffNotice(level: .urgent, language: language, now: now))
        state.openCase = ConversationState.OpenCase(id: request.id, level: .urgent)
        state.awaiting = nil
        var actions: [ConversationAction] = [.reply(replies), .openCase(request), .appendToCase(id: request.id),
                                              .notifyAdvocates(caseID: request.id, urgent: true)]
        if afterOptOut { actions.append(.setCaseOptOut(id: request.id, optedOut: true)) }
        return actions
    }

    private func answer(intent: String, level: HandoffLevel, state: inout ConversationState, language: String, message: String, now: Date) -> [ConversationAction] {
        switch intent {
        case IntentCatalog.clarify:
            state.unclearCount += 1
            if state.unclearCount > 1 {
                // Asked once already: do not loop; offer the topics and a person.
                state.unclearCount = 0
                state.awaiting = .menu
                return [.reply([text("out_of_scope", language)])]
            }
            state.awaiting = .clarify
            return [.reply([text("clarify", language)])]
        case IntentCatalog.outOfScope:
            state.awaiting = nil
            return [.reply([text("out_of_scope", language)])]
        case "greeting":
            state.awaiting = nil
            return [.reply([text("greeting", language)])]
        case "show_menu":
            state.awaiting = .menu
            return [.reply([text("menu", language)])]
        case "switch_language":
            let available = languages
            if let named = LanguageNames.named(in: message, available: available), named != state.language || !state.languageChosen {
                state.language = named
                state.languageChosen = true
                state.awaiting = nil
                return [.reply([text("language_switched", named)])]
            }
            return showLanguages(&state)
        default:
            break
        }
        state.unclearCount = 0
        state.awaiting = nil
        var body = renderer.answer(intent: intent, language: language) ?? text("out_of_scope", language)
        if settings.directoryIntents.contains(intent), let found = directory?(intent, message, language, now) {
            body = found
        }
        guard level >= .handoff else { return [.reply([body])] }
        let request = CaseRequest(id: newCaseID(), level: level, intent: intent,
                                  category: intents.intent(intent)?.category ?? .services, language: language)
        state.openCase = ConversationState.OpenCase(id: request.id, level: level)
        // request_human's answer already says an advocate will answer; other intents add the handoff notice.
        let replies = intent == "request_human" && settings.officeHours.isOpen(at: now)
            ? [renderer.answer(intent: intent, language: language, extra: ["wait_minutes": .number(Double(settings.handoffWaitMinutes))]) ?? body]
            : [body, handoffNotice(level: level, language: language, now: now)]
        return [.reply(replies), .openCase(request), .appendToCase(id: request.id),
                .notifyAdvocates(caseID: request.id, urgent: false)]
    }

    /// "An advocate will answer in about N minutes", or when the office opens again.
    private func handoffNotice(level: HandoffLevel, language: String, now: Date) -> String {
        let hours = settings.officeHours
        if hours.isOpen(at: now) || (level == .urgent && hours.urgentAlwaysStaffed) {
            let wait = level == .urgent ? settings.urgentWaitMinutes : settings.handoffWaitMinutes
            return text("handoff_confirm", language, ["wait_minutes": .number(Double(wait))])
        }
        let opens = hours.nextOpening(after: now).map { hours.describe($0, language: language) } ?? ""
        return text("out_of_hours", language, ["opens_at": .text(opens)])
    }

    private func text(_ key: String, _ language: String, _ extra: [String: MessageArgument] = [:]) -> String {
        renderer.conversation(key, language: language, extra: extra) ?? ""
    }
}
