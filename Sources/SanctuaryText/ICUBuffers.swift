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
