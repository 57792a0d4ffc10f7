import CTIPCore
import Foundation

/// The reference bundle shipped inside CTIP: 2023 and 2024 rebuilt from the annual report approved in
/// 2025, and yearly totals for 2001–2022 (see its README.md).
public enum ReferenceBundle {
    public static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("ReferenceBundle") }
    /// The reference rows of the measures registers (`docs/measures.md`): every figure the seed states
    /// in its measures sections that a register holds (listed in the README).
    public static var measuresDirectory: URL { directory.appendingPathComponent("measures") }
}

extension ReferenceBundle {
    /// The programme-oversight files of the reference data, generated from the seed's totals
    /// (`OversightReference`: no case-level record is published), written to a new temporary folder
    /// that the caller imports and removes.
    public static func writeOversightFiles() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctip-oversight-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in OversightReference.files() { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        } catch {
            throw StorageError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        return folder
    }
}
