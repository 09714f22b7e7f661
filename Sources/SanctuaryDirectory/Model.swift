import Foundation

/// The validated, normalised services directory as stored in `<data>/directory.json`: every service carries its
/// organisation, locations (with address, phones, schedules), languages, flags and documents, so that search
/// needs no joins.
public struct DirectoryDocument: Codable, Sendable, Equatable {
    /// Format marker, `sanctuary-directory/1`.
    public var format: String
    /// The city's IANA time zone (e.g. `America/Chicago`); hours in the data are local to it.
    public var timeZone: String
    /// Where the data came from (the imported path's last component) and when it was imported (ISO 8601).
    public var source: String
    public var importedAt: String
    public var services: [DirectoryService]

    public static let currentFormat = "sanctuary-directory/1"

    public init(timeZone: String, source: String, importedAt: String, services: [DirectoryService]) {
        format = Self.currentFormat
        self.timeZone = timeZone
        self.source = source
        self.importedAt = importedAt
        self.services = services
    }

    enum CodingKeys: String, CodingKey {
        case format, source, services
        case timeZone = "time_zone"
        case importedAt = "imported_at"
    }
}

/// One service (HSDS `service`) with everything an answer may need.
public struct DirectoryService: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var organization: DirectoryOrganization
    /// HSDS status: active, inactive, defunct, temporarily closed.
    public var status: String
    public var description: String?
    public var url: String?
    public var email: String?
    public var eligibilityDescription: String?
    public var applicationProcess: String?
    public var feesDescription: String?
    public var interpretationServices: String?
    public var alert: String?
    /// The date someone last checked the entry (HSDS `assured_date`, YYYY-MM-DD).
    public var assuredDate: String?
    public var lastModified: String?
    /// Taxonomy term codes of the service's attributes (categories such as `food`, `dental`, and flags such
    /// as `no_id_required`), lower-cased; only attributes whose value is not false/no/0.
    public var terms: [String]
    public var languages: [DirectoryLanguage]
    public var phones: [DirectoryPhone]
    public var schedules: [DirectorySchedule]
    public var locations: [DirectoryLocation]
    /// Required documents as written in the data.
    public var requiredDocuments: [String]
    public var costOptions: [DirectoryCost]

    enum CodingKeys: String, CodingKey {
        case id, name, organization, status, description, url, email, alert, terms, languages, phones, schedules, locations
        case eligibilityDescription = "eligibility_description"
        case applicationProcess = "application_process"
        case feesDescription = "fees_description"
        case interpretationServices = "interpretation_services"
        case assuredDate = "assured_date"
        case lastModified = "last_modified"
        case requiredDocuments = "required_documents"
        case costOptions = "cost_options"
    }
}

public struct DirectoryOrganization: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var website: String?
    public var email: String?
}

/// A place where the service is given (HSDS `location` reached through `service_at_location`).
public struct DirectoryLocation: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    /// physical, postal or virtual.
    public var locationType: String?
    public var latitude: Double?
    public var longitude: Double?
    public var transportation: String?
    /// The first physical address; nil for confidential places (e.g. violence shelters).
    public var address: DirectoryAddress?
    public var phones: [DirectoryPhone]
    /// Schedules of this service at this place (service_at_location), or of the place itself.
    public var schedules: [DirectorySchedule]
    public var languages: [DirectoryLanguage]

    enum CodingKeys: String, CodingKey {
        case id, name, latitude, longitude, transportation, address, phones, schedules, languages
        case locationType = "location_type"
    }
}

public struct DirectoryAddress: Codable, Sendable, Equatable {
    public var address1: String
    public var address2: String?
    public var city: String?
    public var stateProvince: String?
    public var postalCode: String?
    public var country: String?

    /// "12 Elm St, Riverside": the street line and city as in the data.
    public var short: String {
        var s = address1
        if let a2 = address2, !a2.isEmpty { s += ", " + a2 }
        if let city, !city.isEmpty { s += ", " + city }
        return s
    }

    enum CodingKeys: String, CodingKey {
        case city, country
        case address1 = "address_1"
        case address2 = "address_2"
        case stateProvince = "state_province"
        case postalCode = "postal_code"
    }
}

public struct DirectoryPhone: Codable, Sendable, Equatable {
    public var number: String
    /// HSDS phone type: text (SMS), voice, fax, cell, video, pager, textphone.
    public var type: String?
    public var description: String?
}

public struct DirectoryLanguage: Codable, Sendable, Equatable {
    public var name: String?
    /// ISO 639 code (e.g. `es`), lower-cased.
    public var code: String?
}

public struct DirectoryCost: Codable, Sendable, Equatable {
    public var option: String?
    public var amount: Double?
    public var currency: String?
    public var amountDescription: String?

    enum CodingKeys: String, CodingKey {
        case option, amount, currency
        case amountDescription = "amount_description"
    }
}

/// An opening-hours rule (HSDS `schedule`), already validated.
public struct DirectorySchedule: Codable, Sendable, Equatable {
    /// WEEKLY or MONTHLY (nil: weekly).
    public var freq: String?
    /// Weekdays MO…SU (for MONTHLY optionally with an ordinal, e.g. `1MO`, `-1FR`); empty: every day.
    public var byday: [String]
    /// Days of the month (MONTHLY).
    public var bymonthday: [Int]
    /// Opening and closing times in minutes after local midnight; closes ≤ opens means past midnight,
    /// equal means around the clock.
    public var opensAt: Int?
    public var closesAt: Int?
    /// First and last day the rule applies (YYYY-MM-DD, inclusive).
    public var validFrom: String?
    public var validTo: String?
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case freq, byday, bymonthday, description
        case opensAt = "opens_at"
        case closesAt = "closes_at"
        case validFrom = "valid_from"
        case validTo = "valid_to"
    }
}
