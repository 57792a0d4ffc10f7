/// The rules of a year's work on the whole report (issue 16), without storage: who may do what to a
/// contribution in which state, and what state it is in afterwards.
///
/// requested ─edit→ drafted ─submit→ submitted ─accept→ accepted
///                     ↑ edit            │ return (with a comment)        │ return (a second look)
///                  returned ←───────────┴────────────────────────────────┘
///
/// A ministry's contributors edit and submit their own ministry's contributions; the secretariat requests,
/// returns and accepts, and never writes a ministry's text. Anyone who may read a contribution may comment.
public enum ContributionAction: String, Sendable, Codable, CaseIterable {
    /// The secretariat asks a ministry for a contribution to an item, with a deadline.
    case request
    /// The ministry writes or changes the text (a new version).
    case edit
    case submit
    /// The secretariat sends it back with a comment saying what to change.
    case `return`
    case accept
    case comment
    /// Read from a file (`ctip report import-edition`, `import-contributions`): an edit from outside CTIP.
    case `import`
    /// Started from the last published edition as this year's draft (`ctip report draft`).
    case carryForward = "carry_forward"
    /// The secretariat's correction of a published text, with its reason: a revision of the edition.
    case correct

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.request, .en): "requested"
        case (.request, .ja): "依頼"
        case (.edit, .en): "edited"
        case (.edit, .ja): "編集"
        case (.submit, .en): "submitted"
        case (.submit, .ja): "提出"
        case (.return, .en): "returned"
        case (.return, .ja): "差戻し"
        case (.accept, .en): "accepted"
        case (.accept, .ja): "受理"
        case (.comment, .en): "commented"
        case (.comment, .ja): "コメント"
        case (.import, .en): "imported from a file"
        case (.import, .ja): "ファイルから取込み"
        case (.carryForward, .en): "carried forward from the last edition"
        case (.carryForward, .ja): "前年版から引継ぎ"
        case (.correct, .en): "corrected after publication"
        case (.correct, .ja): "公表後の訂正"
        }
    }
}

extension ContributionState {
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.requested, .en): "requested"
        case (.requested, .ja): "依頼中"
        case (.drafted, .en): "drafted"
        case (.drafted, .ja): "作成中"
        case (.submitted, .en): "submitted"
        case (.submitted, .ja): "提出済み"
        case (.returned, .en): "returned"
        case (.returned, .ja): "差戻し"
        case (.accepted, .en): "accepted"
        case (.accepted, .ja): "受理"
        }
    }

    /// The ministry still owes its text: a deadline past in one of these states is overdue.
    public var awaitsMinistry: Bool { self == .requested || self == .drafted || self == .returned }
}

/// Why an action on a contribution was refused; each says what to do instead, in both languages.
public enum ContributionWorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The role or the ministry may not do this to this contribution.
    case denied(action: ContributionAction)
    /// The action does not apply in the contribution's state (accepting a draft, editing an accepted text).
    case notNow(action: ContributionAction, state: ContributionState)
    /// Returning needs a comment that says what to change; so does a comment.
    case commentRequired
    /// Submitting an empty text.
    case textRequired
    /// Someone changed the contribution since the form was opened (the revision it was opened at).
    case stale(opened: Int, current: Int)
    case published(year: Int)
    case noSuchContribution(id: String)
    case noSuchItem(number: String)
    /// A request needs a deadline that has not passed.
    case deadlinePassed(deadline: Day)
    /// Another contribution already declares a figure by this key.
    case figureKeyTaken(key: String, by: String)

    public var description: String { message(.en) }

    /// The field of a form the problem is about.
    public var field: String {
        switch self {
        case .commentRequired: "comment"
        case .textRequired: "text_en"
        case .noSuchItem: "item"
        case .deadlinePassed: "deadline"
        case .figureKeyTaken: "figures"
        default: "form"
        }
    }

    public func message(_ language: Language) -> String {
        let ja = language == .ja
        switch self {
        case .denied(let action):
            return ja ? "この投稿に「\(action.label(.ja))」を行う権限がありません（自府省庁の投稿は報告担当が、依頼・差戻し・受理は事務局が行います）"
                : "you may not do this (\(action.label(.en))) to this contribution: a ministry's contributors write its contributions, the secretariat requests, returns and accepts them"
        case .notNow(let action, let state):
            return ja ? "「\(state.label(.ja))」の投稿には「\(action.label(.ja))」を行えません"
                : "a contribution that is \(state.label(.en)) cannot be \(action.label(.en))"
        case .commentRequired:
            return ja ? "コメントを入力してください（差戻しには、何を直すかを書きます）" : "write a comment (a return says what to change)"
        case .textRequired:
            return ja ? "本文が空のままでは提出できません" : "the text is empty: write it before submitting"
        case .stale(let opened, let current):
            return ja ? "この投稿は、画面を開いた後に変更されました（版\(opened)→版\(current)）。最新の内容を確認してから、もう一度行ってください"
                : "the contribution changed since you opened it (version \(opened), now \(current)): read the current text and try again"
        case .published(let year):
            return ja ? "\(year)年の報告書は公表済みで、変更できません（訂正は改訂版として行います）"
                : "the report of \(year) is published and never changes (a correction is a revision)"
        case .noSuchContribution(let id):
            return ja ? "投稿「\(id)」はありません" : "there is no contribution \(id)"
        case .noSuchItem(let number):
            return ja ? "目次に項目「\(number)」はありません" : "the outline has no item \(number)"
        case .deadlinePassed(let deadline):
            return ja ? "期限（\(deadline)）が過ぎています：今日以降の日付を指定してください" : "the deadline \(deadline) has passed: give today or a later day"
        case .figureKeyTaken(let key, let other):
            return ja ? "数値のキー「\(key)」は投稿 \(other) が既に使っています：別のキーにしてください"
                : "the figure key \(key) is already declared by contribution \(other): choose another key"
        }
    }
}

