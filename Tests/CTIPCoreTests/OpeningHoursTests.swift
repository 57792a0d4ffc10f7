import CTIPCore
import Testing

private func at(_ text: String) throws -> JapanTime { try JapanTime(iso: text) }

/// The Labor Standards Advice Hotline's hours as the seed gives them (3 (3) ii)).
private let hotline = try! OpeningHours("weekdays 17:00-22:00; sat,sun,holidays 09:00-21:00; closed 12-28..01-03")

@Suite("Opening hours in Japan time")
struct OpeningHoursTests {
    @Test("the hotline at 21:59 and at 22:00 on a weekday")
    func weekdayEdges() throws {
        #expect(hotline.status(at: try at("2025-03-12T21:59+09:00")) == .open(closesAt: try at("2025-03-12T22:00+09:00")))
        #expect(hotline.status(at: try at("2025-03-12T22:00+09:00")) == .closed(opensAt: try at("2025-03-13T17:00+09:00")))
        #expect(hotline.status(at: try at("2025-03-12T16:59+09:00")) == .closed(opensAt: try at("2025-03-12T17:00+09:00")))
    }

    @Test("a national holiday on a Monday keeps weekend hours")
    func holidayMonday() throws {
        // 2025-07-21 is Marine Day, a Monday.
        #expect(hotline.status(at: try at("2025-07-21T10:00+09:00")) == .open(closesAt: try at("2025-07-21T21:00+09:00")))
        #expect(hotline.status(at: try at("2025-07-21T21:30+09:00")) == .closed(opensAt: try at("2025-07-22T17:00+09:00")))
        // The Monday after is an ordinary weekday.
        #expect(hotline.status(at: try at("2025-07-28T10:00+09:00")) == .closed(opensAt: try at("2025-07-28T17:00+09:00")))
    }

    @Test("closed from December 28 to January 3, open again on January 4")
    func newYear() throws {
        // 2024-12-27 is a Friday: open till 22:00, then nothing until Saturday 2025-01-04 09:00.
        #expect(hotline.status(at: try at("2024-12-27T21:00+09:00")) == .open(closesAt: try at("2024-12-27T22:00+09:00")))
        #expect(hotline.status(at: try at("2024-12-28T10:00+09:00")) == .closed(opensAt: try at("2025-01-04T09:00+09:00")))
        #expect(hotline.status(at: try at("2025-01-02T20:00+09:00")) == .closed(opensAt: try at("2025-01-04T09:00+09:00")))
        #expect(hotline.status(at: try at("2025-01-04T09:00+09:00")) == .open(closesAt: try at("2025-01-04T21:00+09:00")))
        // "closed on New Year holidays" (December 29 to January 3): December 28 still open.
        let bureau = try OpeningHours("weekdays 09:00-17:00; closed 12-29..01-03")
        #expect(bureau.status(at: try at("2026-12-28T10:00+09:00")) == .open(closesAt: try at("2026-12-28T17:00+09:00")))
        #expect(bureau.status(at: try at("2026-12-29T10:00+09:00")) == .closed(opensAt: try at("2027-01-04T09:00+09:00")))
    }

    @Test("the same instant written in another offset gives the same answer")
    func offsets() throws {
        // 21:59 in Tokyo is 12:59 UTC and 08:59 in New York (EDT).
        #expect(hotline.status(at: try at("2025-03-12T12:59Z")) == hotline.status(at: try at("2025-03-12T21:59+09:00")))
        #expect(hotline.status(at: try at("2025-03-12T08:59:30-04:00")).isOpen == true)
        #expect(try at("2025-03-12T12:59Z").description == "2025-03-12T21:59+09:00")
    }

    @Test("hours past midnight belong to the day they start")
    func pastMidnight() throws {
        let night = try OpeningHours("fri,sat 20:00-02:00")
        // Saturday 01:00 is Friday night's shift.
        #expect(night.status(at: try at("2025-03-15T01:00+09:00")) == .open(closesAt: try at("2025-03-15T02:00+09:00")))
        #expect(night.status(at: try at("2025-03-15T03:00+09:00")) == .closed(opensAt: try at("2025-03-15T20:00+09:00")))
        // Sunday 01:00 is Saturday night's; Monday 01:00 is nothing.
        #expect(night.status(at: try at("2025-03-16T01:00+09:00")).isOpen == true)
        #expect(night.status(at: try at("2025-03-17T01:00+09:00")) == .closed(opensAt: try at("2025-03-21T20:00+09:00")))
    }

    @Test("24 hours never closes; unknown is neither open nor closed")
    func alwaysAndUnknown() throws {
        #expect(OpeningHours.always.status(at: try at("2025-01-01T03:00+09:00")) == .open(closesAt: nil))
        #expect(OpeningHours.unknown.status(at: try at("2025-01-01T03:00+09:00")) == .unknown)
        #expect(try OpeningHours("daily 00:00-24:00").status(at: try at("2025-06-01T12:00+09:00")) == .open(closesAt: nil))
    }

    @Test("the third Friday of the month")
    func nthWeekday() throws {
        let takamatsu = try OpeningHours("fri#3 13:00-15:00")
        // March 2025: Fridays 7, 14, 21 — the third is the 21st.
        #expect(takamatsu.status(at: try at("2025-03-14T14:00+09:00")) == .closed(opensAt: try at("2025-03-21T13:00+09:00")))
        #expect(takamatsu.status(at: try at("2025-03-21T14:00+09:00")).isOpen == true)
    }

    @Test("bad hours are refused naming the item", arguments: [
        "weekdays 9-17", "weekday 09:00-17:00", "weekdays 25:00-26:00", "closed 12-32..01-03", "weekdays", "fri#6 10:00-11:00",
    ])
    func syntaxErrors(text: String) {
        #expect(throws: OpeningHoursSyntaxError.self) { try OpeningHours(text) }
    }

    @Test("impossible or ambiguous times are refused with the reason", arguments: [
        "2025-02-30T10:00+09:00", "2025-01-02T24:00+09:00", "2025-01-02T20:00", "2025-01-02", "tomorrow", "2025-01-02T20:61+09:00",
        "2025-01-02T20:00+25:00",
    ])
    func badInstants(text: String) {
        #expect(throws: InvalidInstant.self) { try JapanTime(iso: text) }
    }
}
