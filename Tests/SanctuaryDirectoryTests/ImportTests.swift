import Foundation
import Testing
@testable import SanctuaryDirectory

@Suite("HSDS import")
struct ImportTests {
    @Test func importsTheRiversideCSVDemo() throws {
        let document = try HSDSImporter.read(path: Repo.riverside, timeZone: "America/Chicago")
        #expect(document.services.count == 40)
        #expect(document.timeZone == "America/Chicago")
        let dental = try #require(document.services.first { $0.id == "svc-dental-clinic" })
        #expect(dental.organization.name == "Riverside Care")
        #expect(dental.terms.contains("dental"))
        #expect(dental.locations.first?.address?.short == "18 Elm St, Riverside")
        #expect(dental.locations.first?.schedules.count == 2)
        #expect(dental.languages.compactMap(\.code) == ["en", "es", "ar"])
        #expect(dental.assuredDate == "2026-10-01")
        // A violence shelter has no street address.
        let shelter = try #require(document.services.first { $0.id == "svc-safe-harbor" })
        #expect(shelter.locations.first?.address == nil)
        #expect(shelter.terms.contains("dv"))
        // Documents and costs.
        let cityID = try #require(document.services.first { $0.id == "svc-city-id" })
        #expect(cityID.requiredDocuments.count == 2)
        #expect(cityID.costOptions.first?.currency == "USD")
    }

    @Test func importsTheFlussstadtJSONDemo() throws {
        let document = try HSDSImporter.read(path: Repo.flussstadt, timeZone: "Europe/Berlin")
        #expect(document.services.count == 39)
        let medibuero = try #require(document.services.first { $0.id == "svc-medibuero" })
        #expect(medibuero.organization.name == "Medibüro Flussstadt e.V.")
        #expect(medibuero.terms.contains("anonymous"))
        #expect(medibuero.locations.first?.address?.address1 == "Wilhelmstraße 40")
        // A place nested under several services is read once and shared.
        let sharing = document.services.filter { $0.locations.contains { $0.id == "fl-gesundheitshaus" } }
        #expect(sharing.count == 2)
        #expect(Set(sharing.compactMap { $0.locations.first?.address?.address1 }) == ["Luisenplatz 8"])
        #expect(document.services.first { $0.id == "svc-frauenhaus" }?.locations.first?.address == nil)
        #expect(document.services.first { $0.id == "svc-schuldnerberatung" }?.status == "temporarily closed")
    }

    @Test func acceptsATopLevelArray() throws {
        let json = #"[{"id": "s1", "name": "Pantry", "status": "active", "organization": {"id": "o1", "name": "Org"}}]"#
        let document = try HSDSImporter.readJSON(Data(json.utf8), file: "list.json", timeZone: "UTC")
        #expect(document.services.map(\.name) == ["Pantry"])
    }

    @Test func brokenCSVNamesFileRowAndField() {
        #expect {
            _ = try HSDSImporter.read(path: Repo.fixtures + "/broken-csv", timeZone: "America/Chicago")
        } throws: { error in
            guard let e = error as? DirectoryImportError else { return false }
            let found = Set(e.issues.map { "\($0.file):\($0.line ?? -1):\($0.field ?? "-")" })
            let expected: Set<String> = [
                "organizations.csv:3:name",
                "services.csv:2:status", "services.csv:3:organization_id", "services.csv:3:assured_date",
                "locations.csv:2:latitude",
                "service_at_locations.csv:3:location_id",
                "schedules.csv:2:byday", "schedules.csv:3:opens_at",
            ]
            #expect(found == expected, "\(e.description)")
            #expect(e.issues.contains { $0.description == "services.csv:2: field 'status': 'open' is not one of: active, inactive, defunct, temporarily closed" })
            return found == expected
        }
    }

    @Test func brokenJSONNamesThePath() {
        #expect {
            _ = try HSDSImporter.read(path: Repo.fixtures + "/broken.json", timeZone: "Europe/Berlin")
        } throws: { error in
            guard let e = error as? DirectoryImportError else { return false }
            let paths = Set(e.issues.compactMap(\.jsonPath))
            let expected: Set<String> = [
                "services[0].service_at_locations[0].location.latitude",
                "services[1].schedules[0].opens_at",
                "services[1].schedules[0].byday",
                "services[2].status",
                "services[2].organization_id",
            ]
            #expect(paths == expected, "\(e.description)")
            #expect(e.issues.allSatisfy { $0.file == "broken.json" })
            #expect(e.description.contains("broken.json: services[1].schedules[0].opens_at: '9am' is not a time HH:MM or HH:MM:SS"))
            return paths == expected
        }
    }

    @Test func invalidJSONAndTimeZoneAreReported() {
        #expect(throws: DirectoryImportError.self) {
            _ = try HSDSImporter.readJSON(Data("{\"services\": [".utf8), file: "cut.json", timeZone: "UTC")
        }
        #expect {
            _ = try HSDSImporter.read(path: Repo.fixtures + "/valid-csv", timeZone: "Mars/Olympus")
        } throws: { error in
            (error as? DirectoryImportError)?.issues.first?.message.contains("IANA") == true
        }
    }

    @Test func aBrokenImportLeavesThePreviousDirectoryUntouched() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try DirectoryStore.importDirectory(from: Repo.fixtures + "/valid-csv", dataDirectory: data, timeZone: "America/Chicago")
        let path = DirectoryStore.path(dataDirectory: data)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: DirectoryImportError.self) {
            try DirectoryStore.importDirectory(from: Repo.fixtures + "/broken-csv", dataDirectory: data, timeZone: "America/Chicago")
        }
        #expect(throws: DirectoryImportError.self) {
            try DirectoryStore.importDirectory(from: Repo.fixtures + "/broken.json", dataDirectory: data, timeZone: "America/Chicago")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Nothing but directory.json is left behind (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: data) == [DirectoryStore.fileName])
        // And it loads back as it was written.
        let loaded = try DirectoryStore.load(dataDirectory: data)
        #expect(loaded.services.map(\.name) == ["Elm Pantry", "Elm Clinic"])
        #expect(loaded.services[0].organization.description == "A \"neighbourhood\" group")
        #expect(loaded.services[0].organization.name == "Elm Street Helpers, Inc.")
    }

    @Test func storeRoundTripsTheDemo() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let document = try DirectoryStore.importDirectory(from: Repo.flussstadt, dataDirectory: data + "/new", timeZone: "Europe/Berlin")
        #expect(try DirectoryStore.load(dataDirectory: data + "/new") == document)
    }

    @Test(arguments: [
        ("09:00", 540), ("09:00:30", 540), ("23:59", 1439), ("00:00", 0), ("24:00", nil), ("9:00", nil), ("25:00", nil), ("12:60", nil), ("noon", nil),
    ])
    func readsTimes(text: String, minutes: Int?) {
        #expect(FieldFormat.minutes(text) == minutes)
    }

    @Test func validatesFieldFormats() {
        #expect(FieldFormat.minutes("24:00", allow24: true) == 1440)
        #expect(FieldFormat.date("2026-02-29") == nil)
        #expect(FieldFormat.date("2028-02-29") != nil)
        #expect(FieldFormat.date("2026-10-01T09:00:00Z") != nil)
        #expect(FieldFormat.byday("MO") && FieldFormat.byday("1SA") && FieldFormat.byday("-1FR"))
        #expect(!FieldFormat.byday("MOX") && !FieldFormat.byday("XX") && !FieldFormat.byday("9MO") && !FieldFormat.byday(""))
    }
}
