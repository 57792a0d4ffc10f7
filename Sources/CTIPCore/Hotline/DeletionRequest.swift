import Foundation

/// The letter CTIP writes to a site administrator or host asking them to delete reported content, in
/// Japanese or English, citing the legal ground of the category it was judged to be in.
public struct DeletionRequestLetter: Sendable, Equatable {
    public enum Language: String, CaseIterable, Sendable { case ja, en }

    public let language: Language
    public let subject: String
    public let body: String

    /// The law that makes content of a category illegal; `harmful` cites the site's own terms instead.
    public static func legalGround(_ category: InternetCategory, _ language: Language) -> String {
        switch (category, language) {
        case (.prostitutionInducement, .ja): return "売春防止法第5条（勧誘等）"
        case (.prostitutionInducement, .en): return "Article 5 (solicitation) of the Anti-Prostitution Act"
        case (.csam, .ja): return "児童買春、児童ポルノに係る行為等の規制及び処罰並びに児童の保護等に関する法律第7条（児童ポルノ公然陳列）"
        case (.csam, .en): return "Article 7 (public display of child pornography) of the Act on Regulation and Punishment of Acts Relating to Child Prostitution and Child Pornography, and the Protection of Children"
        case (.graveCrime, .ja): return "刑法第226条の2（人身売買）、第225条（営利目的等略取及び誘拐）、第220条（逮捕及び監禁）、臓器の移植に関する法律第11条（臓器売買等の禁止）に係る犯罪の請負等に関する情報"
        case (.graveCrime, .en): return "information on contracting the crimes of Article 226-2 (buying or selling of persons), Article 225 (kidnapping for profit) and Article 220 (unlawful capture and confinement) of the Penal Code, and Article 11 (prohibition of trade in organs) of the Act on Organ Transplantation"
        case (.otherIllegal, .ja): return "法令に違反する情報（違法情報）"
        case (.otherIllegal, .en): return "information that is illegal under the laws of Japan"
        case (.harmful, .ja): return "貴サイトの利用規約等（違法ではないが有害な情報）"
        case (.harmful, .en): return "your terms of service (the information is harmful, though not illegal)"
        }
    }

    /// The letter for one item. `reference` is CTIP's item number (never a reporter's receipt).
    public init(language: Language, url: String, category: InternetCategory, reference: String, found: Day) {
        self.language = language
        let ground = Self.legalGround(category, language)
        switch language {
        case .ja:
            subject = "違法・有害情報の削除のお願い（整理番号 \(reference)）"
            body = """
            サイト管理者様

            インターネット・ホットラインセンターは、警察庁の委託を受けて、インターネット上の違法情報・有害情報の通報を受け付けています。
            貴サイトに掲載されている下記の情報は、\(ground)に該当すると判断しました。
            つきましては、当該情報の削除をお願いいたします。

            URL: \(url)
            確認日: \(found)
            整理番号: \(reference)

            削除された場合、または削除できない場合は、整理番号を記載のうえご連絡ください。
            \(category.isIllegal ? "本件は警察にも通報しています。" : "")

            インターネット・ホットラインセンター
            """
        case .en:
            subject = "Request to delete illegal or harmful information (reference \(reference))"
            body = """
            Dear site administrator,

            The Internet Hotline Center receives reports of illegal and harmful information on the internet on behalf of the National Police Agency of Japan.
            We have judged that the information below, published on your site, falls under \(ground).
            We therefore ask you to delete it.

            URL: \(url)
            Confirmed on: \(found)
            Reference: \(reference)

            Please let us know, quoting the reference, when it has been deleted or if it cannot be deleted.
            \(category.isIllegal ? "The information has also been reported to the police." : "")

            Internet Hotline Center, Japan
            """
        }
    }
}
