import Foundation
import SanctuaryText

extension ServiceDirectory {
    /// Most SMS segments an answer may take: 3 in GSM-7 (459 characters), 4 in UCS-2 (268 UTF-16 units).
    public static func segmentLimit(for text: String) -> Int {
        SMSEncoding.measure(text).encoding == .gsm7 ? 3 : 4
    }

    /// True when `text` fits the SMS budget (3 GSM-7 or 4 UCS-2 segments).
    public static func fitsSMS(_ text: String) -> Bool {
        SMSEncoding.segments(text) <= segmentLimit(for: text)
    }

    /// A short SMS answer in `language` (one of the locales in `locales/_directory_labels.yaml`; others fall
    /// back along `es-MX` → `es` → `en`): per match the name and address as in the data, open now until / opens
    /// at, phone, languages spoken, "no ID required" / "status not asked" / "anonymous" only where an attribute
    /// says so, documents to bring, and the date the entry was last checked. Details are dropped, and then
    /// matches, until the text fits 3 GSM-7 or 4 UCS-2 segments. No match: "nothing found, text HUMAN".
    public func renderAnswer(matches: [ServiceMatch], language: String, now: Date) -> String {
        let nothing = labels.text("nothing_found", language: language)
        guard !matches.isEmpty else { return nothing }
        for count in stride(from: matches.count, through: 1, by: -1) {
            // A phone number matters more than a further match: only a single match loses it.
            for detail in Detail.allCases where count == 1 || detail.rawValue < Detail.noPhone.rawValue {
                let text = compose(Array(matches.prefix(count)), language: language, detail: detail, shorten: false)
                if Self.fitsSMS(text) { return text }
            }
        }
        // Even one match in its shortest form is too long (very long names): shorten names and addresses.
        var text = compose([matches[0]], language: language, detail: .minimal, shorten: true)
        while !Self.fitsSMS(text) && !text.isEmpty { text.removeLast() }
        return text
    }

    /// How much of an entry is shown, from everything to name, place and hours.
    enum Detail: Int, CaseIterable {
        case full, fewerLanguages, noDocuments, noChecked, noLanguages, noPhone, minimal
    }

    private func compose(_ matches: [ServiceMatch], language: String, detail: Detail, shorten: Bool) -> String {
        let entries = matches.map { entry($0, language: language, detail: detail, shorten: shorten) }
        if entries.count == 1 { return entries[0] }
        return entries.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "\n")
    }

    private func entry(_ m: ServiceMatch, language: String, detail: Detail, shorten: Bool) -> String {
        func cut(_ s: String, _ n: Int) -> String { shorten && s.count > n ? String(s.prefix(n - 1)).trimmingCharacters(in: .whitespaces) + "." : s }
        var head = cut(m.service.name, 40)
        if let address = m.location?.address {
            head += ", " + cut(address.short, 40)
        } else if let name = m.location?.name, name != m.service.name, detail.rawValue < Detail.minimal.rawValue {
            head += ", " + cut(name, 30)
        }
        var parts = [head + "."]
        if let hours = hoursText(m.openState, language: language) { parts.append(hours) }
        if detail.rawValue < Detail.noPhone.rawValue || m.location?.address == nil, let phone = phone(m) {
            parts.append(labels.text("phone", language: language, ["phone": phone]))
        }
        if detail.rawValue < Detail.noLanguages.rawValue {
            let names = languageNames(m, language: language, max: detail == .full ? 4 : 2)
            if !names.isEmpty { parts.append(labels.text("languages", language: language, ["list": names.joined(separator: separator(language))])) }
        }
        if m.noIDRequired { parts.append(labels.text("no_id_required", language: language)) }
        if m.statusNotAsked { parts.append(labels.text("status_not_asked", language: language)) }
        if m.anonymous { parts.append(labels.text("anonymous", language: language)) }
        if detail.rawValue < Detail.noDocuments.rawValue, !m.service.requiredDocuments.isEmpty {
            parts.append(labels.text("documents", language: language, ["documents": m.service.requiredDocuments.prefix(3).joined(separator: "; ")]))
        }
        if detail.rawValue < Detail.noChecked.rawValue, let date = m.service.assuredDate {
            parts.append(labels.text("checked", language: language, ["date": date]))
        }
        return parts.joined(separator: " ")
    }

    /// The locale's list separator (`list_separator`, e.g. "، " in Arabic script), ", " by default.
    private func separator(_ language: String) -> String {
        let s = labels.text("list_separator", language: language)
        return s == "list_separator" ? ", " : s
    }

    private func hoursText(_ state: OpenState, language: String) -> String? {
        switch state {
        case .openUntil(let minutes):
            return labels.text("open_until", language: language, ["time": OpenState.clock(minutes)])
        case .openAroundTheClock:
            return labels.text("open_24h", language: language)
        case .opensToday(let minutes):
            return labels.text("opens_today", language: language, ["time": OpenState.clock(minutes)])
        case .opensTomorrow(let minutes):
            return labels.text("opens_tomorrow", language: language, ["time": OpenState.clock(minutes)])
        case .opensOn(let weekday, let minutes):
            return labels.text("opens_on", language: language, ["day": labels.day(weekday, language: language), "time": OpenState.clock(minutes)])
        case .closed, .unknown:
            return nil
        }
    }

    /// A voice number of the location, else of the service; a text-only number when there is nothing else.
    private func phone(_ m: ServiceMatch) -> String? {
        let all = (m.location?.phones ?? []) + m.service.phones
        let usable = all.filter { $0.type != "fax" }
        return (usable.first { $0.type == nil || $0.type == "voice" } ?? usable.first)?.number
    }

    /// Language names in the answer's language, the resident's own language first.
    private func languageNames(_ m: ServiceMatch, language: String, max: Int) -> [String] {
        let display = Locale(identifier: labels.resolve(language))
        let own = String(language.lowercased().split(separator: "-").first ?? "")
        var entries = m.service.languages + (m.location?.languages ?? [])
        entries.sort { ($0.code == own ? 0 : 1) < ($1.code == own ? 0 : 1) }
        var names: [String] = []
        for l in entries {
            let name = l.code.flatMap { display.localizedString(forLanguageCode: $0) } ?? l.name
            if let name, !names.contains(name) { names.append(name) }
        }
        if names.count > max { names = Array(names.prefix(max)) }
        return names
    }
}
