import Foundation

/// Reads Open Referral HSDS 3.0 data (tabular CSV or nested JSON), validates all of it, and normalises it into a
/// `DirectoryDocument`. Validation is complete before anything is returned: one broken row fails the import.
public enum HSDSImporter {
    /// Reads `path`: a directory of CSV files, or a `.json` file. `timeZone` is the city's IANA zone.
    /// Throws `DirectoryImportError` listing every problem (file, row or JSON path, field).
    public static func read(path: String, timeZone: String, now: Date = Date()) throws(DirectoryImportError) -> DirectoryDocument {
        var isDirectory: ObjCBool = false
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DirectoryImportError(issues: [ImportIssue(.csv(file: path, line: 0), field: nil, "no such file or directory")])
        }
        let (tables, readIssues): (SourceTables, [ImportIssue])
        if isDirectory.boolValue {
            (tables, readIssues) = HSDSSource.readCSVDirectory(path)
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DirectoryImportError(issues: [ImportIssue(.json(file: name, path: ""), field: nil, "cannot be read")])
            }
            (tables, readIssues) = HSDSSource.readJSON(data, file: name)
        }
        return try normalise(tables, readIssues: readIssues, timeZone: timeZone, source: name, now: now)
    }

    /// Validates and normalises nested JSON given as data (`file` names it in messages).
    public static func readJSON(_ data: Data, file: String, timeZone: String, now: Date = Date()) throws(DirectoryImportError) -> DirectoryDocument {
        let (tables, issues) = HSDSSource.readJSON(data, file: file)
        return try normalise(tables, readIssues: issues, timeZone: timeZone, source: file, now: now)
    }

    static func normalise(_ tables: SourceTables, readIssues: [ImportIssue], timeZone: String, source: String, now: Date) throws(DirectoryImportError) -> DirectoryDocument {
        var v = Validator(tables: tables)
        v.issues = readIssues
        if TimeZone(identifier: timeZone) == nil {
            v.issues.append(ImportIssue(.json(file: "--time-zone", path: ""), field: nil, "'\(timeZone)' is not an IANA time zone (e.g. America/Chicago, Europe/Berlin)"))
        }
        v.validate()
        if !v.issues.isEmpty { throw DirectoryImportError(issues: v.issues) }
        let formatter = ISO8601DateFormatter()
        return DirectoryDocument(timeZone: timeZone, source: source, importedAt: formatter.string(from: now), services: v.build())
    }
}

// MARK: - Field checks

enum FieldFormat {
    /// "HH:MM" or "HH:MM:SS" → minutes after midnight; `allow24` admits "24:00" (end of day) for closing times.
    static func minutes(_ text: String, allow24: Bool = false) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        if allow24 && h == 24 && m == 0 && s == 0 { return 24 * 60 }
        guard h < 24, m < 60, s < 60 else { return nil }
        return h * 60 + m
    }

    /// "YYYY-MM-DD" (a datetime's date part is accepted) → the same text, checked.
    static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let datePart = text.prefix(10)
        guard datePart.count == 10, text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " " else { return nil }
        let p = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m) else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...days[m - 1]).contains(d) else { return nil }
        return (y, m, d)
    }

    static let weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// One byday value: MO…SU, optionally preceded by an ordinal (1MO, -1FR).
    static func byday(_ text: String) -> Bool {
        let t = text.uppercased()
        guard t.count >= 2, weekdays.contains(String(t.suffix(2))) else { return false }
        let prefix = t.dropLast(2)
        if prefix.isEmpty { return true }
        let digits = prefix.hasPrefix("-") || prefix.hasPrefix("+") ? prefix.dropFirst() : prefix
        guard let n = Int(digits), (1...5).contains(n), digits.allSatisfy(\.isNumber) else { return false }
        return true
    }

    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

// MARK: - Validation and normalisation

private struct Validator {
    let tables: SourceTables
    var issues: [ImportIssue] = []
    /// Table → id → row.
    var byID: [String: [String: SourceRow]] = [:]

    static let serviceStatuses: Set<String> = ["active", "inactive", "defunct", "temporarily closed"]
    static let locationTypes: Set<String> = ["physical", "postal", "virtual"]
    static let phoneTypes: Set<String> = ["text", "voice", "fax", "cell", "video", "pager", "textphone"]
    static let freqs: Set<String> = ["WEEKLY", "MONTHLY"]

    init(tables: SourceTables) { self.tables = tables }

