import Foundation

/// What the numbers of the numbered menus select. The menu texts in `locales/*.yaml` (`menu`, `clarify`)
/// list the topics in this order in every language.
public struct Menus: Sendable, Equatable {
    /// A menu entry: an intent to answer, or another menu to show.
    public enum Entry: Sendable, Equatable {
        case intent(String)
        case languageMenu
        case mainMenu
    }

    public var main: [Int: Entry]
    public var clarify: [Int: Entry]

    public init(main: [Int: Entry], clarify: [Int: Entry]) {
        self.main = main
        self.clarify = clarify
    }

    /// The menus of the shipped locale files.
    public static let standard = Menus(
        main: [
            1: .intent("kyr_door"), 2: .intent("find_primary_care"), 3: .intent("find_food"),
            4: .intent("find_legal_help"), 5: .intent("enroll_school"), 6: .intent("worker_rights"),
            7: .intent("get_city_id"), 8: .intent("request_human"), 9: .languageMenu,
        ],
        clarify: [
            1: .intent("kyr_door"), 2: .intent("find_primary_care"), 3: .intent("find_food"),
            4: .intent("find_legal_help"), 5: .mainMenu,
        ])

    /// The number a message consists of ("1", " 2 ", "٣", "۴", "10"), in any script's decimal digits.
    public static func number(in text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 2 else { return nil }
        var value = 0
        for scalar in trimmed.unicodeScalars {
            guard scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
