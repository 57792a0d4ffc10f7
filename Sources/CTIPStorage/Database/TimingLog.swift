import Foundation
import Logging

extension Duration {
    /// The duration as the timing logs print it (`CTIP_LOG_LEVEL=info`): seconds with two decimals.
    public var loggedSeconds: Logger.MetadataValue {
        let (whole, attoseconds) = components
        return .string(String(format: "%.2f", Double(whole) + Double(attoseconds) / 1e18))
    }
}
