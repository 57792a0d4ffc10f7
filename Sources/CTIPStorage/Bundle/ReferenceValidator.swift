import CTIPCore
import SQLKit

/// Duplicate keys within a file, and references that must resolve to a row of this bundle or of the
/// database. Keeps identifiers only, never whole rows.
struct ReferenceValidator {
    private var caseIDs = Set<String>()
    private var victimIDs = Set<String>()
    private var suspectIDs = Set<String>()
    /// Composite keys (charges, support events, years) are remembered by a 64-bit hash to keep memory flat.
    private var otherKeys: [BundleFile: Set<UInt64>] = [:]
    private var offenseCodes = Set<String>()
    /// Programme oversight: organisations by kind, licence numbers, inspections; the orders that must
    /// not follow the end of a licence, checked once every action is read.
    private var organisationKinds: [String: OrganisationKind] = [:]
    private var licenceNumbers: [String: String] = [:]
    private var inspectionIDs = Set<String>()
    private var supervisors: [(line: Int, organisation: String, supervisor: String)] = []
    private var licenceEnds: [String: Day] = [:]
    private var orders: [(line: Int, organisation: String, on: Day, kind: OversightActionKind)] = []

    /// Prosecuted suspects of this bundle whose trial has not been read yet, with their suspects.csv line:
    /// trials.csv has one row per prosecuted suspect, `pending` until decided (bundle.md), and the report's
    /// carry-over is found from those rows.
    private var prosecutedWithoutTrial: [String: Int] = [:]

    struct Pending: Sendable {
        let file: BundleFile; let line: Int; let column: String; let table: String; let keyColumn: String; let id: String
        /// Found only when this column has this value too (a supervisor must be a supervising organisation).
        var condition: (column: String, value: String)? = nil
        var what: String { condition.map { "a \($0.value) row of \(table).csv" } ?? "in \(table).csv" }
    }
    private var pending: [Pending] = []

    /// About how many rows a file has: its identifier set is made that large at once, instead of
    /// growing (and rehashing every identifier) again and again.
    mutating func expect(rows: Int, of file: BundleFile) {
        let wanted = Int(Double(rows) * 1.05)
        switch file {
        case .cases: caseIDs.reserveCapacity(caseIDs.count + wanted)
        case .victims: victimIDs.reserveCapacity(victimIDs.count + wanted)
        case .suspects:
            suspectIDs.reserveCapacity(suspectIDs.count + wanted)
            prosecutedWithoutTrial.reserveCapacity(wanted)
        case .charges, .trials, .support, .history: otherKeys[file, default: []].reserveCapacity(wanted)
        case .organisations: organisationKinds.reserveCapacity(organisationKinds.count + wanted)
        case .inspections: inspectionIDs.reserveCapacity(inspectionIDs.count + wanted)
        case .actions, .agreements: otherKeys[file, default: []].reserveCapacity(wanted)
        case .offenses: break
        }
    }

    /// A file is done: its own composite keys (duplicates are looked for only within a file) are no longer
    /// needed; the rules across its rows are checked now that all are read.
    mutating func finishFile(_ file: BundleFile, issues: inout [BundleIssue]) {
        otherKeys[file] = nil
        switch file {
        case .organisations:
            // A supervisor may come later in the file: resolved here, or else in the database.
            for (line, organisation, supervisor) in supervisors {
                switch organisationKinds[supervisor] {
                case .supervising?: continue
                case let kind?:
                    issues.append(BundleIssue(file: file.fileName, line: line, column: "supervised_by",
                                              message: "`\(supervisor)` is a `\(kind.rawValue)` organisation, not a supervising one: `\(organisation)` cannot be supervised by it",
                                              japanese: "「\(supervisor)」は監理団体ではありません（\(kind.label.ja)）"))
                case nil:
                    pending.append(.init(file: file, line: line, column: "supervised_by", table: "organisations", keyColumn: "org_id", id: supervisor,
                                         condition: ("kind", OrganisationKind.supervising.rawValue)))
                }
            }
            supervisors.removeAll()
        case .actions:
            for (line, organisation, on, kind) in orders {
                if let ended = licenceEnds[organisation], ended < on {
                    issues.append(BundleIssue(file: file.fileName, line: line, column: "on",
                                              message: "`\(kind.rawValue)` on \(on) follows the end of `\(organisation)`'s licence on \(ended)",
                                              japanese: "\(on) の \(kind.rawValue) は「\(organisation)」の許可が \(ended) に終了した後です"))
                }
            }
            orders.removeAll()
        default: break
        }
    }

