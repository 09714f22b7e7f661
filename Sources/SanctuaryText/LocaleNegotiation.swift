import CICUShim
import Foundation

/// BCP 47 language tags, canonicalised and negotiated with ICU's likely subtags.
public enum LocaleNegotiation {
    /// Canonical BCP 47 form ("EN_us" → "en-US"), or nil when ICU cannot read the tag.
    public static func canonical(_ tag: String) -> String? {
        let cleaned = tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        guard !cleaned.isEmpty, let result = withCStringOutput({ sicu_canonical_tag(cleaned, $0, $1) }),
              !result.isEmpty, result != "und" else { return nil }
        return result
    }

    /// Adds likely subtags: "pt" → "pt-Latn-BR", "sr" → "sr-Cyrl-RS".
    public static func maximize(_ tag: String) -> String {
        withCStringOutput { sicu_maximize_tag(tag, $0, $1) } ?? tag
    }

    /// Removes likely subtags: "pt-Latn-BR" → "pt".
    public static func minimize(_ tag: String) -> String {
        withCStringOutput { sicu_minimize_tag(tag, $0, $1) } ?? tag
    }

    /// The primary language subtag of a tag ("pt-BR" → "pt").
    public static func language(of tag: String) -> String {
        String(tag.split(separator: "-", maxSplits: 1).first ?? Substring(tag)).lowercased()
    }

    /// The fallback chain of a tag, most specific first: "pt-BR" → ["pt-BR", "pt"], "zh-TW" → ["zh-Hant-TW", "zh-TW", "zh-Hant", "zh"].
    public static func fallbackChain(_ tag: String) -> [String] {
        guard let canon = canonical(tag) else { return [] }
        var chain: [String] = []
        func add(_ t: String) { if !t.isEmpty, !chain.contains(t) { chain.append(t) } }
        add(canon)
        let parts = maximize(canon).split(separator: "-").map(String.init)
        let lang = parts.first ?? language(of: canon)
        let script = parts.count > 1 && parts[1].count == 4 ? parts[1] : nil
        let region = parts.dropFirst().first { $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }
        if let script, let region { add("\(lang)-\(script)-\(region)") }
        if let region { add("\(lang)-\(region)") }
        if let script { add("\(lang)-\(script)") }
        add(lang)
        return chain
    }

    /// Picks the best available locale for the requested tags (in preference order), else `defaultLocale`.
    /// A request only falls back along its own chain: "pt-BR" → "pt", never to another language.
    public static func negotiate(requested: [String], available: [String], defaultLocale: String) -> String {
        let availableCanon = available.map { (original: $0, canon: canonical($0) ?? $0) }
        for request in requested {
            for candidate in fallbackChain(request) {
                if let hit = availableCanon.first(where: { $0.canon.caseInsensitiveCompare(candidate) == .orderedSame }) {
                    return hit.original
                }
            }
            // "pt" requested while only "pt-BR" exists: same language, same likely script and region.
            let maxRequest = maximize(canonical(request) ?? request)
            if let hit = availableCanon.first(where: { maximize($0.canon) == maxRequest }) { return hit.original }
        }
        return defaultLocale
    }

    /// Parses an HTTP Accept-Language header into tags ordered by quality ("de-CH, fr;q=0.8" → ["de-CH", "fr"]).
    public static func parseAcceptLanguage(_ header: String) -> [String] {
        let entries: [(tag: String, q: Double, index: Int)] = header.split(separator: ",").enumerated().compactMap { index, item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty, tag != "*" else { return nil }
            var q = 1.0
            for p in parts.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            return q > 0 ? (tag, q, index) : nil
        }
        return entries.sorted { $0.q != $1.q ? $0.q > $1.q : $0.index < $1.index }.map(\.tag)
    }
}

