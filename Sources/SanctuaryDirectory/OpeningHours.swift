import Foundation

/// Whether a service is open at a moment, computed from its schedules in the city's time zone.
public enum OpenState: Sendable, Equatable {
    /// Open now; closes at this local time (minutes after midnight, 0…1439; 0 is midnight).
    case openUntil(minutes: Int)
    /// Open now and for at least the next 24 hours.
    case openAroundTheClock
    /// Closed now; opens later today at this local time.
    case opensToday(minutes: Int)
    /// Closed now; opens tomorrow at this local time.
    case opensTomorrow(minutes: Int)
    /// Closed now; opens on this weekday (1 = Sunday … 7 = Saturday, as `Calendar`) at this local time.
    case opensOn(weekday: Int, minutes: Int)
    /// Hours are known but none fall within the next seven days.
    case closed
    /// The data has no opening hours.
    case unknown

    public var isOpen: Bool {
        switch self {
        case .openUntil, .openAroundTheClock: return true
        default: return false
        }
    }

    /// "HH:MM" for minutes after midnight.
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

/// Computes `OpenState` from HSDS schedules: weekly `byday` rules, monthly `bymonthday` / ordinal weekdays
/// (`1MO`, `-1FR`), `valid_from` / `valid_to`, and hours past midnight (`closes_at` ≤ `opens_at`).
public struct OpeningHours: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    private struct Day {
        let offset: Int
        let date: String  // YYYY-MM-DD
        let weekday: Int  // 1 = Sunday
        let dayOfMonth: Int
        let daysInMonth: Int
    }

    private func day(_ now: Date, offset: Int) -> Day? {
        guard let d = calendar.date(byAdding: .day, value: offset, to: now) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day, .weekday], from: d)
        guard let y = c.year, let m = c.month, let dd = c.day, let wd = c.weekday else { return nil }
        let range = calendar.range(of: .day, in: .month, for: d)
        let date = String(format: "%04d-%02d-%02d", y, m, dd)
        return Day(offset: offset, date: date, weekday: wd, dayOfMonth: dd, daysInMonth: range?.count ?? 31)
    }

    private func applies(_ s: DirectorySchedule, on day: Day) -> Bool {
        if let from = s.validFrom, day.date < from { return false }
        if let to = s.validTo, day.date > to { return false }
        let code = FieldFormat.weekdays[day.weekday - 1]
        if s.freq == "MONTHLY" {
            if !s.bymonthday.isEmpty {
                let matches = s.bymonthday.contains { $0 > 0 ? $0 == day.dayOfMonth : day.daysInMonth + 1 + $0 == day.dayOfMonth }
                if !matches { return false }
            }
            if !s.byday.isEmpty {
                let ordinal = (day.dayOfMonth - 1) / 7 + 1
                let fromEnd = -((day.daysInMonth - day.dayOfMonth) / 7 + 1)
                return s.byday.contains { rule in
                    guard rule.hasSuffix(code) else { return false }
                    let prefix = rule.dropLast(2)
                    if prefix.isEmpty { return true }
                    guard let n = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix) else { return false }
                    return n == ordinal || n == fromEnd
                }
            }
            return true
        }
        return s.byday.isEmpty || s.byday.contains { String($0.suffix(2)) == code }
    }

    /// The state at `now` for the given schedules.
    public func state(_ schedules: [DirectorySchedule], at now: Date) -> OpenState {
        let timed = schedules.filter { $0.opensAt != nil && $0.closesAt != nil }
        guard !timed.isEmpty else { return .unknown }
        let c = calendar.dateComponents([.hour, .minute], from: now)
        let nowMinute = (c.hour ?? 0) * 60 + (c.minute ?? 0)
        // Intervals in minutes relative to today's local midnight, from yesterday (for past-midnight hours) on.
        var intervals: [(start: Int, end: Int, day: Day)] = []
        for offset in -1...7 {
            guard let d = day(now, offset: offset) else { continue }
            for s in timed where applies(s, on: d) {
                let opens = s.opensAt!, closes = s.closesAt!
                let start = offset * 1440 + opens
                let end = closes > opens ? offset * 1440 + closes : (closes == opens ? start + 1440 : (offset + 1) * 1440 + closes)
                intervals.append((start, end, d))
            }
        }
        intervals.sort { $0.start < $1.start }
        if intervals.contains(where: { $0.start <= nowMinute && nowMinute < $0.end }) {
            // Follow overlapping or touching intervals to the real closing time.
            var end = nowMinute
            var changed = true
            while changed {
                changed = false
                for i in intervals where i.start <= end && i.end > end {
                    end = i.end
                    changed = true
                }
            }
            if end - nowMinute >= 1440 { return .openAroundTheClock }
            return .openUntil(minutes: end % 1440)
        }
        guard let next = intervals.first(where: { $0.start > nowMinute }) else { return .closed }
        let minutes = next.start - next.day.offset * 1440
        switch next.day.offset {
        case 0: return .opensToday(minutes: minutes)
        case 1: return .opensTomorrow(minutes: minutes)
        default: return .opensOn(weekday: next.day.weekday, minutes: minutes)
        }
    }
}