    /// References to records not (yet) seen in the bundle, waiting for a look in the database.
    var pendingCount: Int { pending.count }

    /// Generic so that each record type gets its own specialised copy: the casts below then cost nothing.
    mutating func observe<Record: BundleRecord>(_ record: Record, line: Int, issues: inout [BundleIssue]) {
        let file = Record.file
        func duplicate(_ column: String) {
            issues.append(BundleIssue(file: file.fileName, line: line, column: column, message: "duplicate key `\(record.key)`: it appears earlier in this file"))
        }
        switch record {
        case let victim as VictimRecord:
            if !victimIDs.insert(victim.id).inserted { duplicate("victim_id") }
            for id in victim.caseIDs where !caseIDs.contains(id) { pending.append(.init(file: file, line: line, column: "case_ids", table: "cases", keyColumn: "case_id", id: id)) }
        case let suspect as SuspectRecord:
            if !suspectIDs.insert(suspect.id).inserted { duplicate("suspect_id") }
            prosecutedWithoutTrial[suspect.id] = suspect.disposition?.countsAsProsecuted == true ? line : nil
            for id in suspect.caseIDs where !caseIDs.contains(id) { pending.append(.init(file: file, line: line, column: "case_ids", table: "cases", keyColumn: "case_id", id: id)) }
        case let record as CaseRecord:
            if !caseIDs.insert(record.id).inserted { duplicate("case_id") }
        case let offense as OffenseRecord:
            if !offenseCodes.insert(offense.code).inserted { duplicate("code") }
        case let charge as ChargeRecord:
            if !otherKeys[file, default: []].insert(hash(charge.key)).inserted { duplicate("position") }
            if !suspectIDs.contains(charge.suspectID) { pending.append(.init(file: file, line: line, column: "suspect_id", table: "suspects", keyColumn: "suspect_id", id: charge.suspectID)) }
        case let trial as TrialRecord:
            if !otherKeys[file, default: []].insert(hash(trial.key)).inserted { duplicate("suspect_id") }
            prosecutedWithoutTrial[trial.suspectID] = nil
            if !suspectIDs.contains(trial.suspectID) { pending.append(.init(file: file, line: line, column: "suspect_id", table: "suspects", keyColumn: "suspect_id", id: trial.suspectID)) }
        case let event as SupportRecord:
            if !otherKeys[file, default: []].insert(hash(event.key)).inserted { duplicate("on") }
            if !victimIDs.contains(event.victimID) { pending.append(.init(file: file, line: line, column: "victim_id", table: "victims", keyColumn: "victim_id", id: event.victimID)) }
        case let history as HistoryRecord:
            if !otherKeys[file, default: []].insert(hash(history.key)).inserted { duplicate("year") }
        case let organisation as OrganisationRecord:
            if organisationKinds.updateValue(organisation.kind, forKey: organisation.id) != nil { duplicate("org_id") }
            if let number = organisation.licenceNumber {
                if let holder = licenceNumbers[number], holder != organisation.id {
                    issues.append(BundleIssue(file: file.fileName, line: line, column: "licence_no",
                                              message: "licence number `\(number.prefix(64))` is already `\(holder)`'s",
                                              japanese: "許可番号「\(number.prefix(64))」は既に「\(holder)」のものです"))
                } else { licenceNumbers[number] = organisation.id }
            }
            if let supervisor = organisation.supervisedBy { supervisors.append((line, organisation.id, supervisor)) }
        case let inspection as InspectionRecord:
            if !inspectionIDs.insert(inspection.id).inserted { duplicate("inspection_id") }
            if organisationKinds[inspection.organisationID] == nil {
                pending.append(.init(file: file, line: line, column: "org_id", table: "organisations", keyColumn: "org_id", id: inspection.organisationID))
            }
        case let action as OversightActionRecord:
            if !otherKeys[file, default: []].insert(hash(action.key)).inserted { duplicate("action_id") }
            if organisationKinds[action.organisationID] == nil {
                pending.append(.init(file: file, line: line, column: "org_id", table: "organisations", keyColumn: "org_id", id: action.organisationID))
            }
            if let inspection = action.inspectionID, !inspectionIDs.contains(inspection) {
                pending.append(.init(file: file, line: line, column: "inspection_id", table: "inspections", keyColumn: "inspection_id", id: inspection))
            }
            if action.kind.endsLicence { licenceEnds[action.organisationID] = min(licenceEnds[action.organisationID] ?? action.on, action.on) }
            if action.kind.needsLicence { orders.append((line, action.organisationID, action.on, action.kind)) }
        case let agreement as AgreementRecord:
            if !otherKeys[file, default: []].insert(hash(agreement.key)).inserted { duplicate("agreement_id") }
        default:
            break
        }
    }