    mutating func issue(_ row: SourceRow, _ field: String?, _ message: String) {
        issues.append(ImportIssue(row.origin, field: field, message))
    }

    mutating func require(_ row: SourceRow, _ fields: String...) {
        for f in fields where row[f] == nil { issue(row, f, "is required") }
    }

    /// `field` (when present, or always when `required`) must name a row of `table`.
    mutating func reference(_ row: SourceRow, _ field: String, _ table: String, required: Bool = false) {
        guard let id = row[field] else {
            if required { issue(row, field, "is required") }
            return
        }
        if byID[table]?[id] == nil { issue(row, field, "'\(id)' does not match any id in \(table)") }
    }

    mutating func validate() {
        // Ids first, so that references can be checked in any order.
        for table in SourceTables.tableNames {
            var ids: [String: SourceRow] = [:]
            for row in tables[table] {
                guard let id = row["id"] else { issue(row, "id", "is required"); continue }
                if let first = ids[id] {
                    let firstAt: String
                    switch first.origin {
                    case .csv(_, let line): firstAt = "line \(line)"
                    case .json(_, let path): firstAt = path
                    }
                    issue(row, "id", "'\(id)' is used twice in \(table) (first at \(firstAt))")
                } else {
                    ids[id] = row
                }
            }
            byID[table] = ids
        }
        for row in tables["organizations"] { require(row, "name") }
        for row in tables["services"] {
            require(row, "name")
            reference(row, "organization_id", "organizations", required: true)
            if let status = row["status"] {
                if !Self.serviceStatuses.contains(status.lowercased()) {
                    issue(row, "status", "'\(status)' is not one of: active, inactive, defunct, temporarily closed")
                }
            } else {
                issue(row, "status", "is required (active, inactive, defunct, temporarily closed)")
            }
            for f in ["assured_date", "last_modified"] { checkDate(row, f) }
        }
        for row in tables["locations"] {
            if let t = row["location_type"], !Self.locationTypes.contains(t.lowercased()) {
                issue(row, "location_type", "'\(t)' is not one of: physical, postal, virtual")
            }
            checkNumber(row, "latitude", -90...90)
            checkNumber(row, "longitude", -180...180)
            if (row["latitude"] == nil) != (row["longitude"] == nil) {
                issue(row, row["latitude"] == nil ? "latitude" : "longitude", "is required when the other coordinate is given")
            }
        }
        for row in tables["service_at_locations"] {
            reference(row, "service_id", "services", required: true)
            reference(row, "location_id", "locations", required: true)
        }
        for row in tables["addresses"] {
            reference(row, "location_id", "locations", required: true)
            require(row, "address_1", "city")
            if let country = row["country"], country.count != 2 || !country.allSatisfy(\.isLetter) {
                issue(row, "country", "'\(country)' is not a two-letter ISO 3166 country code")
            }
        }
        for row in tables["phones"] {
            require(row, "number")
            linkOne(row, ["service_id": "services", "location_id": "locations", "organization_id": "organizations",
                          "service_at_location_id": "service_at_locations", "contact_id": ""])
            if let t = row["type"], !Self.phoneTypes.contains(t.lowercased()) {
                issue(row, "type", "'\(t)' is not one of: text, voice, fax, cell, video, pager, textphone")
            }
        }
        for row in tables["schedules"] {
            linkOne(row, ["service_id": "services", "location_id": "locations", "service_at_location_id": "service_at_locations"])
            checkSchedule(row)
        }
        for row in tables["languages"] {
            linkOne(row, ["service_id": "services", "location_id": "locations", "phone_id": "phones"])
            if row["name"] == nil && row["code"] == nil { issue(row, "code", "a language needs a name or a code") }
        }
        for row in tables["taxonomy_terms"] {
            if row["code"] == nil && row["name"] == nil { issue(row, "code", "a taxonomy term needs a code or a name") }
        }
        let entityTables = ["service": "services", "location": "locations", "organization": "organizations",
                            "service_at_location": "service_at_locations"]
        for row in tables["attributes"] {
            reference(row, "taxonomy_term_id", "taxonomy_terms", required: true)
            guard let link = row["link_id"] else { issue(row, "link_id", "is required"); continue }
            let entity = (row["link_entity"] ?? "service").lowercased()
            if let table = entityTables[entity] {
                if byID[table]?[link] == nil { issue(row, "link_id", "'\(link)' does not match any id in \(table)") }
            }
        }
        for row in tables["required_documents"] {
            reference(row, "service_id", "services", required: true)
            require(row, "document")
        }
        for row in tables["cost_options"] {
            reference(row, "service_id", "services", required: true)
            if let a = row["amount"], Double(a) == nil { issue(row, "amount", "'\(a)' is not a number") }
            checkDate(row, "valid_from")
            checkDate(row, "valid_to")
        }
    }

