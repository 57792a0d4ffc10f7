import CTIPCore
import CTIPStorage
import Foundation
import Testing

/// The open-data exports over the database, on both engines: nothing sealed or identifying leaves in any
/// of them (a victim file with every sealed part marked, imported records with their identifiers, exact
/// dates and free text), and the HTCDS exchange is for those who hold `exportCaseData`, audited.
@Suite("Open data: nothing sealed or identifying leaves; the HTCDS exchange's permission and audit")
struct OpenDataExportTests {
    /// In every sealed field of the planted file, and in the imported records' free text.
    static let marker = "MARKER-7Q3Z"
    static let plantedOn = "2026-04-02"
    static let plantedBirth = "2009-11-23"
    static let clock = Date(timeIntervalSince1970: 1_780_000_000)

    /// A file owned by the Tokyo police (who create it), protected by Tokyo's Women's Counseling and Support
    /// Center (who know the whereabouts), whose name, document number, phone, e-mail, language and
    /// whereabouts each carry the marker.
    static func plantedFile() throws -> NewVictimFile {
        let fields = [
            "protected_on": plantedOn, "sex": "female", "age": "16", "nationality": "PHL", "residence_status": "temporary_visitor",
            "exploitation": "sexual",
            "name": "\(marker)-NAME Maria", "date_of_birth": plantedBirth, "document": "\(marker)-DOC-TK1234567",
            "phone": "\(marker)-PHONE-090-1111-2222", "email": "\(marker)-MAIL@example.jp", "language": "\(marker)-LANG",
            "protecting_agency": "wcsc-13", "whereabouts_kind": "shelter", "whereabouts": "\(marker)-WHERE room 3",
        ]
        return try NewVictimFile.read(fields, id: NewVictimFile.newID(year: 2026),
                                      context: ValidationContext(codeLists: .shipped, offenseCodes: [])).get()
    }

    /// Ordinary records, imported: their identifiers, exact dates and free text (a case's summary, a support
    /// event's note) must not leave either.
    static let importedVictims = ["IMP-4R7T-V01", "IMP-4R7T-V02", "IMP-4R7T-V03", "IMP-4R7T-V04", "IMP-4R7T-V05", "IMP-4R7T-V06"]
    static let importedOthers = ["IMP-4R7T-C01", "IMP-4R7T-C02", "IMP-4R7T-S01", "IMP-4R7T-S02"]
    static let importedDates = ["2026-03-01", "2026-03-02", "2026-01-15", "2026-02-20", "2025-06-11", "2025-06-12", "2025-09-30",
                                "2026-03-20", "2026-03-05", "2026-01-16"]
    static func importedBundle() throws -> URL {
        func file(_ kind: BundleFile, _ rows: [String]) -> String {
            CSVWriter.line(kind.columnNames) + rows.map { $0 + "\n" }.joined()
        }
        return try writeBundle([
            "cases.csv": file(.cases, [
                "IMP-4R7T-C01,2026-03-01,JP-13,police,\(marker)-SUMMARY the bar on the second floor",
                "IMP-4R7T-C02,2025-06-11,JP-27,police,\(marker)-SUMMARY the farm by the river",
            ]),
            "victims.csv": file(.victims, [
                "IMP-4R7T-V01,2026-03-02,female,24,PHL,entertainer,sexual,police,IMP-4R7T-C01",
                "IMP-4R7T-V02,2026-03-02,female,19,PHL,entertainer,hostess,police,IMP-4R7T-C01",
                "IMP-4R7T-V03,2026-01-15,female,15,JPN,,sexual,women_support_center,",
                "IMP-4R7T-V04,2026-02-20,male,31,VNM,technical_intern_training_1,labour,labour_inspection,",
                "IMP-4R7T-V05,2025-06-12,male,28,THA,no_status,labour,police,IMP-4R7T-C02",
                "IMP-4R7T-V06,2025-09-30,female,,UNK,no_status,other,,",
            ]),
            "suspects.csv": file(.suspects, [
                "IMP-4R7T-S01,2026-03-01,male,JPN,true,,prosecuted,2026-03-20,,,IMP-4R7T-C01",
                "IMP-4R7T-S02,2025-06-11,female,THA,,,,,,,IMP-4R7T-C02",
            ]),
            // Prosecuted, so awaiting trial: the bundle holds a pending trial for every prosecuted suspect.
            "trials.csv": file(.trials, ["IMP-4R7T-S01,pending,,,,"]),
            "support.csv": file(.support, [
                "IMP-4R7T-V01,legal_aid,2026-03-05,,\(marker)-NOTE the lawyer at the station",
                "IMP-4R7T-V03,wcsc_temporary_protection,2026-01-16,women_support_center,\(marker)-NOTE the centre in the north",
            ]),
        ])
    }

