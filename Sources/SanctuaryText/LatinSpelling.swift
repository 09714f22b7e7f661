import CICUShim

/// Fast Latin spelling for matching: ICU's "Any-Latin; Latin-ASCII" applied once per code point of the
/// Cyrillic, Arabic and Ethiopic blocks and cached, then looked up per character. Context rules of the full
/// transform are lost, which does not matter for matching because training text and messages are spelled
/// the same way. Other scripts fall back to the full ICU transform.
public enum LatinSpelling {
    private struct Block: Sendable {
        let range: ClosedRange<UInt32>
        let spellings: [[UInt8]]
    }

    private static let blocks: [Block] = [
        0x0400...0x052F,   // Cyrillic, Cyrillic Supplement
        0x0600...0x06FF,   // Arabic
        0x0750...0x077F,   // Arabic Supplement
        0x08A0...0x08FF,   // Arabic Extended-A
        0x1200...0x139F,   // Ethiopic, Ethiopic Supplement
        0x2D80...0x2DDF,   // Ethiopic Extended
        0xAB00...0xAB2F,   // Ethiopic Extended-A
        0x00C0...0x024F,   // Latin-1 Supplement, Latin Extended-A/B (ı, ş, ğ…)
    ].map { range in
        Block(range: range, spellings: range.map { value in
            guard let scalar = Unicode.Scalar(value) else { return [] }
            let latin = Transliteration.transliterate(String(Character(scalar)), transform: Transliteration.anyToASCII)
            return Array(latin.lowercased().utf8.filter { $0 != 0x27 && $0 != 0x60 })   // drop ʼ-style apostrophes
        })
    }

    @inline(__always)
    private static func cached(_ v: UInt32) -> [UInt8]? {
        for block in blocks where block.range.contains(v) { return block.spellings[Int(v &- block.range.lowerBound)] }
        return nil
    }

    /// The ASCII Latin spelling of `text`; characters outside the cached blocks pass through the full transform.
    public static func spell(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = ""
        func flushPending() {
            if pending.isEmpty { return }
            out.append(contentsOf: Transliteration.toLatin(pending).lowercased().utf8)
            pending = ""
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x200C || v == 0x200D || v == 0x200E || v == 0x200F { continue }   // joiners and direction marks
            if v < 0x80 {
                flushPending()
                out.append(UInt8(v))
            } else if let spelling = cached(v) {
                flushPending()
                out.append(contentsOf: spelling)
            } else {
                pending.unicodeScalars.append(scalar)
            }
        }
        flushPending()
        return String(decoding: out, as: UTF8.self)
    }
}
