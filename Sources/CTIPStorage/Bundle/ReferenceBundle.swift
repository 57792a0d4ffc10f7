import Foundation

/// The reference bundle shipped inside CTIP: 2023 and 2024 rebuilt from the annual report approved in
/// 2025, and yearly totals for 2001–2022 (see its README.md).
public enum ReferenceBundle {
    public static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("ReferenceBundle") }
}
