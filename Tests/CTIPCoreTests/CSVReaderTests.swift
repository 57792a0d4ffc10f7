import CTIPCore
import Testing

private func records(_ text: String, chunkSize: Int = 3) throws -> [CSVRecord] {
    // Small chunks make every token cross a chunk boundary somewhere.
    let bytes = Array(text.utf8)
    var offset = 0
    var reader = CSVReader {
        guard offset < bytes.count else { return nil }
        defer { offset += chunkSize }
        return Array(bytes[offset..<min(offset + chunkSize, bytes.count)])
    }
    var result: [CSVRecord] = []
    while let record = try reader.next() { result.append(record) }
    return result
}

@Suite("CSV reader (RFC 4180)")
struct CSVReaderTests {
    @Test("fields, quotes, escaped quotes and embedded separators")
    func basics() throws {
        #expect(try records("a,b\n1,\"x, \"\"y\"\"\"\n") == [
            CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "x, \"y\""]),
        ])
    }

    @Test("CRLF and LF line ends, no final newline, empty fields")
    func lineEnds() throws {
        #expect(try records("a,b\r\n,2\r\n3,").map(\.fields) == [["a", "b"], ["", "2"], ["3", ""]])
    }

    @Test("a quoted newline keeps the record whole and line numbers count physical lines")
    func quotedNewlines() throws {
        let result = try records("h\n\"one\ntwo\"\nnext\n")
        #expect(result.map(\.fields) == [["h"], ["one\ntwo"], ["next"]])
        #expect(result.map(\.line) == [1, 2, 4])
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        #expect(try records("\u{FEFF}a,b\n").first?.fields == ["a", "b"])
    }

    @Test("invalid UTF-8 is an error naming the line and field")
    func invalidUTF8() throws {
        var reader = CSVReader(bytes: Array("a\n".utf8) + [0xC3, 0x28, 0x0A])
        _ = try reader.next()
        #expect(throws: CSVSyntaxError(line: 2, message: "invalid UTF-8 in field 1; the file must be UTF-8")) { try reader.next() }
    }

    @Test("an unclosed quote and a stray quote are errors")
    func badQuotes() throws {
        #expect(throws: CSVSyntaxError(line: 1, message: "a quoted field opened here is never closed")) { try records("\"abc\n") }
        #expect(throws: CSVSyntaxError(line: 1, message: "a quote inside an unquoted field 1; quote the whole field and double the quote")) { try records("ab\"c\n") }
    }

    @Test("a field over the limit is refused without reading it all into memory")
    func oversizedField() throws {
        var reader = CSVReader(bytes: Array(String(repeating: "x", count: 5000).utf8), maximumFieldBytes: 1024)
        #expect(throws: CSVSyntaxError(line: 1, message: "field 1 is longer than 1 KiB")) { try reader.next() }
    }

    @Test("an empty input has no records")
    func empty() throws {
        #expect(try records("").isEmpty)
    }

    @Test("the writer quotes only where needed and round-trips through the reader")
    func writerRoundTrip() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines", ""]
        #expect(try records(CSVWriter.line(fields)).first?.fields == fields)
        #expect(CSVWriter.line(["a", "b"]) == "a,b\n")
    }
}