    /// Hands over the references waiting for a look in the database (see `unresolved`).
    mutating func takePending() -> [Pending] {
        defer { pending.removeAll() }
        return pending
    }

    /// Looks pending references up in the database (a bundle's files refer only to files before them,
    /// so what is not in the bundle by now must be in the database); those not found are errors.
    static func unresolved(_ pending: [Pending], in sql: any SQLDatabase) async throws -> [BundleIssue] {
        guard !pending.isEmpty else { return [] }
        var issues: [BundleIssue] = []
        let grouped = Dictionary(grouping: pending) { "\($0.table)\t\($0.keyColumn)\t\($0.condition.map { "\($0.column)=\($0.value)" } ?? "")" }
        for (_, references) in grouped {
            let table = references[0].table, keyColumn = references[0].keyColumn, condition = references[0].condition
            let wanted = Array(Set(references.map(\.id)))
            var found = Set<String>()
            for chunk in wanted.inListChunks {
                var query = sql.select().column(keyColumn).from(table).where(SQLIdentifier(keyColumn), .in, Array(chunk))
                if let condition { query = query.where(SQLIdentifier(condition.column), .equal, condition.value) }
                for row in try await query.all() { found.insert(try row.decode(column: keyColumn, as: String.self)) }
            }
            for reference in references where !found.contains(reference.id) {
                issues.append(BundleIssue(file: reference.file.fileName, line: reference.line, column: reference.column,
                                          message: "`\(reference.id)` is neither \(reference.what) nor in the database"))
            }
        }
        return issues
    }

    /// Once every file is read: the bundle's prosecuted suspects with no trial in the bundle nor in the database.
    mutating func missingTrials(in sql: any SQLDatabase) async throws -> [BundleIssue] {
        guard !prosecutedWithoutTrial.isEmpty else { return [] }
        defer { prosecutedWithoutTrial.removeAll() }
        let wanted = Array(prosecutedWithoutTrial.keys)
        for chunk in wanted.inListChunks {
            for row in try await sql.select().column("suspect_id").from("trials").where(SQLIdentifier("suspect_id"), .in, Array(chunk)).all() {
                prosecutedWithoutTrial[try row.decode(column: "suspect_id", as: String.self)] = nil
            }
        }
        return prosecutedWithoutTrial.map { id, line in
            BundleIssue(file: BundleFile.suspects.fileName, line: line, column: "disposition",
                        message: "suspect `\(id)` is prosecuted but has no row in trials.csv: every prosecuted suspect needs one, with verdict `pending` until decided")
        }
    }

    private func hash(_ key: String) -> UInt64 {
        // FNV-1a, 64 bit: stable, and collisions among a few million keys are vanishingly unlikely.
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return value
    }
}