/// Who is acting on a contribution, as far as the rules care.
public enum ContributionActor: Sendable, Equatable {
    /// A contributor of the ministry (or one of the ministries) the contribution is theirs.
    case ownMinistry
    case secretariat
    /// Anyone else: a contributor of another ministry, another role.
    case other

    public static func of(_ staff: StaffIdentity, ministries: [String]) -> ContributionActor {
        if ReportWorkAccess.mayWrite(staff, ministries: ministries) { return .ownMinistry }
        if AccessPolicy.allows(staff, .manageReport) { return .secretariat }
        return .other
    }
}

public enum ContributionWorkflow {
    /// The state after `action` by `actor` on a contribution in `state`, or why it is refused.
    public static func next(after action: ContributionAction, by actor: ContributionActor, from state: ContributionState,
                            comment: String = "", text: String = "") -> Result<ContributionState, ContributionWorkflowError> {
        let hasComment = !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        switch action {
        case .request:
            return actor == .secretariat ? .success(.requested) : .failure(.denied(action: action))
        case .carryForward:
            return actor == .secretariat ? .success(.drafted) : .failure(.denied(action: action))
        case .correct:
            // Only what the Council published is corrected, by the secretariat, saying why.
            guard actor == .secretariat else { return .failure(.denied(action: action)) }
            guard state == .accepted else { return .failure(.notNow(action: action, state: state)) }
            guard hasComment else { return .failure(.commentRequired) }
            return .success(.accepted)
        case .edit, .import:
            guard actor == .ownMinistry || (action == .import && actor == .secretariat) else { return .failure(.denied(action: action)) }
            // A submitted text may still be changed by its ministry (it goes back to a draft); an accepted one
            // only after the secretariat returns it.
            guard state != .accepted else { return .failure(.notNow(action: action, state: state)) }
            return .success(.drafted)
        case .submit:
            guard actor == .ownMinistry else { return .failure(.denied(action: action)) }
            guard state == .drafted || state == .returned || state == .requested else { return .failure(.notNow(action: action, state: state)) }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.textRequired) }
            return .success(.submitted)
        case .return:
            guard actor == .secretariat else { return .failure(.denied(action: action)) }
            guard state == .submitted || state == .accepted else { return .failure(.notNow(action: action, state: state)) }
            guard hasComment else { return .failure(.commentRequired) }
            return .success(.returned)
        case .accept:
            guard actor == .secretariat else { return .failure(.denied(action: action)) }
            guard state == .submitted else { return .failure(.notNow(action: action, state: state)) }
            return .success(.accepted)
        case .comment:
            guard actor != .other else { return .failure(.denied(action: action)) }
            guard hasComment else { return .failure(.commentRequired) }
            return .success(state)
        }
    }

    /// What `actor` can do now, in the order a form offers them.
    public static func available(to actor: ContributionActor, in state: ContributionState, hasText: Bool) -> [ContributionAction] {
        [.edit, .submit, .return, .accept, .comment].filter { action in
            if case .success = next(after: action, by: actor, from: state, comment: "x", text: hasText ? "x" : "") { return true }
            return false
        }
    }
}

/// One step in a contribution's history: who did what when, and the text as it was after an edit.
public struct ContributionEvent: Sendable, Hashable, Codable {
    /// The contribution's version after this step (1 for the first).
    public var revision: Int
    /// ISO 8601, UTC.
    public var at: String
    /// The account that acted (`user:…`, or `cli`), never a person's name.
    public var actor: String
    public var agency: String
    public var action: ContributionAction
    public var state: ContributionState
    /// The texts after an edit or an import; nil for a step that did not change them.
    public var textEN: String?
    public var textJA: String?
    public var comment: String?

    public init(revision: Int, at: String, actor: String, agency: String, action: ContributionAction, state: ContributionState,
                textEN: String? = nil, textJA: String? = nil, comment: String? = nil) {
        self.revision = revision; self.at = at; self.actor = actor; self.agency = agency; self.action = action; self.state = state
        self.textEN = textEN; self.textJA = textJA; self.comment = comment
    }
}

/// What the year's work holds about a contribution besides its text: its deadline and version.
public struct ContributionWork: Sendable, Hashable {
    public var deadline: Day?
    /// Bumped by every step; a form carries the one it was opened at (`ContributionWorkflowError.stale`).
    public var revision: Int

    public init(deadline: Day? = nil, revision: Int = 1) { self.deadline = deadline; self.revision = revision }
}
