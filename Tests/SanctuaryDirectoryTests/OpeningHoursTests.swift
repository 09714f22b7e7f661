import Foundation
import Testing
@testable import SanctuaryDirectory

@Suite("Open now")
struct OpeningHoursTests {
    static func weekly(_ byday: String, _ opens: String, _ closes: String, from: String? = nil, to: String? = nil) -> DirectorySchedule {
        DirectorySchedule(freq: "WEEKLY", byday: FieldFormat.list(byday), bymonthday: [], opensAt: FieldFormat.minutes(opens),
                          closesAt: FieldFormat.minutes(closes, allow24: true), validFrom: from, validTo: to, description: nil)
    }
    static func monthly(_ byday: String, _ opens: String, _ closes: String) -> DirectorySchedule {
        DirectorySchedule(freq: "MONTHLY", byday: FieldFormat.list(byday), bymonthday: [], opensAt: FieldFormat.minutes(opens),
                          closesAt: FieldFormat.minutes(closes), validFrom: nil, validTo: nil, description: nil)
    }

    static let pantry = [weekly("TU,TH", "10:00", "18:00"), weekly("SA", "09:00", "13:00")]
    static let nightShelter = [weekly("", "19:00", "07:00")]
    static let fridayNights = [weekly("FR", "22:00", "03:00")]
    static let winter = [weekly("", "20:00", "08:00", from: "2026-11-15", to: "2027-03-15")]
    static let aroundTheClock = [weekly("", "00:00", "00:00")]
    static let splitDay = [weekly("MO,TU,WE,TH,FR", "09:00", "12:00"), weekly("MO,TU,WE,TH,FR", "12:00", "17:00")]
    static let secondWednesday = [monthly("2WE", "10:00", "15:00")]
    static let lastFriday = [monthly("-1FR", "10:00", "12:00")]

    // (schedules, local time, zone, expected)
    @Test(arguments: [
        (pantry, "2026-11-24T14:00", "America/Chicago", OpenState.openUntil(minutes: 18 * 60)),          // Tuesday afternoon
        (pantry, "2026-11-24T09:15", "America/Chicago", .opensToday(minutes: 10 * 60)),                   // Tuesday morning
        (pantry, "2026-11-24T18:00", "America/Chicago", .opensOn(weekday: 5, minutes: 10 * 60)),         // closing time: closed, next Thursday
        (pantry, "2026-11-25T12:00", "America/Chicago", .opensTomorrow(minutes: 10 * 60)),                // Wednesday
        (pantry, "2026-11-28T12:59", "America/Chicago", .openUntil(minutes: 13 * 60)),                    // Saturday
        (pantry, "2026-11-29T12:00", "America/Chicago", .opensTomorrow(minutes: -1)),                     // Sunday → Tuesday (checked below)
        (nightShelter, "2026-11-24T23:30", "America/Chicago", .openUntil(minutes: 7 * 60)),              // before midnight
        (nightShelter, "2026-11-25T02:00", "America/Chicago", .openUntil(minutes: 7 * 60)),              // after midnight
        (nightShelter, "2026-11-25T07:00", "America/Chicago", .opensToday(minutes: 19 * 60)),
        (fridayNights, "2026-11-28T01:00", "Europe/Berlin", .openUntil(minutes: 3 * 60)),                // Friday's night, Saturday 1 a.m.
        (fridayNights, "2026-11-29T01:00", "Europe/Berlin", .opensOn(weekday: 6, minutes: 22 * 60)),    // Saturday's night: closed
        (winter, "2026-11-14T21:00", "America/Chicago", .opensTomorrow(minutes: 20 * 60)),              // before valid_from
        (winter, "2026-11-15T21:00", "America/Chicago", .openUntil(minutes: 8 * 60)),
        (winter, "2027-03-16T02:00", "America/Chicago", .openUntil(minutes: 8 * 60)),                   // the night that began on valid_to
        (winter, "2027-03-16T21:00", "America/Chicago", .closed),                                        // after valid_to
        (aroundTheClock, "2026-11-24T03:00", "Europe/Berlin", .openAroundTheClock),
        (splitDay, "2026-11-24T11:00", "Europe/Berlin", .openUntil(minutes: 17 * 60)),                  // touching intervals join
        (secondWednesday, "2026-11-11T11:00", "America/Chicago", .openUntil(minutes: 15 * 60)),
        (secondWednesday, "2026-11-18T11:00", "America/Chicago", .closed),                               // next is December 9
        (secondWednesday, "2026-12-04T11:00", "America/Chicago", .opensOn(weekday: 4, minutes: 10 * 60)),
        (lastFriday, "2026-11-27T11:00", "Europe/Berlin", .openUntil(minutes: 12 * 60)),
        (lastFriday, "2026-11-20T11:00", "Europe/Berlin", .opensOn(weekday: 6, minutes: 10 * 60)),
        ([], "2026-11-24T11:00", "Europe/Berlin", .unknown),
    ] as [([DirectorySchedule], String, String, OpenState)])
    func computesOpenState(schedules: [DirectorySchedule], time: String, zone: String, expected: OpenState) {
        let hours = OpeningHours(timeZone: TimeZone(identifier: zone)!)
        let state = hours.state(schedules, at: localTime(time, zone))
        if case .opensTomorrow(let m) = expected, m < 0 {
            #expect(state == .opensOn(weekday: 3, minutes: 10 * 60))
        } else {
            #expect(state == expected)
        }
    }

    @Test func theSameInstantDiffersByCityTimeZone() {
        // 20:00 UTC on a Tuesday: 14:00 in Chicago (pantry open), 21:00 in Berlin (closed).
        let instant = localTime("2026-11-24T20:00", "UTC")
        let chicago = OpeningHours(timeZone: TimeZone(identifier: "America/Chicago")!)
        let berlin = OpeningHours(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(chicago.state(Self.pantry, at: instant) == .openUntil(minutes: 18 * 60))
        #expect(berlin.state(Self.pantry, at: instant) == .opensOn(weekday: 5, minutes: 10 * 60))
    }

    @Test func aDSTChangeNightKeepsTheShelterOpen() {
        // Europe/Berlin leaves summer time on 2026-10-25 at 03:00.
        let hours = OpeningHours(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(hours.state(Self.nightShelter, at: localTime("2026-10-25T04:00", "Europe/Berlin")) == .openUntil(minutes: 7 * 60))
    }

    @Test func demoDataOpenStates() {
        let tuesday = localTime("2026-11-24T14:00", "America/Chicago")
        let d = Repo.riversideDirectory
        func state(_ id: String) -> OpenState { d.openState(of: d.document.services.first { $0.id == id }!, at: tuesday) }
        #expect(state("svc-dental-clinic") == .openUntil(minutes: 20 * 60))
        #expect(state("svc-emergency-shelter") == .opensToday(minutes: 19 * 60))
        #expect(state("svc-safe-harbor") == .openAroundTheClock)
        #expect(state("svc-masjid-pantry") == .opensOn(weekday: 6, minutes: 13 * 60))
    }
}
