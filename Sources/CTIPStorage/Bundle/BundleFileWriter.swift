import CTIPCore
import Foundation

/// Writes bundle files record by record through buffered handles (for `ctip generate`).
public final class BundleFileWriter {
    private var handles: [BundleFile: FileHandle] = [:]
    private var buffers: [BundleFile: String] = [:]
    private let directory: URL
    public private(set) var counts: [BundleFile: Int] = [:]

    public init(directory: URL, files: [BundleFile]) throws {
        self.directory = directory
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        catch { throw StorageError.cannotWrite(path: directory.path, reason: error.localizedDescription) }
        for file in files {
            let url = directory.appendingPathComponent(file.fileName)
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
                throw StorageError.cannotWrite(path: url.path, reason: "cannot create the file")
            }
            handles[file] = handle
            buffers[file] = CSVWriter.line(file.columnNames)
            counts[file] = 0
        }
    }

    public func write(_ record: some BundleRecord, to file: BundleFile) throws {
        buffers[file, default: ""] += CSVWriter.line(record.cells)
        counts[file, default: 0] += 1
        if buffers[file]!.utf8.count > 1 << 16 { try flush(file) }
    }

    private func flush(_ file: BundleFile) throws {
        guard let handle = handles[file], let text = buffers[file], !text.isEmpty else { return }
        try handle.write(contentsOf: Data(text.utf8))
        buffers[file] = ""
    }

    public func close() throws {
        for file in handles.keys { try flush(file); try handles[file]?.close() }
        handles = [:]
    }
}
