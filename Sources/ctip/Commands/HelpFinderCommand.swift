import ArgumentParser
import CTIPCore
import CTIPStorage
import Foundation

struct HelpFinderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-finder",
        abstract: "Find the consultation services that fit a topic and a language, open ones first.",
        discussion: """
        Answers from the directory in the database (the services of the annual report unless staff \
        imported another). The emergency numbers come first whatever is asked; then services open at \
        --at with when they close, services whose hours are not known, and closed ones with when they \
        open. An unknown topic or language falls back to every topic or to English, with a notice.

        Topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")).
        Languages: ISO 639-1 codes (ja, en, zh, ko, es, ru, th, tl, id, vi, pt, ne, my, km, mn, …).

        Example: ctip help-finder --topic labour --lang vi --at 2025-01-02T20:00+09:00
        """)

    @Option(help: "What happened (see the list above).") var topic: String?
    @Option(help: "The caller's language (ISO 639-1).") var lang: String?
    @Flag(help: "Someone is in danger now: urgent services first.") var emergency = false
    @Option(help: ArgumentHelp("The time to answer for, ISO 8601 with an offset (default: now).", valueName: "TIME")) var at: String?
    @Option(help: "text or json (the same JSON as GET /api/public/help).") var format: String = "text"
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json, not \"\(format)\"") }
        if let at { do { _ = try JapanTime(iso: at) } catch { throw ValidationError("--at: \(error.description)") } }
    }

    func run() async throws {
        let instant = try at.map { try JapanTime(iso: $0) } ?? JapanTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
        let directory = try await withStorage(try database.resolved()) { storage in
            try await HelpDirectoryStore(database: storage.database).load()
        }
        let answer = HelpFinder(directory: directory).find(topic: topic, language: lang, emergency: emergency, at: instant)
        if format == "json" {
            FileHandle.standardOutput.write(HelpAnswerJSON(answer).data())
            return
        }
        for notice in answer.notices { print("note: \(notice.englishMessage)") }
        print("At \(answer.at) (Japan time), for \(answer.topic?.rawValue ?? "every topic") in \(answer.language):")
        for entry in answer.entries {
            let service = entry.service
            let phones = service.phones.map(\.number).joined(separator: ", ")
            print("")
            print("\(service.emergency ? "!! " : "")\(service.nameEN)\(phones.isEmpty ? "" : " — " + phones)")
            let hours = service.hoursNote.isEmpty ? (service.hours.isKnown ? service.hours.description : "") : service.hoursNote
            print("   \(statusLine(entry.status))\(hours.isEmpty ? "" : "; " + hours)")
            let languages = service.anyLanguage ? "many languages (interpreters)" : service.languages.joined(separator: " ")
            print("   languages: \(languages)\(entry.speaksLanguage ? "" : " (not \(answer.language))")")
            if let website = service.website { print("   \(website)") }
        }
    }

    private func statusLine(_ status: OpenStatus) -> String {
        switch status {
        case .open(nil): return "open (always)"
        case .open(let closes?): return "open now, closes \(closes)"
        case .closed(let opens?): return "closed, opens \(opens)"
        case .closed(nil): return "closed"
        case .unknown: return "hours not known: call or check the website"
        }
    }
}
