import CICUShim

/// Calls an ICU shim function that fills a UTF-16 buffer, retrying once with the size it asks for.
@inline(__always)
func withUTF16Output(capacityHint: Int, _ body: (UnsafeMutablePointer<UInt16>, Int32) -> Int32) -> String? {
    var capacity = max(capacityHint, 16)
    for _ in 0..<2 {
        var result: String? = nil
        var needed: Int32 = 0
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { buffer in
            needed = body(buffer.baseAddress!, Int32(capacity))
            if needed >= 0 && Int(needed) <= capacity {
                result = String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: Int(needed)), as: UTF16.self)
            }
        }
        if let result { return result }
        if needed < 0 { return nil }
        capacity = Int(needed) + 1
    }
    return nil
}

/// Calls an ICU shim function that fills a NUL-terminated UTF-8 buffer.
func withCStringOutput(_ body: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
    var buffer = [CChar](repeating: 0, count: 160)
    let n = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32($0.count)) }
    guard n >= 0, Int(n) < buffer.count else { return nil }
    return String(decoding: buffer[..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Runs `body` with the string's UTF-16 code units in a contiguous buffer.
@inline(__always)
func withUTF16<R>(_ text: String, _ body: (UnsafePointer<UInt16>, Int32) -> R) -> R {
    var units = Array(text.utf16)
    if units.isEmpty { units.append(0); return units.withUnsafeBufferPointer { body($0.baseAddress!, 0) } }
    return units.withUnsafeBufferPointer { body($0.baseAddress!, Int32($0.count)) }
}

/// Calls a UTF-8 → UTF-8 shim function, retrying once with the size it asks for.
@inline(__always)
func transformUTF8(_ text: String, _ body: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
    var text = text
    return text.withUTF8 { src in
        src.withMemoryRebound(to: CChar.self) { csrc in
            let base = csrc.baseAddress ?? UnsafePointer(bitPattern: 1)!
            var capacity = max(32, src.count + src.count / 2 + 8)
            for _ in 0..<2 {
                var result: String? = nil
                var needed: Int32 = 0
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
                    needed = body(base, Int32(src.count), buffer.baseAddress!, Int32(capacity))
                    if needed >= 0 && Int(needed) <= capacity {
                        result = buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: Int(needed)) {
                            String(decoding: UnsafeBufferPointer(start: $0, count: Int(needed)), as: UTF8.self)
                        }
                    }
                }
                if let result { return result }
                if needed < 0 { return nil }
                capacity = Int(needed) + 1
            }
            return nil
        }
    }
}
