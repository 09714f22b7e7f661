import SanctuaryText

/// Finds admin-written phrases inside a message, starting at word starts, in one pass per word start.
/// Phrases are folded the same way as messages; a phrase ending in `*` also matches longer words ("knock*").
struct PhraseMatcher<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        var edges: [(byte: UInt8, next: Int32)] = []
        var payloads: [Int32] = []        // phrase must end at a word end
        var prefixPayloads: [Int32] = []  // phrase may continue into the word
    }
    private var nodes: [Node] = [Node()]
    private var payloads: [Payload] = []

    /// Adds a phrase; returns false when it has no words after folding.
    @discardableResult
    mutating func add(_ phrase: String, _ payload: Payload) -> Bool {
        let isPrefix = phrase.hasSuffix("*")
        let words = AnalyzedText(isPrefix ? String(phrase.dropLast()) : phrase).words
        guard !words.isEmpty else { return false }
        payloads.append(payload)
        let id = Int32(payloads.count - 1)
        var node = 0
        for byte in words.joined(separator: " ").utf8 {
            if let edge = nodes[node].edges.first(where: { $0.byte == byte }) {
                node = Int(edge.next)
            } else {
                nodes.append(Node())
                nodes[node].edges.append((byte, Int32(nodes.count - 1)))
                node = nodes.count - 1
            }
        }
        if isPrefix { nodes[node].prefixPayloads.append(id) } else { nodes[node].payloads.append(id) }
        return true
    }

    var isEmpty: Bool { payloads.isEmpty }

    /// Payloads of all phrases found in `words` (words joined by single spaces).
    func matches(in words: [String]) -> [Payload] {
        guard !payloads.isEmpty, !words.isEmpty else { return [] }
        let bytes = Array(words.joined(separator: " ").utf8)
        var found: [Payload] = []
        var start = 0
        while start < bytes.count {
            var node = 0
            var i = start
            while true {
                let atWordEnd = i == bytes.count || bytes[i] == 0x20
                if atWordEnd { for p in nodes[node].payloads { found.append(payloads[Int(p)]) } }
                for p in nodes[node].prefixPayloads { found.append(payloads[Int(p)]) }
                guard i < bytes.count, let edge = nodes[node].edges.first(where: { $0.byte == bytes[i] }) else { break }
                node = Int(edge.next)
                i += 1
            }
            // Next word start.
            while start < bytes.count && bytes[start] != 0x20 { start += 1 }
            start += 1
        }
        return found
    }
}