    /// What the person told besides the methods of control: acts, purposes, consent. Only the coded
    /// methods may leave (`docs/open-data.md` §0).
    static func plantedAnswers() -> ScreeningAnswers {
        var answers = ScreeningAnswers()
        answers.acts = [.recruitment, .harbouring]
        answers.means = [.deception]
        answers.controlMethods = [.debtBondage, .withholdsDocuments, .restrictsMovement, .threatsToFamily]
        answers.purposes = [.prostitutionOfOthers]
        answers.age = 16
        answers.nationality = "PHL"
        answers.saysTheyConsented = true
        return answers
    }

    /// Every file in a folder, by name.
    static func contents(of folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        }
        return files
    }

    /// The cells of one column of a CSV file, its header first; nil when there is no such column.
    static func column(_ name: String, of text: String) throws -> [String]? {
        var reader = CSVReader(bytes: Array(text.utf8))
        guard let header = try reader.next(), let index = header.fields.firstIndex(of: name) else { return nil }
        var cells: [String] = []
        while let record = try reader.next() { cells.append(index < record.fields.count ? record.fields[index] : "") }
        return cells
    }

    @Test("a file with every sealed part marked, and imported records: no marker, identifier, exact date or staff identity in any export; HTCDS carries the coded methods of control and nothing else of the screening",
          arguments: Engine.available)
    func nothingIdentifyingLeaves(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let bundle = try Self.importedBundle()
            defer { try? FileManager.default.removeItem(at: bundle) }
            _ = try await BundleImporter(database: storage.database).importBundle(at: bundle)
            let staff = CaseWorkTests.Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let supervisor = try await staff.make("police-13", .supervisor)
            let cipher = try FieldCipher(keys: [CaseWorkTests.k1])
            let store = VictimFileStore(database: storage.database, cipher: cipher, now: { Self.clock })
            let id = try await store.create(try Self.plantedFile(), by: police)
            let answers = Self.plantedAnswers()
            let screening = try await store.attachScreening(id, answers: answers, result: Article3Screening.screen(answers), by: police)
            // The file is sealed and whole: the marker is there for those who may see it.
            let view = try await store.open(id, for: police)
            #expect(view.identity?.name.contains(Self.marker) == true && view.contact?.phone?.contains(Self.marker) == true)
            #expect(view.screenings?.first?.answers == answers)

            let exports = OpenDataExports(database: storage.database)
            var published: [String: String] = [:]

            // CTDC with k = 1: every record is published, the planted one included.
            var ctdc = ""
            let plan = try await exports.ctdc(k: 1, maximumSuppressed: 0, years: nil) { ctdc += $0 }
            #expect(plan.records == 7 && plan.suppressed == 0 && plan.published == 7)
            #expect(ctdc.split(separator: "\n").count == 1 + 7)
            published["ctdc"] = ctdc

            // Synthetic, with ε so large and a threshold so low that it follows the records closely.
            var synthetic = ""
            let release = try await exports.synthetic(epsilon: 1000, threshold: 1, seed: 1, years: nil, write: { synthetic += $0 })
            #expect(release.realRecords == 7 && release.records > 0)
            published["synthetic"] = synthetic

            // GLOTIP, both years.
            for year in [2025, 2026] {
                let glotip = try await exports.glotip(year: year)
                #expect(glotip.contains("Detected trafficking victims"))
                published["glotip-\(year)"] = glotip
            }
            #expect(published["glotip-2026"]?.contains("JPN,Japan,Asia,Eastern Asia,Detected trafficking victims,Total,Total,Total,Total,2026,Counts,5,GLOTIP")
                    == true, "the year's 5 victims: 4 imported and the planted one")

            // HTCDS, by a supervisor of the agency holding the file, with the data key.
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let counts = try await exports.htcds(to: folder, by: supervisor, cipher: cipher, now: { Self.clock })
            #expect(counts.victims == 7 && counts.perpetrators == 2 && counts.support == 2 && counts.withMethodsOfControl == 1)
            let htcds = try Self.contents(of: folder)
            #expect(Set(htcds.keys) == ["victims.csv", "support.csv", "perpetrators.csv"])
            for (name, text) in htcds { published["htcds/\(name)"] = text }

            // Nothing sealed, identifying or free: not the marker (name, document, phone, e-mail, language,
            // whereabouts, a summary, a note), no identifier, no exact date, no staff identity.
            var needles = [Self.marker, "7Q3Z", id, "V2026-", Self.plantedOn, Self.plantedBirth, screening.id]
            needles += Self.importedVictims + Self.importedOthers + Self.importedDates + ["IMP-4R7T"]
            needles += [police, supervisor].flatMap { [$0.email, $0.userID, $0.auditActor] }
            needles += ["police-13", "wcsc-13", "Maria", "TK1234567", "090-1111-2222", "room 3"]
            for (name, text) in published.sorted(by: { $0.key < $1.key }) {
                #expect(!text.isEmpty, "\(name)")
                for needle in needles {
                    #expect(!text.contains(needle), "\(name) contains \(needle)")
                }
            }

            // The HTCDS exchange did read the screening: the planted victim's methods of control, mapped to
            // HTCDS's codes, on one row, and on no other…
            let victims = try #require(htcds["victims.csv"])
            let methods = HTCDS.methodsOfControl(ControlMethod.allCases.filter(answers.controlMethods.contains))
            #expect(methods == "ThreatensChildrenFamily;DebtBondage;WithholdsDocuments;Other")
            for method in answers.controlMethods { #expect(methods.contains(HTCDS.methodOfControl(method)), "\(method)") }
            #expect(try Self.column("vic_MethodsOfControl", of: victims)?.filter { !$0.isEmpty } == [methods])
            // …and nothing else of what the person told: no act, means, purpose or consent, no outcome or reason.
            var told = answers.acts.map(\.rawValue) + answers.means.map(\.rawValue) + answers.purposes.map(\.rawValue)
            told += ["consent", "Consent", "meets_definition", "MeetsDefinition", "reasons"]
            for (name, text) in htcds {
                for word in told { #expect(!text.contains(word), "\(name) contains \(word)") }
            }
            // CTDC's columns of control stay missing: only the HTCDS exchange, for staff, carries them.
            for name in ["meansOfControlDebtBondage", "meansOfControlWithholdsDocuments", "meansOfControlOther"] {
                let cells = try #require(try Self.column(name, of: ctdc), "\(name)")
                #expect(cells.count == 7 && cells.allSatisfy(\.isEmpty), "\(name)")
            }

            // The audit trail names the file read, never its content.
            let entries = try await AuditLog(database: storage.database).entries(limit: 50)
            #expect(!entries.contains { $0.fields.contains(Self.marker) || $0.purpose.contains(Self.marker) })
        }
    }

    @Test("HTCDS: refused to a case worker and to a hot line's supervisor, audited; a police supervisor's export audits each screening read and the export",
          arguments: Engine.available)
    func htcdsPermissionAndAudit(engine: Engine) async throws {
        try await withFreshDatabase(engine) { storage in
            let staff = CaseWorkTests.Staff(accounts: AccountStore(database: storage.database))
            let police = try await staff.make("police-13", .caseWorker)
            let supervisor = try await staff.make("police-13", .supervisor)
            let osakaPolice = try await staff.make("police-27", .caseWorker)
            let hotlineSupervisor = try await staff.make("hotline", .supervisor)
            #expect(!AccessPolicy.allows(police, .exportCaseData) && !AccessPolicy.allows(hotlineSupervisor, .exportCaseData))
            #expect(AccessPolicy.allows(supervisor, .exportCaseData) && !hotlineSupervisor.agency.kind.protectsVictims)
            let cipher = try FieldCipher(keys: [CaseWorkTests.k1])
            let store = VictimFileStore(database: storage.database, cipher: cipher, now: { Self.clock })

            // Two files of the Tokyo police with a screening each; one of the Osaka police, screened there.
            var answers = ScreeningAnswers()
            answers.acts = [.recruitment]
            answers.controlMethods = [.debtBondage]
            answers.purposes = [.prostitutionOfOthers]
            let result = Article3Screening.screen(answers)
            let first = try await store.create(CaseWorkTests.newFile(), by: police)
            let second = try await store.create(CaseWorkTests.newFile(protecting: nil, nationality: "JPN"), by: police)
            let osaka = try await store.create(CaseWorkTests.newFile(protecting: nil), by: osakaPolice)
            for id in [first, second] { _ = try await store.attachScreening(id, answers: answers, result: result, by: police) }
            _ = try await store.attachScreening(osaka, answers: answers, result: result, by: osakaPolice)

            let exports = OpenDataExports(database: storage.database)
            let log = AuditLog(database: storage.database)
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }

            // Refused, audited, nothing written.
            for refused in [police, hotlineSupervisor] {
                await #expect(throws: CaseWorkError.forbidden("export case data (HTCDS)")) {
                    try await exports.htcds(to: folder, by: refused, cipher: cipher, now: { Self.clock })
                }
                let newest = try #require(try await log.entries(limit: 1).first)
                #expect(newest.action == "denied" && newest.record == "export:htcds" && newest.actor == refused.auditActor,
                        "\(refused.email)")
                #expect(try Self.contents(of: folder).isEmpty, "\(refused.email): nothing written")
            }

            // A police supervisor: the files, each screening read audited, then the export itself.
            let before = try await log.entries(limit: 100_000).count
            let counts = try await exports.htcds(to: folder, by: supervisor, cipher: cipher, now: { Self.clock })
            #expect(counts.victims == 3 && counts.support == 0 && counts.perpetrators == 0 && counts.withMethodsOfControl == 2)
            let entries = try await log.entries(limit: 100_000)
            let added = Array(entries.prefix(entries.count - before))
            #expect(added.count == 3)
            let exportEntry = try #require(added.first)
            #expect(exportEntry.action == "export" && exportEntry.record == "export:htcds" && exportEntry.actor == supervisor.auditActor)
            #expect(exportEntry.fields == "victims:3;support:0;perpetrators:0;methods_of_control:2")
            let reads = added.dropFirst()
            #expect(reads.allSatisfy { $0.action == "export" && $0.actor == supervisor.auditActor && $0.fields.hasSuffix(":control_methods") })
            #expect(Set(reads.map(\.record)) == ["victim:\(first)", "victim:\(second)"], "the Osaka file's screening is not read")
            #expect(!entries.contains { $0.action == "export" && $0.record == "victim:\(osaka)" })
            #expect(entries.filter { $0.action == "denied" && $0.record == "export:htcds" }.map(\.actor).sorted()
                    == [police.auditActor, hotlineSupervisor.auditActor].sorted())
            #expect(try await log.verify().isEmpty)

            let victims = try #require(try Self.contents(of: folder)["victims.csv"])
            #expect(try Self.column("vic_MethodsOfControl", of: victims)?.sorted() == ["", "DebtBondage", "DebtBondage"])
        }
    }
}
