/// One record of a CSV file and the physical line it starts on (1-based, the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}

/// A problem in the CSV syntax itself, tied to the line where it was found.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
}

/// A streaming RFC 4180 reader: it pulls byte chunks from `nextChunk` and never holds more than one
/// record (bounded by `maximumFieldBytes`), so memory does not grow with the file.
/// Accepts LF and CRLF, quoted fields with embedded commas, quotes and newlines, and skips a UTF-8
/// byte-order mark at the start.
public struct CSVReader {
    public static let defaultMaximumFieldBytes = 1 << 20

    private var nextChunk: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var line = 1
    private var atStart = true
    private let maximumFieldBytes: Int
    /// Fields of the previous record: the next one most likely has as many (spares regrowing its array).
    private var expectedFieldCount = 8

    public init(maximumFieldBytes: Int = CSVReader.defaultMaximumFieldBytes, nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
        self.maximumFieldBytes = maximumFieldBytes
    }

    /// Reads from an in-memory string or byte array (tests, small inputs).
    public init(bytes: [UInt8], maximumFieldBytes: Int = CSVReader.defaultMaximumFieldBytes) {
        var handed = false
        self.init(maximumFieldBytes: maximumFieldBytes) {
            if handed { return nil }
            handed = true
            return bytes
        }
    }

    private mutating func peekByte() throws -> UInt8? {
        while position >= buffer.count {
            if exhausted { return nil }
            if let chunk = try nextChunk(), !chunk.isEmpty {
                buffer = chunk
                position = 0
            } else if exhausted == false {
                exhausted = true
                return nil
            }
        }
        return buffer[position]
    }

    private mutating func advance() { position += 1 }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws -> CSVRecord? {
        if atStart {
            atStart = false
            // Byte-order mark EF BB BF.
            if try peekByte() == 0xEF {
                advance()
                guard try peekByte() == 0xBB else { throw CSVSyntaxError(line: line, message: "invalid UTF-8 at the start of the file") }
                advance()
                guard try peekByte() == 0xBF else { throw CSVSyntaxError(line: line, message: "invalid UTF-8 at the start of the file") }
                advance()
            }
        }
        guard try peekByte() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        fields.reserveCapacity(expectedFieldCount)
        var field: [UInt8] = []
        field.reserveCapacity(32)

        func finish(_ bytes: [UInt8]) throws -> String {
            // Most fields are ASCII: that needs no validating (and this is far cheaper than the generic validator).
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CSVSyntaxError(line: startLine, message: "invalid UTF-8 in field \(fields.count + 1); the file must be UTF-8")
            }
            return text
        }

        while true {
            // Start of a field.
            if try peekByte() == UInt8(ascii: "\"") {
                advance()
                while true {
                    guard let byte = try peekByte() else {
                        throw CSVSyntaxError(line: startLine, message: "a quoted field opened here is never closed")
                    }
                    advance()
                    if byte == UInt8(ascii: "\"") {
                        if try peekByte() == UInt8(ascii: "\"") {
                            advance()
                            field.append(byte)
                        } else {
                            break
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    if field.count > maximumFieldBytes {
                        throw CSVSyntaxError(line: startLine, message: "field \(fields.count + 1) is longer than \(maximumFieldBytes / 1024) KiB")
                    }
                }
                // After a closing quote only a separator or the end of the line may follow.
                let after = try peekByte()
                if let after, after != UInt8(ascii: ","), after != UInt8(ascii: "\n"), after != UInt8(ascii: "\r") {
                    throw CSVSyntaxError(line: line, message: "unexpected character after a closing quote in field \(fields.count + 1)")
                }
            } else {
                // An unquoted field: find its end in the chunk in one scan and take the bytes at once.
                while try peekByte() != nil {
                    let start = position
                    let end = buffer.withUnsafeBufferPointer { bytes in
                        var end = start
                        while end < bytes.count {
                            let byte = bytes[end]
                            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\"") { break }
                            end += 1
                        }
                        return end
                    }
                    field.append(contentsOf: buffer[start..<end])
                    position = end
                    if field.count > maximumFieldBytes {
                        throw CSVSyntaxError(line: startLine, message: "field \(fields.count + 1) is longer than \(maximumFieldBytes / 1024) KiB")
                    }
                    if end < buffer.count {
                        if buffer[end] == UInt8(ascii: "\"") {
                            throw CSVSyntaxError(line: line, message: "a quote inside an unquoted field \(fields.count + 1); quote the whole field and double the quote")
                        }
                        break
                    }
                }
            }
            fields.append(try finish(field))
            field.removeAll(keepingCapacity: true)
            switch try peekByte() {
            case UInt8(ascii: ","):
                advance()
                continue
            case UInt8(ascii: "\r"):
                advance()
                if try peekByte() == UInt8(ascii: "\n") { advance() }
                line += 1
                expectedFieldCount = fields.count
                return CSVRecord(line: startLine, fields: fields)
            case UInt8(ascii: "\n"):
                advance()
                line += 1
                expectedFieldCount = fields.count
                return CSVRecord(line: startLine, fields: fields)
            default: // end of input
                return CSVRecord(line: startLine, fields: fields)
            }
        }
    }
}

/// Writes RFC 4180 CSV with LF line ends, quoting only where needed, so output is deterministic.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        var out = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(",") }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append("\"")
                out.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\n")
        return out
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
