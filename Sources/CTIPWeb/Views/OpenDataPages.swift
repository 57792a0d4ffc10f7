import CTIPCore
import CTIPStorage
import Plot

/// `/open-data`: each published edition's files with what they are, how they were made (the privacy
/// parameters) and their SHA-256, then the data dictionary. English and Japanese.
enum OpenDataPages {
    typealias Body = Node<HTML.BodyContext>

    static func index(files: [OpenDataFile], language: CTIPCore.Language) -> String {
        let ja = language == .ja
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let title = t("Open data", "オープンデータ")
        let years = Array(Set(files.map(\.year))).sorted(by: >)
        let lang = language.rawValue
        return PageFrame(language: lang, title: title, heading: title, languagePath: "/open-data",
                         breadcrumbs: [.init(label: t("Home", "ホーム"), href: "/?lang=\(lang)"), .init(label: title, href: nil)]).render([
            .p(.class("lead"), .text(t(
                "Case-level data on trafficking in persons in Japan that endangers no one: published with each edition of the annual report, never changed afterwards. No file holds a name, a date of birth, a document number, contact details, whereabouts, free text, an exact date or a record's identifier.",
                "人身取引の事案単位のデータを、誰も危険にさらさない形で公開します。年次報告の各版とともに公開し、その後は変更しません。氏名、生年月日、旅券等の番号、連絡先、所在、自由記述、正確な日付、記録の識別子はどのファイルにも含まれません。"))),
            .ul(
                .li(.strong(.text(t("k-anonymised (CTDC format): ", "k-匿名化データ（CTDC 形式）："))),
                    .text(t("every combination of year, gender, age band, citizenship and country of exploitation published is shared by at least k = \(OpenDataEditions.k) people; values are generalised first (years to five-year spans, ages to bands, rare citizenships to their region) and the few records that still stand out are left out — the share is stated.",
                            "登録年・性別・年齢層・国籍・搾取された国の組合せは、いずれも \(OpenDataEditions.k) 人以上に共通します。まず値を一般化し（年を5年単位、年齢を年齢層、少数の国籍を地域に）、なお目立つ少数の記録は除きます（除いた割合を記載）。"))),
                .li(.strong(.text(t("Synthetic (differentially private): ", "合成データ（差分プライバシー）："))),
                    .text(t("made from noisy counts of combinations of up to three values, never from the records themselves, with the privacy budget ε = \(OpenDataEditions.epsilon) stated; no combination rarer than \(OpenDataEditions.threshold) is reproduced. Use it to explore; count with the k-anonymised file or the report.",
                            "3項目までの値の組合せの件数に雑音を加えたものだけから作成し（記録そのものは使いません）、プライバシー予算 ε = \(OpenDataEditions.epsilon) を明記します。\(OpenDataEditions.threshold) 未満の組合せは再現しません。探索用です。集計には k-匿名化データか報告書をお使いください。"))),
                .li(.strong(.text(t("GLOTIP rows: ", "GLOTIP 形式："))),
                    .text(t("the year's figures in the columns of UNODC's Global Report; totals are the report's; small counts are shown as <5 under CTIP's small-cell rule.",
                            "国連薬物・犯罪事務所（UNODC）のグローバル・レポートの列による当該年の数値。合計は報告書と同じで、少数は小区分の秘匿規則により <5 と表示します。")),
                    .text(" "), .a(.href("/statistics/small-cells?lang=\(lang)"), .text(t("The rule", "規則"))))),
            .if(years.isEmpty, .p(.text(t("No edition has been published yet.", "まだ公開された版はありません。")))),
            .forEach(years) { year in
                let edition = files.filter { $0.year == year }
                return .section(.attribute(named: "aria-labelledby", value: "edition-\(year)"),
                    .h2(.id("edition-\(year)"), .text(t("Data year \(year)", "\(year)年のデータ"))),
                    .div(.class("scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                         .attribute(named: "aria-labelledby", value: "edition-\(year)"),
                         .table(.thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(t("File", "ファイル"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("Rows", "行数"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("Size", "サイズ"))),
                                           .th(.attribute(named: "scope", value: "col"), .text(t("How it was made", "作成方法"))),
                                           .th(.attribute(named: "scope", value: "col"), .text("SHA-256")))),
                                .tbody(.forEach(edition) { file in
                                    .tr(.td(.a(.href("/open-data/\(file.year)/\(file.name)"), .text(file.name))),
                                        .td(.text(Numerals.grouped(file.rows))),
                                        .td(.text(size(file.bytes))),
                                        .td(.ul(.class("plain"), .forEach(file.parameters) { .li(.code(.text("\($0.key) = \($0.value)"))) })),
                                        .td(.code(.class("hash"), .text(file.sha256))))
                                }))))
            },
            .section(.attribute(named: "aria-labelledby", value: "dictionary"),
                .h2(.id("dictionary"), .text(t("Data dictionary", "データ辞書"))),
                .dl(.forEach(dictionary) { entry in
                    .group(.dt(.code(.text(entry.column))), .dd(.text(ja ? entry.ja : entry.en)))
                }),
                .p(.text(t("Every other CTDC column is empty: CTIP does not record it per victim, or records it only in sealed fields. ",
                           "その他の CTDC の列は空欄です。CTIP が被害者ごとに記録していないか、封印された項目にのみ記録しているためです。")),
                   .text(t("GLOTIP's columns follow UNODC's data portal (Iso3_code … txtVALUE, Source).", "GLOTIP の列は UNODC のデータポータルに従います（Iso3_code … txtVALUE, Source）。")))),
        ])
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) B"
    }

    /// The CTDC columns CTIP fills, explained.
    static let dictionary: [(column: String, en: String, ja: String)] = [
        ("yearOfRegistration", "The year the person was put under protection, or a span of years (2020--2024) or `all` when generalised.",
         "保護された年。一般化した場合は期間（2020--2024）または all。"),
        ("gender", "Female, Male or Transgender/NonConforming; empty when not known.", "Female、Male、Transgender/NonConforming。不明は空欄。"),
        ("ageBroad", "Age band when protected (0--8, 9--17, 18--20, …, 48+), 0--17 / 18+ or `all` when generalised.",
         "保護時の年齢層（0--8、9--17、18--20、…、48+）。一般化した場合は 0--17 / 18+ または all。"),
        ("majorityStatus", "Minor or Adult, from the published age band.", "公開した年齢層による未成年（Minor）・成年（Adult）の別。"),
        ("citizenship", "ISO 3166-1 alpha-2, or a UN M49 region or sub-region when generalised; empty when not known.",
         "国籍（ISO 3166-1 の2文字コード）。一般化した場合は国連 M49 の地域・小地域。不明は空欄。"),
        ("isForcedLabour, isSexualExploit, isOtherExploit, isOrganRemoval", "1 for the form of exploitation, 0 otherwise (a hostess counts as forced labour).",
         "搾取の形態に該当すれば 1、しなければ 0（ホステス等は強制労働に含む）。"),
        ("typeOfLabourHospitality, typeOfLabourNotSpecified", "1 for a hostess (hospitality) or other labour exploitation.",
         "ホステス等（接客）またはその他の労働搾取なら 1。"),
        ("meansOfControlNotSpecified", "Always 1: the methods of control are in sealed screenings, never published.", "常に 1。支配の手段は封印された判定にのみ記録し、公開しません。"),
        ("CountryOfExploitation", "JP: CTIP records victims recognised in Japan.", "JP。CTIP は日本で認知された被害者を記録します。"),
        ("Datasource", "Case Management.", "Case Management（事案管理）。"),
    ]
}