    /// Exactly one of the link columns must be set, and it must resolve ("" = not checked here).
    mutating func linkOne(_ row: SourceRow, _ links: [String: String]) {
        let set = links.keys.sorted().filter { row[$0] != nil }
        if set.isEmpty {
            issue(row, links.keys.sorted().filter { $0 != "contact_id" }.first, "needs one of: " + links.keys.sorted().filter { $0 != "contact_id" }.joined(separator: ", "))
            return
        }
        for key in set where !links[key]!.isEmpty { reference(row, key, links[key]!) }
    }

    mutating func checkDate(_ row: SourceRow, _ field: String) {
        if let d = row[field], FieldFormat.date(d) == nil { issue(row, field, "'\(d)' is not a date YYYY-MM-DD") }
    }

    mutating func checkNumber(_ row: SourceRow, _ field: String, _ range: ClosedRange<Double>) {
        guard let text = row[field] else { return }
        guard let value = Double(text), value.isFinite else { issue(row, field, "'\(text)' is not a number"); return }
        if !range.contains(value) {
            issue(row, field, "\(text) is outside \(Int(range.lowerBound))…\(Int(range.upperBound))")
        }
    }

    mutating func checkSchedule(_ row: SourceRow) {
        if let f = row["freq"], !Self.freqs.contains(f.uppercased()) { issue(row, "freq", "'\(f)' is not WEEKLY or MONTHLY") }
        for day in FieldFormat.list(row["byday"]) where !FieldFormat.byday(day) {
            issue(row, "byday", "'\(day)' is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally with an ordinal such as 1MO)")
        }
        for day in FieldFormat.list(row["bymonthday"]) {
            if let n = Int(day), (1...31).contains(abs(n)) { continue }
            issue(row, "bymonthday", "'\(day)' is not a day of the month (1…31 or -1…-31)")
        }
        let opens = row["opens_at"], closes = row["closes_at"]
        if let opens, FieldFormat.minutes(opens) == nil { issue(row, "opens_at", "'\(opens)' is not a time HH:MM or HH:MM:SS") }
        if let closes, FieldFormat.minutes(closes, allow24: true) == nil { issue(row, "closes_at", "'\(closes)' is not a time HH:MM or HH:MM:SS") }
        if (opens == nil) != (closes == nil) {
            issue(row, opens == nil ? "opens_at" : "closes_at", "is required when \(opens == nil ? "closes_at" : "opens_at") is given")
        }
        checkDate(row, "valid_from")
        checkDate(row, "valid_to")
        if let from = row["valid_from"], let to = row["valid_to"], FieldFormat.date(from) != nil, FieldFormat.date(to) != nil,
           from.prefix(10) > to.prefix(10) {
            issue(row, "valid_to", "\(to) is before valid_from \(from)")
        }
    }

    // MARK: Normalisation (only after validation found nothing)

