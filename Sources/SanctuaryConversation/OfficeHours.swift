import Foundation

/// When advocates answer: weekly opening ranges in the city's time zone. Urgent cases can be staffed around
/// the clock (an on-call rota) while other handoffs wait for office hours.
public struct OfficeHours: Sendable, Equatable {
    /// One opening range on a weekday (1 = Sunday … 7 = Saturday, as `Calendar` counts), in minutes after midnight.
    public struct Range: Sendable, Equatable {
        public let weekday: Int
        public let opens: Int
        public let closes: Int
        public init(weekday: Int, opens: Int, closes: Int) {
            self.weekday = weekday
            self.opens = opens
            self.closes = closes
        }
    }

    public var timeZone: TimeZone
    public var ranges: [Range]
    /// Urgent cases are answered at any hour.
    public var urgentAlwaysStaffed: Bool

    public init(timeZone: TimeZone, ranges: [Range], urgentAlwaysStaffed: Bool = true) {
        self.timeZone = timeZone
        self.ranges = ranges
        self.urgentAlwaysStaffed = urgentAlwaysStaffed
    }

    /// Monday to Friday 9:00–17:00.
    public static func weekdays(timeZone: TimeZone, opens: Int = 9 * 60, closes: Int = 17 * 60) -> OfficeHours {
        OfficeHours(timeZone: timeZone, ranges: (2...6).map { Range(weekday: $0, opens: opens, closes: closes) })
    }

    /// Always open.
    public static let always = OfficeHours(timeZone: TimeZone(identifier: "UTC")!, ranges: (1...7).map { Range(weekday: $0, opens: 0, closes: 24 * 60) })

    /// Parses "mon-fri 09:00-17:00, sat 10:00-14:00".
    public static func parse(_ text: String, timeZone: TimeZone) throws -> OfficeHours {
        let days = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]
        var ranges: [Range] = []
        for part in text.lowercased().split(separator: ",") {
            let fields = part.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 else { throw OfficeHoursError.invalid(String(part)) }
            let dayBounds = fields[0].split(separator: "-").map(String.init)
            let times = fields[1].split(separator: "-").map(String.init)
            guard let first = days[dayBounds[0]], let last = days[dayBounds.last!], times.count == 2,
                  let opens = minutes(times[0]), let closes = minutes(times[1]), opens < closes
            else { throw OfficeHoursError.invalid(String(part)) }
            var day = first
            while true {
                ranges.append(Range(weekday: day, opens: opens, closes: closes))
                if day == last { break }
                day = day % 7 + 1
            }
        }
        return OfficeHours(timeZone: timeZone, ranges: ranges)
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Whether an advocate answers at this moment.
    public func isOpen(at date: Date) -> Bool {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let minute = parts.hour! * 60 + parts.minute!
        return ranges.contains { $0.weekday == parts.weekday! && $0.opens <= minute && minute < $0.closes }
    }

    /// The next moment the office opens after `date` (nil when no ranges are set).
    public func nextOpening(after date: Date) -> Date? {
        let calendar = self.calendar
        let startOfDay = calendar.startOfDay(for: date)
        for offset in 0...7 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: startOfDay) else { continue }
            let weekday = calendar.component(.weekday, from: day)
            for range in ranges.filter({ $0.weekday == weekday }).sorted(by: { $0.opens < $1.opens }) {
                let opening = day.addingTimeInterval(Double(range.opens * 60))
                if opening > date { return opening }
            }
        }
        return nil
    }

    /// "Monday 09:00" in the resident's language.
    public func describe(_ date: Date, language: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = timeZone
        formatter.setLocalizedDateFormatFromTemplate("EEEE HH:mm")
        return formatter.string(from: date)
    }
}

/// An office-hours line that cannot be read.
public enum OfficeHoursError: Error, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let part): "office hours: cannot read \"\(part)\" (expected e.g. \"mon-fri 09:00-17:00, sat 10:00-14:00\")"
        }
    }
}
