import CTIPCore
import FluentKit
import Foundation
import SQLKit

/// The member of staff acting: who goes into the audit trail, and for the police, which prefecture's
/// queue is theirs.
public struct HotlineActor: Sendable, Equatable {
    public let user: String
    public let agency: String
    /// Set for prefectural police users: they see and act on tips forwarded to this prefecture only.
    public let policePrefecture: String?
    public init(user: String, agency: String, policePrefecture: String? = nil) {
        self.user = user; self.agency = agency; self.policePrefecture = policePrefecture
    }
}

/// One tip as staff see it.
public struct StaffTip: Sendable, Equatable {
    public let receipt: String
    public let channel: String
    public let language: String
    public let category: TipCategory
    public let prefecture: String
    /// Nil once purged.
    public let description: String?
    public let urgency: TipUrgency
    public let status: TipStatus
    public let receivedAt: Int
    public let forwardedPrefecture: String?
    public let outcome: PoliceOutcome?
    public let caseFile: String?
    public let mergedInto: String?
    public let reward: RewardState
    public let rewardAmount: Int
}

/// One internet item (all reports of one content) as staff see it.
public struct StaffInternetItem: Sendable, Equatable {
    public let id: String
    public let url: String
    public let host: String
    public let category: InternetCategory
    public let judgedCategory: InternetCategory?
    public let judgement: InternetJudgement
    public let reportCount: Int
    public let firstReportedAt: Int
    public let deletionState: DeletionState
    public let deletionRequestedAt: Int?
    public let deletedAt: Int?
    /// When it was reported to the police (judged illegal).
    public let forwardedAt: Int?
}

/// The staff side of both hot lines: intake by phone, triage, forwarding, the police queue, rewards,
/// internet judgements and deletion requests. Every change and every read of a report's text is
/// written to the audit trail with the acting staff member.
public struct HotlineStaff: Sendable {
    public let store: HotlineStore
    var sql: any SQLDatabase { store.database.sql }

    public init(store: HotlineStore) { self.store = store }

    // MARK: Tips

    /// A phone operator types in a tip while on the call; the caller is told the receipt and passcode.
    public func intake(_ tip: TipSubmission, by actor: HotlineActor) async throws -> HotlineCredentialsIssued {
        let issued = try await store.submit(tip, channel: .phone)
        try await record(actor, .create, "tip:\(issued.receipt)", ["category", "prefecture", "description"], "phone intake")
        return issued
    }

    static let tipColumns = """
        receipt, channel, language, category, prefecture, description, urgency, status, received_at, forwarded_prefecture, outcome,
        case_file, merged_into, reward_state, reward_amount
        """

