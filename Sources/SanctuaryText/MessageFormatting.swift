import CICUShim

/// A value for a MessageFormat placeholder.
public enum MessageArgument: Sendable, Equatable {
    case text(String)
    case number(Double)
}

/// Why a MessageFormat pattern could not be parsed or formatted.
public struct MessageFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's error name, e.g. U_PATTERN_SYNTAX_ERROR.
    public let name: String
    /// 0-based line inside the pattern, when ICU knows it.
    public let line: Int?
    /// Offset inside that line, when ICU knows it.
    public let offset: Int?
    public var description: String {
        var s = "MessageFormat error \(name)"
        if let offset { s += " at offset \(offset)" }
        return s
    }
}

/// ICU MessageFormat with named arguments (plural, select, number), used to render answers.
public enum MessageFormatting {
    /// Parses a pattern; returns the names of the arguments it uses, or throws where it is malformed.
    public static func validate(_ pattern: String, locale: String) throws(MessageFormatError) -> Set<String> {
        var err = sicu_msg_error()
        var names = [CChar](repeating: 0, count: 2048)
        let status = withUTF16(pattern) { src, len in
            names.withUnsafeMutableBufferPointer { sicu_msg_validate(locale, src, len, $0.baseAddress!, Int32($0.count), &err) }
        }
        if status != 0 { throw makeError(err) }
        var result = Set<String>()
        var current: [UInt8] = []
        for c in names {
            if c == 0 {
                if current.isEmpty { break }
                result.insert(String(decoding: current, as: UTF8.self))
                current.removeAll()
            } else {
                current.append(UInt8(bitPattern: c))
            }
        }
        return result
    }

    /// Formats a pattern with named arguments for a locale (plural rules and number formats follow the locale).
    public static func format(_ pattern: String, locale: String, arguments: [String: MessageArgument]) throws(MessageFormatError) -> String {
        let entries = arguments.sorted { $0.key < $1.key }
        let nameStorage = entries.map { Array($0.key.utf8CString) }
        let textStorage: [[UInt16]] = entries.map {
            if case .text(let t) = $0.value { return Array(t.utf16) + [0] }
            return [0]
        }
        var err = sicu_msg_error()
        var output: String? = nil
        var failure: Int32 = 0
        withArgs(entries: entries, names: nameStorage, texts: textStorage) { args in
            withUTF16(pattern) { src, len in
                output = withUTF16Output(capacityHint: Int(len) * 2 + 64) { dst, cap in
                    let n = sicu_msg_format(locale, src, len, args.baseAddress, Int32(args.count), dst, cap, &err)
                    if n < 0 { failure = n }
                    return n
                }
            }
        }
        if let output, failure == 0 { return output }
        throw makeError(err)
    }

    private static func withArgs(entries: [(key: String, value: MessageArgument)], names: [[CChar]], texts: [[UInt16]],
                                 _ body: (UnsafeBufferPointer<sicu_msg_arg>) -> Void) {
        // Pin every name and text buffer while the C call runs.
        func pin(_ i: Int, _ acc: [sicu_msg_arg]) {
            if i == entries.count { acc.withUnsafeBufferPointer(body); return }
            names[i].withUnsafeBufferPointer { namePtr in
                texts[i].withUnsafeBufferPointer { textPtr in
                    var arg = sicu_msg_arg()
                    arg.name = namePtr.baseAddress
                    switch entries[i].value {
                    case .number(let n): arg.is_number = 1; arg.number = n
                    case .text: arg.is_number = 0; arg.text = textPtr.baseAddress; arg.text_len = Int32(textPtr.count - 1)
                    }
                    pin(i + 1, acc + [arg])
                }
            }
        }
        pin(0, [])
    }

    private static func makeError(_ err: sicu_msg_error) -> MessageFormatError {
        let name = withUnsafeBytes(of: err.error_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return MessageFormatError(name: name, line: err.line >= 0 ? Int(err.line) : nil, offset: err.offset >= 0 ? Int(err.offset) : nil)
    }
}
