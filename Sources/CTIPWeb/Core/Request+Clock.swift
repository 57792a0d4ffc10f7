import CTIPCore
import Foundation
import Vapor

/// The time a request is answered at, read from the configured clock (`WebConfiguration.now`) so that
/// tests control what "now" and "today" are. CTIP's days are Japan's: a page's "today" (what is due,
/// overdue, the current fiscal year, the latest day a record may carry) is the calendar day in Japan.
extension Request {
    /// The configured clock's instant.
    var now: Date { application.ctipConfiguration.now() }

    /// The configured clock's instant, on Japan's clock.
    var nowInJapan: JapanTime { JapanTime(secondsSinceEpoch: Int(now.timeIntervalSince1970)) }

    /// Today in Japan, by the configured clock.
    var todayInJapan: Day { nowInJapan.day }
}
