import Foundation

/// One HSDS object before validation: its scalar fields as text and where it came from.
struct SourceRow {
    var fields: [String: String]
    var origin: RowOrigin

    subscript(_ key: String) -> String? {
        guard let v = fields[key], !v.isEmpty else { return nil }
        return v
    }
}

/// HSDS objects grouped by table (`services`, `locations`, …), whether they came as CSV files or nested JSON.
struct SourceTables {
    var rows: [String: [SourceRow]] = [:]

    subscript(_ table: String) -> [SourceRow] {
        get { rows[table] ?? [] }
        set { rows[table] = newValue }
    }

    /// The tables a minimal importer reads, named as the CSV files are (`services` → `services.csv`).
    static let tableNames = [
        "organizations", "services", "locations", "service_at_locations", "addresses", "phones", "schedules",
        "languages", "attributes", "taxonomy_terms", "required_documents", "cost_options",
    ]
    static let requiredTables: Set<String> = ["organizations", "services"]
}

enum HSDSSource {
    // MARK: CSV

    /// Reads the tabular form: a directory of `<table>.csv` files linked by `*_id` columns.
    static func readCSVDirectory(_ path: String) -> (SourceTables, [ImportIssue]) {
        var tables = SourceTables()
        var issues: [ImportIssue] = []
        for table in SourceTables.tableNames {
            let file = table + ".csv"
            let filePath = (path as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: filePath) else {
                if SourceTables.requiredTables.contains(table) {
                    issues.append(ImportIssue(.csv(file: file, line: 1), field: nil, "the file is missing (an HSDS directory needs organizations.csv and services.csv)"))
                }
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                issues.append(ImportIssue(.csv(file: file, line: 1), field: nil, "the file is not UTF-8 text"))
                continue
            }
            let records: [CSVRecord]
            do { records = try CSV.parse(text) } catch {
                issues.append(ImportIssue(.csv(file: file, line: error.line), field: nil, error.message))
                continue
            }
            guard let header = records.first else {
                issues.append(ImportIssue(.csv(file: file, line: 1), field: nil, "the file is empty (a header line is needed)"))
                continue
            }
            let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                issues.append(ImportIssue(.csv(file: file, line: header.line), field: name, "the column appears twice in the header"))
            }
            if !names.contains("id") {
                issues.append(ImportIssue(.csv(file: file, line: header.line), field: "id", "the header has no 'id' column"))
            }
            for record in records.dropFirst() {
                let origin = RowOrigin.csv(file: file, line: record.line)
                guard record.fields.count == names.count else {
                    issues.append(ImportIssue(origin, field: nil, "the row has \(record.fields.count) fields, the header \(names.count)"))
                    continue
                }
                var fields: [String: String] = [:]
                for (name, value) in zip(names, record.fields) {
                    let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !v.isEmpty { fields[name] = v }
                }
                tables[table].append(SourceRow(fields: fields, origin: origin))
            }
        }
        return (tables, issues)
    }

    // MARK: JSON

    /// Reads the nested form: an array of services, or an object with `services` (or `contents`, as paged
    /// HSDS API responses have), each with nested organization, service_at_locations → location → addresses,
    /// phones, schedules, languages, and attributes → taxonomy_term, required_documents, cost_options.
    static func readJSON(_ data: Data, file: String) -> (SourceTables, [ImportIssue]) {
        var reader = JSONFlattener(file: file)
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error.localizedDescription)"
            return (reader.tables, [ImportIssue(.json(file: file, path: ""), field: nil, "not valid JSON: \(detail)")])
        }
        if let array = root as? [Any] {
            reader.services(array, path: "")
        } else if let object = root as? [String: Any] {
            if let array = object["services"] as? [Any] {
                reader.services(array, path: "services")
            } else if let array = object["contents"] as? [Any] {
                reader.services(array, path: "contents")
            } else {
                reader.issues.append(ImportIssue(.json(file: file, path: ""), field: "services", "expected an array of services at the top level or under \"services\""))
            }
        } else {
            reader.issues.append(ImportIssue(.json(file: file, path: ""), field: nil, "expected an array of services or an object with \"services\""))
        }
        return (reader.tables, reader.issues)
    }
}

/// Turns nested HSDS JSON into rows of the same tables the CSV form has, each row remembering its JSON path.
private struct JSONFlattener {
    let file: String
    var tables = SourceTables()
    var issues: [ImportIssue] = []
    /// Objects that nest the same entity more than once (one location under two services) are read once.
    var seen: [String: Set<String>] = [:]