    /// Tips still to be triaged or forwarded: danger to life first, then high, then by arrival.
    public func triageQueue() async throws -> [StaffTip] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.tipColumns) FROM tips WHERE status IN ('received', 'triaged')
            ORDER BY CASE urgency WHEN 'danger_to_life' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, received_at, receipt
            """).all().map(Self.tip)
    }

    /// Danger-to-life tips nobody has forwarded yet: what the staff pages show above everything.
    public func alerts() async throws -> [StaffTip] {
        try await triageQueue().filter { $0.urgency == .dangerToLife }
    }

    /// Tips forwarded to one prefecture's police and not closed.
    public func policeQueue(for actor: HotlineActor) async throws -> [StaffTip] {
        guard let prefecture = actor.policePrefecture else { throw HotlineStoreError.notAllowed(.init("only prefectural police have a police queue", japanese: "県警への送付分を見られるのは都道府県警察だけです")) }
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.tipColumns) FROM tips WHERE forwarded_prefecture = \(bind: prefecture) AND status IN ('forwarded', 'acknowledged')
            ORDER BY CASE urgency WHEN 'danger_to_life' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, forwarded_at, receipt
            """).all().map(Self.tip)
    }

    /// One tip with its text; police users only for tips forwarded to them. Audited as a read.
    public func tip(_ receipt: String, by actor: HotlineActor) async throws -> StaffTip {
        let tip = try await load(receipt)
        try await checkPolice(actor, tip)
        try await record(actor, .read, "tip:\(receipt)", ["description"], "hotline case work")
        return tip
    }

    public func messages(_ receipt: String) async throws -> [ReporterView.Message] { try await store.messages(receipt) }

    /// The analyst's classification. Danger to life moves the tip to the top of every queue.
    public func classify(_ receipt: String, category: TipCategory, urgency: TipUrgency, prefecture: String, by actor: HotlineActor) async throws {
        try Self.requireKnown(prefecture)
        let tip = try await load(receipt)
        guard [.received, .triaged].contains(tip.status) else { throw HotlineStoreError.invalid(.init("tip \(receipt) is \(tip.status.rawValue) and can no longer be classified", japanese: "通報 \(receipt) は「\(tip.status.label.ja)」のため、分類できません")) }
        try await change(.tip(receipt), """
            category = \(bind: category.rawValue), urgency = \(bind: urgency.rawValue), prefecture = \(bind: prefecture), status = 'triaged'
            """, if: "status IN ('received', 'triaged')", by: actor, ["category", "urgency", "prefecture"], "triage")
    }

    /// A question to the reporter, shown on their status page.
    public func ask(_ receipt: String, question: String, by actor: HotlineActor) async throws {
        _ = try await load(receipt)
        let text = try HotlineFields.text(question, field: "question", limit: HotlineLimits.answerCharacters)
        try await store.database.writeTransaction { transaction in
            try await store.appendMessage(receipt: receipt, author: "analyst", text: text, on: transaction)
            try await record(actor, .update, "tip:\(receipt)", ["messages"], "question to the reporter", on: transaction)
        }
    }

    /// Marks `duplicate` as the same matter as `primary`; the duplicate leaves the queues.
    public func merge(_ duplicate: String, into primary: String, by actor: HotlineActor) async throws {
        guard duplicate != primary else { throw HotlineStoreError.invalid(.init("a tip cannot be merged into itself", japanese: "通報をそれ自身に統合することはできません")) }
        let target = try await load(primary)
        guard target.status != .merged else { throw HotlineStoreError.invalid(.init("tip \(primary) is itself merged into \(target.mergedInto ?? "?")", japanese: "通報 \(primary) は既に \(target.mergedInto ?? "?") に統合されています")) }
        _ = try await load(duplicate)
        try await change(.tip(duplicate), "status = 'merged', merged_into = \(bind: primary), closed_at = \(bind: store.now())", if: "status <> 'merged'",
                         by: actor, ["status", "merged_into"], "merged into tip:\(primary)")
    }

    /// Sends the tip to the prefectural police of the place.
    public func forward(_ receipt: String, to prefecture: String, by actor: HotlineActor) async throws {
        try Self.requireKnown(prefecture)
        let tip = try await load(receipt)
        guard [.received, .triaged].contains(tip.status) else { throw HotlineStoreError.invalid(.init("tip \(receipt) is \(tip.status.rawValue) and cannot be forwarded", japanese: "通報 \(receipt) は「\(tip.status.label.ja)」のため、送付できません")) }
        try await change(.tip(receipt), "status = 'forwarded', forwarded_prefecture = \(bind: prefecture), forwarded_at = \(bind: store.now())",
                         if: "status IN ('received', 'triaged')", by: actor, ["status", "forwarded_prefecture"], "forwarded to the police of \(prefecture)")
    }

    /// The police confirm they have the tip.
    public func acknowledge(_ receipt: String, by actor: HotlineActor) async throws {
        let tip = try await load(receipt)
        try await checkPolice(actor, tip, requirePolice: true)
        guard tip.status == .forwarded else { throw HotlineStoreError.invalid(.init("tip \(receipt) is \(tip.status.rawValue), not waiting for acknowledgement", japanese: "通報 \(receipt) は「\(tip.status.label.ja)」で、受理を待っていません")) }
        try await change(.tip(receipt), "status = 'acknowledged', acknowledged_at = \(bind: store.now())", if: "status = 'forwarded'",
                         by: actor, ["status"], "acknowledged by the police")
    }

    /// The police record what came of the tip; a final outcome closes it (and starts its retention
    /// period). A protected victim's case file may be linked.
    public func recordOutcome(_ receipt: String, _ outcome: PoliceOutcome, caseFile: String? = nil, by actor: HotlineActor) async throws {
        let tip = try await load(receipt)
        try await checkPolice(actor, tip, requirePolice: true)
        guard [.forwarded, .acknowledged].contains(tip.status) else { throw HotlineStoreError.invalid(.init("tip \(receipt) is \(tip.status.rawValue); an outcome needs a forwarded tip", japanese: "通報 \(receipt) は「\(tip.status.label.ja)」です。結果は送付された通報にだけ記録できます")) }
        let closed: Int? = outcome.isFinal ? store.now() : nil
        try await change(.tip(receipt), """
            outcome = \(bind: outcome.rawValue), case_file = \(bind: caseFile), status = \(bind: outcome.isFinal ? "closed" : "acknowledged"),
            acknowledged_at = COALESCE(acknowledged_at, \(bind: store.now())), closed_at = \(bind: closed)
            """, if: "status IN ('forwarded', 'acknowledged')", by: actor, ["outcome"] + (caseFile == nil ? [] : ["case_file"]), "police outcome")
    }

    // MARK: Rewards

    /// A supervisor's decision: the amount and why, from what the tip contributed. Only a tip whose
    /// outcome cleared a case or protected a victim can earn one.
    public func decideReward(_ receipt: String, amount: Int, contribution: RewardContribution, reason: String, by actor: HotlineActor) async throws {
        guard amount > 0 else { throw HotlineStoreError.invalid(.init("a reward amount must be more than 0 yen", japanese: "報奨金の額は0円より多くしてください")) }
        let reasonText = try HotlineFields.text(reason, field: "reason", limit: 1_000)
        let tip = try await load(receipt)
        guard tip.outcome == .caseCleared || tip.outcome == .victimProtected else {
            throw HotlineStoreError.invalid(.init("tip \(receipt) has no outcome that clears a case or protects a victim", japanese: "通報 \(receipt) には、検挙または被害者の保護につながった結果がありません"))
        }
        guard tip.reward == .none || tip.reward == .decided else { throw HotlineStoreError.invalid(.init("the reward of tip \(receipt) is already \(tip.reward.rawValue)", japanese: "通報 \(receipt) の報奨金は既に「\(tip.reward.label.ja)」です")) }
        try await change(.tip(receipt), """
            reward_state = 'decided', reward_amount = \(bind: amount), reward_contribution = \(bind: contribution.rawValue), reward_reason = \(bind: reasonText)
            """, if: "reward_state IN ('none', 'decided')", by: actor, ["reward_amount", "reward_contribution", "reward_reason"],
                         "reward decided: \(amount) yen, \(contribution.rawValue)")
    }

    /// Pays a decided reward to whoever shows the receipt and passcode: the only proof there is.
    public func payReward(receipt: String, passcode: String, by actor: HotlineActor) async throws -> Int {
        let (receipt, kind) = try await store.authenticate(receipt: receipt, passcode: passcode)
        guard kind == .tip else { throw HotlineStoreError.notAllowed(.init("internet reports carry no reward", japanese: "インターネット上の情報の通報に報奨金はありません")) }
        let tip = try await load(receipt)
        guard tip.reward == .decided || tip.reward == .claimed else { throw HotlineStoreError.invalid(.init("tip \(receipt) has no reward to pay (\(tip.reward.rawValue))", japanese: "通報 \(receipt) に支払う報奨金はありません（\(tip.reward.label.ja)）")) }
        // Paid only as read: were the amount decided again meanwhile, this payment is refused.
        try await change(.tip(receipt), "reward_state = 'paid'", if: "reward_state IN ('decided', 'claimed') AND reward_amount = \(bind: tip.rewardAmount)",
                         by: actor, ["reward_state"], "reward paid: \(tip.rewardAmount) yen")
        return tip.rewardAmount
    }

    // MARK: Internet reports

    /// Items waiting for a judgement, most reported first.
    public func internetQueue() async throws -> [StaffInternetItem] {
        try await items("WHERE judgement = 'pending' ORDER BY report_count DESC, first_reported_at, id")
    }

    /// Items judged illegal or harmful whose deletion is still open.
    public func deletionQueue() async throws -> [StaffInternetItem] {
        try await items("WHERE judgement IN ('illegal', 'harmful') AND deletion_state IN ('none', 'requested', 'not_deleted', 'reappeared') ORDER BY first_reported_at, id")
    }

    /// The internet content judged illegal, as reported to the police (the National Police Agency),
    /// newest first, with how far its deletion has come. Audited as a read of the addresses.
    public func reportedToPolice(by actor: HotlineActor) async throws -> [StaffInternetItem] {
        let reported = try await items("WHERE judgement = 'illegal' AND forwarded_at IS NOT NULL ORDER BY forwarded_at DESC, id")
        try await record(actor, .read, "internet:reported-to-police", ["url"], "police referral")
        return reported
    }

    public func item(_ id: String) async throws -> StaffInternetItem {
        guard let item = try await items("WHERE id = \(bind: id.lowercased())").first else { throw HotlineStoreError.notFound("internet item \(id)") }
        return item
    }

    /// The analyst's judgement against the category list; illegal content goes to the police at once.
    public func judge(_ id: String, _ judgement: InternetJudgement, category: InternetCategory, by actor: HotlineActor) async throws {
        guard judgement != .pending else { throw HotlineStoreError.invalid(.init("a judgement cannot be `pending`", japanese: "判断を「判断待ち」にすることはできません")) }
        guard (judgement == .illegal) == category.isIllegal || judgement == .notIllegal else {
            throw HotlineStoreError.invalid(.init("category \(category.rawValue) does not fit the judgement \(judgement.rawValue)", japanese: "種別「\(category.label.ja)」は判断「\(judgement.label.ja)」に合いません"))
        }
        _ = try await item(id)
        let at = store.now()
        try await change(.internetItem(id), """
            judgement = \(bind: judgement.rawValue), judged_category = \(bind: category.rawValue),
            forwarded_at = \(bind: judgement == .illegal ? at : nil), closed_at = \(bind: judgement == .notIllegal ? at : nil)
            """, by: actor, ["judgement", "judged_category"],
                         judgement == .illegal ? "judged illegal, reported to the police" : "judged \(judgement.rawValue)")
    }

    /// Writes the deletion request letter and records that it was sent.
    public func requestDeletion(_ id: String, language: DeletionRequestLetter.Language, by actor: HotlineActor) async throws -> DeletionRequestLetter {
        let item = try await item(id)
        guard item.judgement == .illegal || item.judgement == .harmful, let category = item.judgedCategory else {
            throw HotlineStoreError.invalid(.init("internet item \(id) must be judged illegal or harmful before deletion is requested", japanese: "インターネット情報 \(id) は、違法または有害と判断してから削除を依頼してください"))
        }
        let at = store.now()
        let letter = DeletionRequestLetter(language: language, url: item.url, category: category, reference: id.uppercased(),
                                           found: JapanTime(secondsSinceEpoch: item.firstReportedAt).day)
        try await change(.internetItem(id), """
            deletion_state = 'requested', deletion_language = \(bind: language.rawValue), deletion_requested_at = \(bind: at), deleted_at = NULL, closed_at = NULL
            """, if: "judgement IN ('illegal', 'harmful')", by: actor, ["deletion_state"], "deletion requested (\(language.rawValue))")
        return letter
    }

    /// What became of a deletion request: deleted, not deleted, or re-appeared after deletion.
    public func recordDeletion(_ id: String, _ state: DeletionState, by actor: HotlineActor) async throws {
        let item = try await item(id)
        let at = store.now()
        switch state {
        case .deleted, .notDeleted:
            guard item.deletionRequestedAt != nil else { throw HotlineStoreError.invalid(.init("no deletion was requested for internet item \(id)", japanese: "インターネット情報 \(id) の削除は依頼されていません")) }
            let assignments: SQLQueryString = state == .deleted
                ? "deletion_state = 'deleted', deleted_at = \(bind: at), closed_at = \(bind: at)" : "deletion_state = 'not_deleted', closed_at = \(bind: at)"
            try await change(.internetItem(id), assignments, if: "deletion_requested_at IS NOT NULL", by: actor, ["deletion_state"], "deletion \(state.rawValue)")
        case .reappeared:
            guard item.deletionState == .deleted else { throw HotlineStoreError.invalid(.init("internet item \(id) was not deleted, so it cannot re-appear", japanese: "インターネット情報 \(id) は削除されていないため、再掲載にはなりません")) }
            try await change(.internetItem(id), "deletion_state = 'reappeared', reappeared_at = \(bind: at), closed_at = NULL",
                             if: "deletion_state = 'deleted'", by: actor, ["deletion_state"], "deletion \(state.rawValue)")
        case .none, .requested:
            throw HotlineStoreError.invalid(.init("record deleted, not_deleted or reappeared; a request is made with requestDeletion", japanese: "記録できるのは「削除済み」「削除されず」「再掲載」です。削除の依頼は依頼の操作で行います"))
        }
    }

    // MARK: Helpers

    func load(_ receipt: String) async throws -> StaffTip {
        let canonical = HotlineCredentials.canonicalReceipt(receipt) ?? receipt
        guard let row = try await sql.raw("SELECT \(unsafeRaw: Self.tipColumns) FROM tips WHERE receipt = \(bind: canonical)").first() else {
            throw HotlineStoreError.notFound("tip \(receipt)")
        }
        return try Self.tip(row)
    }

    /// Police users act only on tips forwarded to their prefecture; every refusal is audited.
    func checkPolice(_ actor: HotlineActor, _ tip: StaffTip, requirePolice: Bool = false) async throws {
        guard let prefecture = actor.policePrefecture else {
            if requirePolice { throw HotlineStoreError.notAllowed(.init("only the prefectural police acknowledge tips and record outcomes", japanese: "通報の受理と結果の記録は都道府県警察だけが行います")) }
            return
        }
        guard tip.forwardedPrefecture == prefecture else {
            try await record(actor, .denied, "tip:\(tip.receipt)", [], "not forwarded to \(prefecture)")
            throw HotlineStoreError.notForwardedToYou(receipt: tip.receipt, prefecture: prefecture)
        }
    }

    static func requireKnown(_ prefecture: String) throws {
        guard CodeLists.shipped.prefectures[prefecture] != nil else {
            throw HotlineStoreError.invalid(.init("prefecture \(prefecture) is not an ISO 3166-2:JP code", japanese: "都道府県 \(prefecture) は ISO 3166-2:JP のコードではありません"))
        }
    }

    /// What `change` writes to: a tip by its receipt, or an internet item by its identifier.
    private enum Changed {
        case tip(String), internetItem(String)
        var table: SQLQueryString { switch self { case .tip: "tips"; case .internetItem: "internet_items" } }
        var key: SQLQueryString { switch self { case .tip(let receipt): "receipt = \(bind: receipt)"; case .internetItem(let id): "id = \(bind: id)" } }
        var record: String { switch self { case .tip(let receipt): "tip:\(receipt)"; case .internetItem(let id): "internet_item:\(id)" } }
        var changedMeanwhile: HotlineStoreError {
            switch self {
            case .tip(let receipt): .invalid(.init("tip \(receipt) was changed by someone else a moment ago; open it again",
                                                   japanese: "通報 \(receipt) は、たった今ほかの担当者が変更しました。開き直してください"))
            case .internetItem(let id): .invalid(.init("internet item \(id) was changed by someone else a moment ago; open it again",
                                                       japanese: "インターネット情報 \(id) は、たった今ほかの担当者が変更しました。開き直してください"))
            }
        }
    }

    /// Changes a tip or an internet item only if it is still as the caller's check saw it: the `UPDATE`
    /// carries the `condition` and returns the row it changed, and the audit entry is written in the
    /// same transaction. When two members of staff act on one report at once, one changes it and the
    /// other is refused (a reward is never paid twice).
    private func change(_ target: Changed, _ assignments: SQLQueryString, if condition: SQLQueryString = "1 = 1", by actor: HotlineActor,
                        _ fields: [String], _ purpose: String) async throws {
        try await store.database.writeTransaction { transaction in
            let update: SQLQueryString = "UPDATE " + target.table + " SET " + assignments + " WHERE " + target.key + " AND (" + condition + ") RETURNING 1 AS changed"
            guard try await transaction.sql.raw(update).first() != nil else { throw target.changedMeanwhile }
            try await record(actor, .update, target.record, fields, purpose, on: transaction)
        }
    }

    /// Writes an audit entry, inside `database`'s transaction when the change it records is in one.
    func record(_ actor: HotlineActor, _ action: AuditEvent.Action, _ record: String, _ fields: [String], _ purpose: String,
                on database: (any Database)? = nil) async throws {
        try await AuditLog(database: database ?? store.database).append(AuditEvent(at: Date(timeIntervalSince1970: TimeInterval(store.now())), actor: actor.user, agency: actor.agency,
                                          action: action, record: record, fields: fields, purpose: purpose))
    }

    static func tip(_ row: any SQLRow) throws -> StaffTip {
        StaffTip(receipt: try row.decode(column: "receipt", as: String.self), channel: try row.decode(column: "channel", as: String.self),
                 language: try row.decode(column: "language", as: String.self),
                 category: TipCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .other,
                 prefecture: try row.decode(column: "prefecture", as: String.self),
                 description: try row.decode(column: "description", as: String?.self),
                 urgency: TipUrgency(rawValue: try row.decode(column: "urgency", as: String.self)) ?? .normal,
                 status: TipStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .received,
                 receivedAt: try row.decode(column: "received_at", as: Int.self),
                 forwardedPrefecture: try row.decode(column: "forwarded_prefecture", as: String?.self),
                 outcome: try row.decode(column: "outcome", as: String?.self).flatMap(PoliceOutcome.init(rawValue:)),
                 caseFile: try row.decode(column: "case_file", as: String?.self),
                 mergedInto: try row.decode(column: "merged_into", as: String?.self),
                 reward: RewardState(rawValue: try row.decode(column: "reward_state", as: String.self)) ?? .none,
                 rewardAmount: try row.decode(column: "reward_amount", as: Int.self))
    }

    func items(_ clause: SQLQueryString) async throws -> [StaffInternetItem] {
        let select: SQLQueryString = """
            SELECT id, url, host, category, judged_category, judgement, report_count, first_reported_at, deletion_state, deletion_requested_at, deleted_at,
                   forwarded_at
            FROM internet_items\u{20}
            """
        return try await sql.raw(select + clause).all().map { row in
            StaffInternetItem(id: try row.decode(column: "id", as: String.self), url: try row.decode(column: "url", as: String.self),
                              host: try row.decode(column: "host", as: String.self),
                              category: InternetCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .otherIllegal,
                              judgedCategory: try row.decode(column: "judged_category", as: String?.self).flatMap(InternetCategory.init(rawValue:)),
                              judgement: InternetJudgement(rawValue: try row.decode(column: "judgement", as: String.self)) ?? .pending,
                              reportCount: try row.decode(column: "report_count", as: Int.self),
                              firstReportedAt: try row.decode(column: "first_reported_at", as: Int.self),
                              deletionState: DeletionState(rawValue: try row.decode(column: "deletion_state", as: String.self)) ?? .none,
                              deletionRequestedAt: try row.decode(column: "deletion_requested_at", as: Int?.self),
                              deletedAt: try row.decode(column: "deleted_at", as: Int?.self),
                              forwardedAt: try row.decode(column: "forwarded_at", as: Int?.self))
        }
    }
}