    func build() -> [DirectoryService] {
        func group(_ table: String, by key: String) -> [String: [SourceRow]] {
            Dictionary(grouping: tables[table].filter { $0[key] != nil }, by: { $0[key]! })
        }
        let orgs = byID["organizations"] ?? [:]
        let locations = byID["locations"] ?? [:]
        let terms = byID["taxonomy_terms"] ?? [:]
        let salBySvc = group("service_at_locations", by: "service_id")
        let addrByLoc = group("addresses", by: "location_id")
        let phonesBySvc = group("phones", by: "service_id"), phonesByLoc = group("phones", by: "location_id")
        let phonesBySal = group("phones", by: "service_at_location_id")
        let schedBySvc = group("schedules", by: "service_id"), schedByLoc = group("schedules", by: "location_id")
        let schedBySal = group("schedules", by: "service_at_location_id")
        let langBySvc = group("languages", by: "service_id"), langByLoc = group("languages", by: "location_id")
        let docsBySvc = group("required_documents", by: "service_id")
        let costBySvc = group("cost_options", by: "service_id")
        let attrsByLink = group("attributes", by: "link_id")

        func phones(_ rows: [SourceRow]?) -> [DirectoryPhone] {
            (rows ?? []).map { DirectoryPhone(number: $0["number"]!, type: $0["type"]?.lowercased(), description: $0["description"]) }
        }
        func languages(_ rows: [SourceRow]?) -> [DirectoryLanguage] {
            (rows ?? []).map { DirectoryLanguage(name: $0["name"], code: $0["code"]?.lowercased()) }
        }
        func schedules(_ rows: [SourceRow]?) -> [DirectorySchedule] {
            (rows ?? []).map { r in
                DirectorySchedule(
                    freq: r["freq"]?.uppercased(), byday: FieldFormat.list(r["byday"]).map { $0.uppercased() },
                    bymonthday: FieldFormat.list(r["bymonthday"]).compactMap { Int($0) },
                    opensAt: r["opens_at"].flatMap { FieldFormat.minutes($0) },
                    closesAt: r["closes_at"].flatMap { FieldFormat.minutes($0, allow24: true) },
                    validFrom: r["valid_from"].map { String($0.prefix(10)) }, validTo: r["valid_to"].map { String($0.prefix(10)) },
                    description: r["description"])
            }
        }
        func termCodes(_ id: String, entity: String) -> [String] {
            (attrsByLink[id] ?? []).compactMap { a -> String? in
                guard (a["link_entity"] ?? "service").lowercased() == entity else { return nil }
                if let value = a["value"]?.lowercased(), ["false", "no", "0", "nein", "n"].contains(value) { return nil }
                guard let term = a["taxonomy_term_id"].flatMap({ terms[$0] }), let code = term["code"] ?? term["name"] else { return nil }
                return code.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            }
        }

        return tables["services"].map { s in
            let id = s["id"]!
            let o = orgs[s["organization_id"]!]!
            var svcTerms = termCodes(id, entity: "service")
            let sals = salBySvc[id] ?? []
            let locs: [DirectoryLocation] = sals.compactMap { sal in
                guard let l = locations[sal["location_id"]!] else { return nil }
                let lid = l["id"]!
                svcTerms += termCodes(sal["id"]!, entity: "service_at_location")
                let address = (addrByLoc[lid] ?? []).first { ($0["address_type"] ?? "physical").lowercased() != "postal" }.map {
                    DirectoryAddress(address1: $0["address_1"]!, address2: $0["address_2"], city: $0["city"],
                                     stateProvince: $0["state_province"], postalCode: $0["postal_code"], country: $0["country"])
                }
                let salSchedules = schedules(schedBySal[sal["id"]!])
                return DirectoryLocation(
                    id: lid, name: l["name"], locationType: l["location_type"]?.lowercased(),
                    latitude: l["latitude"].flatMap(Double.init), longitude: l["longitude"].flatMap(Double.init),
                    transportation: l["transportation"], address: address,
                    phones: phones(phonesBySal[sal["id"]!]) + phones(phonesByLoc[lid]),
                    schedules: salSchedules.isEmpty ? schedules(schedByLoc[lid]) : salSchedules,
                    languages: languages(langByLoc[lid]))
            }
            var uniqueTerms: [String] = []
            for t in svcTerms where !uniqueTerms.contains(t) { uniqueTerms.append(t) }
            return DirectoryService(
                id: id, name: s["name"]!,
                organization: DirectoryOrganization(id: o["id"]!, name: o["name"]!, description: o["description"], website: o["website"], email: o["email"]),
                status: s["status"]!.lowercased(), description: s["description"], url: s["url"], email: s["email"],
                eligibilityDescription: s["eligibility_description"], applicationProcess: s["application_process"],
                feesDescription: s["fees_description"], interpretationServices: s["interpretation_services"], alert: s["alert"],
                assuredDate: s["assured_date"].map { String($0.prefix(10)) }, lastModified: s["last_modified"],
                terms: uniqueTerms, languages: languages(langBySvc[id]), phones: phones(phonesBySvc[id]),
                schedules: schedules(schedBySvc[id]), locations: locs,
                requiredDocuments: (docsBySvc[id] ?? []).compactMap { $0["document"] },
                costOptions: (costBySvc[id] ?? []).map {
                    DirectoryCost(option: $0["option"], amount: $0["amount"].flatMap(Double.init), currency: $0["currency"], amountDescription: $0["amount_description"])
                })
        }
    }
}