    init(file: String) { self.file = file }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The scalar members of an object, as text; arrays, objects and nulls are left to the caller.
    private func scalars(_ object: [String: Any]) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in object {
            if let s = value as? String {
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { fields[key.lowercased()] = t }
            } else if let n = value as? NSNumber {
                fields[key.lowercased()] = n.stringValue
            }
        }
        return fields
    }

    /// Adds a row; false when an entity with the same id was already read from another place in the file.
    private mutating func add(_ table: String, _ fields: [String: String], path: String, dedupe: Bool = false) -> Bool {
        if dedupe, let id = fields["id"], !id.isEmpty {
            if seen[table, default: []].contains(id) { return false }
            seen[table, default: []].insert(id)
        }
        tables[table].append(SourceRow(fields: fields, origin: .json(file: file, path: path)))
        return true
    }

    /// The objects of an array member; a member of another type is an issue.
    private mutating func objects(_ object: [String: Any], _ key: String, path: String) -> [(String, [String: Any])] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let array = value as? [Any] else {
            issues.append(ImportIssue(.json(file: file, path: path), field: key, "expected an array"))
            return []
        }
        var out: [(String, [String: Any])] = []
        for (i, item) in array.enumerated() {
            let p = join(path, "\(key)[\(i)]")
            if let o = item as? [String: Any] { out.append((p, o)) } else {
                issues.append(ImportIssue(.json(file: file, path: p), field: nil, "expected an object"))
            }
        }
        return out
    }

    mutating func services(_ array: [Any], path: String) {
        for (i, item) in array.enumerated() {
            let p = path + "[\(i)]"
            guard let object = item as? [String: Any] else {
                issues.append(ImportIssue(.json(file: file, path: p), field: nil, "expected a service object"))
                continue
            }
            service(object, path: p)
        }
    }

    private mutating func service(_ object: [String: Any], path: String) {
        var fields = scalars(object)
        let id = fields["id"]
        if let org = object["organization"] as? [String: Any] {
            let orgFields = scalars(org)
            if fields["organization_id"] == nil, let orgID = orgFields["id"] { fields["organization_id"] = orgID }
            _ = add("organizations", orgFields, path: join(path, "organization"), dedupe: true)
        }
        _ = add("services", fields, path: path)
        func linked(_ base: [String: String], _ key: String, _ value: String?) -> [String: String] {
            var f = base
            if f[key] == nil, let value { f[key] = value }
            return f
        }
        for (p, o) in objects(object, "service_at_locations", path: path) {
            var sal = linked(scalars(o), "service_id", id)
            if let location = o["location"] as? [String: Any] {
                let locFields = scalars(location)
                if sal["location_id"] == nil, let lid = locFields["id"] { sal["location_id"] = lid }
                self.location(location, path: join(p, "location"))
            }
            _ = add("service_at_locations", sal, path: p)
            for (sp, so) in objects(o, "schedules", path: p) { _ = add("schedules", linked(scalars(so), "service_at_location_id", sal["id"]), path: sp) }
            for (pp, po) in objects(o, "phones", path: p) { _ = add("phones", linked(scalars(po), "service_at_location_id", sal["id"]), path: pp) }
        }
        for (p, o) in objects(object, "phones", path: path) { _ = add("phones", linked(scalars(o), "service_id", id), path: p) }
        for (p, o) in objects(object, "schedules", path: path) { _ = add("schedules", linked(scalars(o), "service_id", id), path: p) }
        for (p, o) in objects(object, "languages", path: path) { _ = add("languages", linked(scalars(o), "service_id", id), path: p) }
        for (p, o) in objects(object, "required_documents", path: path) { _ = add("required_documents", linked(scalars(o), "service_id", id), path: p) }
        for (p, o) in objects(object, "cost_options", path: path) { _ = add("cost_options", linked(scalars(o), "service_id", id), path: p) }
        for (p, o) in objects(object, "attributes", path: path) { attribute(o, path: p, linkID: id, entity: "service") }
    }

    private mutating func location(_ object: [String: Any], path: String) {
        let fields = scalars(object)
        guard add("locations", fields, path: path, dedupe: true) else { return }
        let id = fields["id"]
        func linked(_ o: [String: Any]) -> [String: String] {
            var f = scalars(o)
            if f["location_id"] == nil, let id { f["location_id"] = id }
            return f
        }
        for (p, o) in objects(object, "addresses", path: path) { _ = add("addresses", linked(o), path: p) }
        for (p, o) in objects(object, "phones", path: path) { _ = add("phones", linked(o), path: p) }
        for (p, o) in objects(object, "schedules", path: path) { _ = add("schedules", linked(o), path: p) }
        for (p, o) in objects(object, "languages", path: path) { _ = add("languages", linked(o), path: p) }
        for (p, o) in objects(object, "attributes", path: path) { attribute(o, path: p, linkID: id, entity: "location") }
    }

    private mutating func attribute(_ object: [String: Any], path: String, linkID: String?, entity: String) {
        var fields = scalars(object)
        if fields["link_id"] == nil, let linkID { fields["link_id"] = linkID }
        if fields["link_entity"] == nil { fields["link_entity"] = entity }
        if let term = object["taxonomy_term"] as? [String: Any] {
            let termFields = scalars(term)
            if fields["taxonomy_term_id"] == nil, let tid = termFields["id"] { fields["taxonomy_term_id"] = tid }
            _ = add("taxonomy_terms", termFields, path: join(path, "taxonomy_term"), dedupe: true)
        }
        _ = add("attributes", fields, path: path)
    }
}
