import SanctuaryText

/// Finds admin-written phrases inside a message, starting at word starts, with a byte trie walked once per
/// word start. Phrases are folded like messages; a phrase ending in `*` also matches longer words ("knock*").
struct PhraseMatcher<Payload: Sendable>: Sendable {
    // Trie under construction: children per node, and what ends at each node.
    private var children: [[UInt8: Int32]] = [[:]]
    private var wholeWordEnds: [[Int32]] = [[]]
    private var prefixEnds: [[Int32]] = [[]]
    private var payloads: [Payload] = []
    // Compiled form (CSR arrays) built by `seal()`, so lookups never touch dictionaries.
    private var edgeStart: [Int32] = [0, 0]
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []

    /// Adds a phrase; returns false when it has no words after folding.
    @discardableResult
    mutating func add(_ phrase: String, _ payload: Payload) -> Bool {
        let isPrefix = phrase.hasSuffix("*")
        let joined = AnalyzedText(isPrefix ? String(phrase.dropLast()) : phrase).joinedWords
        guard !joined.isEmpty else { return false }
        payloads.append(payload)
        let id = Int32(payloads.count - 1)
        var node = 0
        for byte in joined.utf8 {
            if let next = children[node][byte] {
                node = Int(next)
            } else {
                children.append([:]); wholeWordEnds.append([]); prefixEnds.append([])
                children[node][byte] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        if isPrefix { prefixEnds[node].append(id) } else { wholeWordEnds[node].append(id) }
        return true
    }

    /// Compiles the trie for matching; call once after the last `add`.
    mutating func seal() {
        edgeStart = [0]
        edgeBytes = []
        edgeTargets = []
        for node in children {
            for (byte, target) in node.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
            edgeStart.append(Int32(edgeBytes.count))
        }
    }

    var isEmpty: Bool { payloads.isEmpty }

    /// Payloads of all phrases found in `text` (words joined by single spaces, as `AnalyzedText.joinedWords`).
    func matches(in text: String) -> [Payload] {
        guard !payloads.isEmpty, !text.isEmpty else { return [] }
        precondition(edgeStart.count == children.count + 1, "PhraseMatcher.seal() must be called after add")
        var found: [Payload] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var node = 0
                var i = start
                while true {
                    let atWordEnd = i == bytes.count || bytes[i] == 0x20
                    if atWordEnd { for p in wholeWordEnds[node] { found.append(payloads[Int(p)]) } }
                    for p in prefixEnds[node] { found.append(payloads[Int(p)]) }
                    guard i < bytes.count else { break }
                    var next: Int32 = -1
                    for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edgeBytes[e] == bytes[i] {
                        next = edgeTargets[e]
                        break
                    }
                    if next < 0 { break }
                    node = Int(next)
                    i += 1
                }
                while start < bytes.count && bytes[start] != 0x20 { start += 1 }
                start += 1
            }
        }
        return found
    }
}
