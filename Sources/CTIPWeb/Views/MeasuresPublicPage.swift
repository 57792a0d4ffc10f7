import CTIPCore
import Plot

/// `/measures`, for everyone: Japan's measures against trafficking in persons year by year — the victims
/// identified and the cases cleared (section 2's long series), the consultations and the hot lines'
/// reports, the victims helped home by IOM, and the contributions per currency — each as SVG bars followed
/// by a table of the same numbers. English and Japanese; aggregates only.
enum MeasuresPublicPage {
    typealias Body = Node<HTML.BodyContext>

    static func render(charts: [MeasureChart], language: CTIPCore.Language) -> String {
        let ja = language == .ja
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let lang = language.rawValue
        let title = t("Measures against trafficking in persons, year by year", "人身取引対策の取組（年別）")
        return PageFrame(language: lang, title: title, heading: title, languagePath: "/measures",
                         breadcrumbs: [.init(label: t("Home", "ホーム"), href: "/?lang=\(lang)"), .init(label: title, href: nil)]).render([
            .p(.class("lead"), .text(t(
                "How many victims of trafficking in persons were identified and how many cases were cleared each year, how many people asked for help or reported, how many victims went home with the help of IOM, and what Japan contributed to the international organisations that fight trafficking. Each chart is followed by a table of its numbers.",
                "毎年の人身取引の被害者数と検挙件数、相談・通報の件数、IOMの支援により帰国した被害者の数、人身取引対策に取り組む国際機関への日本の拠出額を示します。各グラフの下に同じ数値の表があります。"))),
            .if(charts.isEmpty, .p(.text(t("No figures have been recorded yet.", "まだ数値は記録されていません。")))),
            .forEach(charts) { MeasuresCharts.figure($0, language: language, idPrefix: "", level: 2) },
            .p(.class("note"), .text(t(
                "Contributions are shown in the currency they were made in: amounts in yen, dollars and euros are never converted or added together. A fiscal year runs from April to March (FY2024 is April 2024 to March 2025).",
                "拠出額は拠出した通貨のまま示し、円・ドル・ユーロを換算したり合算したりしません。年度は4月から翌年3月までです（2024年度は2024年4月〜2025年3月）。"))),
            .p(.a(.href("/reports?lang=\(lang)"), .text(t("The annual report's statistics", "年次報告の統計"))), .text(" · "),
               .a(.href("/statistics/hotline?lang=\(lang)"), .text(t("The hot lines' figures", "ホットラインの統計")))),
        ])
    }
}
