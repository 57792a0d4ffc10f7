import CTIPCore
import Plot
import Vapor

/// One kind of work waiting for the signed-in member of staff: how many, the first few (oldest or most
/// urgent first), each one click from the work, and where to see them all.
struct WorkQueue {
    struct Item {
        let text: String
        let href: String
        /// Shown beside it, e.g. "danger to life".
        let flag: String?
    }

    let title: String
    let items: [Item]
    let allHref: String
    /// Shown first and marked: a life may be in danger.
    var urgent = false
}

enum StaffHomePage {
    /// How many of each queue's items the home lists; the rest is one click away.
    static let shown = 5

    static func render(_ request: Request, staff: StaffIdentity, queues: [WorkQueue]) -> Response {
        let t = StaffPages.Text(language: request.staffLanguage)
        let language = request.staffLanguage
        let waiting = queues.filter { !$0.items.isEmpty }
        return StaffPages.render(request, title: t("What waits for you", "あなたの対応待ち"), .group(
            .if(waiting.isEmpty,
                .p(.class("notice"), .text(t("Nothing waits for you right now.", "現在、対応待ちの案件はありません。")))),
            .forEach(waiting) { queue in
                .section(.class(queue.urgent ? "queue urgent" : "queue"),
                         .h2(.text("\(queue.title) (\(queue.items.count))")),
                         .ol(.forEach(queue.items.prefix(shown)) { item in
                             .li(.a(.href(item.href), .text(item.text)),
                                 .unwrap(item.flag) { .strong(.class("flag"), .text(" — \($0)")) })
                         }),
                         .if(queue.items.count > shown,
                             .p(.a(.href(queue.allHref), .text(t("All \(queue.items.count)", "全\(queue.items.count)件を見る"))))))
            },
            .h2(.text(t("Pages", "ページ一覧"))),
            .ul(.forEach(StaffNavigation.destinations(for: staff, language: language)) { destination in
                .li(.a(.href("\(destination.path)?lang=\(language.rawValue)"), .text(destination.label)))
            })
        ))
    }
}
