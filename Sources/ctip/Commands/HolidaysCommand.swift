import ArgumentParser
import CTIPCore

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Print Japan's national holidays of a year, one `YYYY-MM-DD name` a line.",
        discussion: """
        Computed from the Act on National Holidays and its amendments: fixed days, Happy Monday days, \
        the equinoxes by the astronomical formula, substitute holidays and citizens' holidays, and the \
        special days of 1959, 1989, 1990, 1993, 2019, 2020 and 2021. Years 1949 to 2150. These are \
        the days the directory's "weekdays except national holidays" leaves out.

        Example: ctip holidays 2025
        """)

    @Argument(help: "The year (1949–2150).") var year: Int
    @Option(help: "Names in ja (the law's names) or en.") var lang: String = "ja"

    func validate() throws {
        guard lang == "ja" || lang == "en" else { throw ValidationError("--lang must be ja or en, not \"\(lang)\"") }
        guard JapaneseHolidays.supportedYears.contains(year) else { throw ValidationError(HolidayYearOutOfRange(year: year).description) }
    }

    func run() throws {
        for holiday in try JapaneseHolidays.holidays(in: year) {
            print("\(holiday.day) \(lang == "en" ? holiday.nameEN : holiday.name)")
        }
    }
}
