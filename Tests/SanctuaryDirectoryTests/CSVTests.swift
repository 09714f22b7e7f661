import Testing
@testable import SanctuaryDirectory

@Suite("RFC 4180 CSV")
struct CSVTests {
    @Test(arguments: [
        // (input, expected fields per record, expected start lines)
        ("a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]], [1, 2]),
        ("a,b\r\n1,2", [["a", "b"], ["1", "2"]], [1, 2]),                                   // CRLF, no final line break
        ("\u{FEFF}id,name\n1,x\n", [["id", "name"], ["1", "x"]], [1, 2]),                  // byte order mark
        ("a,b\n\"x, y\",z\n", [["a", "b"], ["x, y", "z"]], [1, 2]),                         // embedded comma
        ("a,b\n\"line1\nline2\",z\nnext,row\n", [["a", "b"], ["line1\nline2", "z"], ["next", "row"]], [1, 2, 4]),  // embedded newline
        ("a\n\"say \"\"hi\"\"\"\n", [["a"], ["say \"hi\""]], [1, 2]),                      // doubled quotes
        ("a,b,c\n1,,\n", [["a", "b", "c"], ["1", "", ""]], [1, 2]),                         // empty fields
        ("a,b\n\"\",x\n", [["a", "b"], ["", "x"]], [1, 2]),                                 // empty quoted field
        ("a\n\n1\n\n", [["a"], ["1"]], [1, 3]),                                             // blank lines skipped
        ("a,b\r\n\"x\r\ny\",z\r\n", [["a", "b"], ["x\r\ny", "z"]], [1, 2]),                  // CRLF inside quotes kept
        ("ä,ö\nمرحبا,ሰላም\n", [["ä", "ö"], ["مرحبا", "ሰላም"]], [1, 2]),                      // non-ASCII
    ])
    func parses(input: String, fields: [[String]], lines: [Int]) throws {
        let records = try CSV.parse(input)
        #expect(records.map(\.fields) == fields)
        #expect(records.map(\.line) == lines)
    }

    @Test(arguments: [
        ("a,b\n\"open,x\n", 2, "not closed"),
        ("a,b\n\"x\"y,z\n", 2, "after a closing quote"),
        ("a,b\nx\"y,z\n", 2, "quote inside an unquoted field"),
        ("a\n\"ok\nstill\"\n\"bad\"x\n", 4, "after a closing quote"),
    ])
    func rejectsMalformedInputWithItsLine(input: String, line: Int, message: String) {
        #expect {
            _ = try CSV.parse(input)
        } throws: { error in
            guard let e = error as? CSVError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }

    @Test func encodesWhatItParses() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines", ""]
        let records = try CSV.parse(CSV.encode(fields) + "\r\n")
        #expect(records.first?.fields == fields)
    }
}
