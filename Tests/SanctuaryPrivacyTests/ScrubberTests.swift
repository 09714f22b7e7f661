import Foundation
import Testing
@testable import SanctuaryPrivacy

@Suite struct ScrubberTests {
    let scrubber = Scrubber()

    @Test(arguments: [
        ("call me at +1 (555) 010-2233 please", "call me at <PHONE> please"),
        ("mi numero es 555 010 2233", "mi numero es <PHONE>"),
        ("رقمي ٠١٢٣٤٥٦٧٨٩", "رقمي <PHONE>"),
        ("شماره من ۰۹۱۲۳۴۵۶۷۸۹ است", "شماره من <PHONE> است"),
        ("write to maria.lopez@example.org", "write to <EMAIL>"),
        ("my A-number is A-123-456-789", "my A-number is <ID>"),
        ("A12345678 on the letter", "<ID> on the letter"),
        ("Reisepass Nr. C01X00T47", "Reisepass Nr. <ID>"),
        ("passport X1234567", "passport <ID>"),
        ("me llamo Marisol Pérez y tengo miedo", "me llamo <NAME> y tengo miedo"),
        ("Ich heiße Olena", "Ich heiße <NAME>"),
        ("меня зовут Ольга", "меня зовут <NAME>"),
        ("мене звати Олена, мій номер +380 67 123 45 67", "мене звати <NAME>, мій номер <PHONE>"),
        ("اسمي أحمد ورقمي ٠٧٧٠١٢٣٤٥٦٧", "اسمي <NAME> ورقمي <PHONE>"),
        ("benim adım Dilara, pasaport U12345678", "benim adım <NAME>, pasaport <ID>"),
        ("mein Aktenzeichen ist 123456", "mein Aktenzeichen ist <ID>"),
        ("je m'appelle Awa, écrivez à awa.k@mail.fr", "je m'appelle <NAME>, écrivez à <EMAIL>"),
        ("deadline 03.12.2026 at 14:00", "deadline 03.12.2026 at 14:00"),
        ("I have 3 kids, 2 are 5 and 7", "I have 3 kids, 2 are 5 and 7"),
        ("zip 60601", "zip 60601"),
    ])
    func masks(input: String, expected: String) {
        #expect(scrubber.scrub(input) == expected)
    }

    @Test func plainTextUnchanged() {
        let text = "hay unos de inmigracion golpeando mi puerta q hago??"
        #expect(scrubber.scrub(text) == text)
    }
}

@Suite struct PseudonymTests {
    @Test func sameAddressSameKeyWithinPeriod() {
        let secret = Pseudonym.newSecret()
        #expect(Pseudonym.key(channel: "twilio", address: "+1 (555) 010-2000", secret: secret)
            == Pseudonym.key(channel: "twilio", address: "+15550102000", secret: secret))
    }

    @Test func channelsAndSecretsSeparateKeys() {
        let a = Pseudonym.newSecret(), b = Pseudonym.newSecret()
        let key = Pseudonym.key(channel: "twilio", address: "+15550102000", secret: a)
        #expect(key != Pseudonym.key(channel: "kannel", address: "+15550102000", secret: a))
        #expect(key != Pseudonym.key(channel: "twilio", address: "+15550102000", secret: b))
        #expect(!key.contains("5550102000"))
        #expect(key.count == 64)
    }

    @Test func periods() {
        let schedule = RotationSchedule(periodSeconds: 3600)
        let t = Date(timeIntervalSince1970: 7200)
        #expect(schedule.period(at: t) == 2)
        #expect(schedule.period(at: t.addingTimeInterval(3599)) == 2)
        #expect(schedule.end(of: 2) == Date(timeIntervalSince1970: 10800))
    }
}

@Suite struct CaseCipherTests {
    @Test func roundTripAndShredding() throws {
        let key = CaseCipher.newKey()
        let blob = try CaseCipher.seal("+15550102000", key: key, context: "case-1")
        #expect(try CaseCipher.openString(blob, key: key, context: "case-1") == "+15550102000")
        #expect(throws: CipherError.openFailed) { try CaseCipher.open(blob, key: CaseCipher.newKey(), context: "case-1") }
        #expect(throws: CipherError.openFailed) { try CaseCipher.open(blob, key: key, context: "case-2") }
        #expect(!String(decoding: blob, as: UTF8.self).contains("5550102000"))
    }
}
