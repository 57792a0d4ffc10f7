import CTIPCore
import CTIPStorage
import Vapor

/// The secretariat keeps the year's outline (`OutlineEditing`): `GET /staff/annual-report/{year}/outline`
/// shows it with the forms; `POST` with `change` = `retitle`, `add` or `remove`.
extension AnnualReportController {
    func outline(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        return AnnualReportPages.outline(request, staff: staff, edition: try await edition(request, year: year),
                                         published: try await store(request).publication(year: year) != nil,
                                         done: request.query[String.self, at: "done"])
    }

    func changeOutline(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        let fields = try Self.fields(request)
        let language = request.staffLanguage
        func number(_ field: String) -> OutlineNumber? { fields[field].flatMap { $0.isEmpty ? nil : OutlineNumber($0) } }
        let change: WholeReportStore.OutlineChange
        switch fields["change"] {
        case "retitle"?:
            guard let item = number("number") else { return try await outlineProblem(request, year: year, fields, .noSuchItem(fields["number"] ?? "")) }
            change = .retitle(item, titleEN: fields["title_en"] ?? "", titleJA: fields["title_ja"] ?? "")
        case "add"?:
            change = .add(under: number("parent"), titleEN: fields["title_en"] ?? "", titleJA: fields["title_ja"] ?? "")
        case "remove"?:
            guard let item = number("number") else { return try await outlineProblem(request, year: year, fields, .noSuchItem(fields["number"] ?? "")) }
            change = .remove(item)
        default:
            return StaffPages.message(request, status: .badRequest, text: language == .ja ? "change: 操作を選んでください" : "change: choose what to change")
        }
        do {
            let item = try await store(request).changeOutline(year: year, change, by: staff, now: request.now)
            return redirect(request, "/staff/annual-report/\(year)/outline", notice: "outline-\(item.description.replacingOccurrences(of: " ", with: "_"))")
        } catch let refusal as OutlineEditing.Refusal {
            return try await outlineProblem(request, year: year, fields, refusal)
        } catch let error as ContributionWorkflowError {
            return refusal(request, error)
        }
    }

    /// The outline's page again (400) with the form as sent and the problem beside its field.
    func outlineProblem(_ request: Request, year: Int, _ fields: [String: String], _ refusal: OutlineEditing.Refusal) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let problem = FieldError(field: refusal.field, message: refusal.message(.en), japanese: refusal.message(.ja))
        return AnnualReportPages.outline(request, staff: staff, edition: try await edition(request, year: year), published: false, done: nil,
                                         sent: .init(values: fields, errors: [problem]), status: .badRequest)
    }

    /// `POST /staff/annual-report/{year}/contributions/{id}/placements`: `item`, and `remove=1` to take a repeat away.
    func place(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request), id = contributionID(request)
        let fields = try Self.fields(request)
        guard let item = fields["item"].flatMap({ OutlineNumber($0) }) else {
            return refusal(request, .noSuchItem(number: fields["item"] ?? ""))
        }
        do {
            try await store(request).placeRepeat(year: year, contribution: id, under: item, remove: fields["remove"] == "1", by: staff, now: request.now)
        } catch let error as ContributionWorkflowError {
            return refusal(request, error)
        }
        return redirect(request, "/staff/annual-report/\(year)/contributions/\(id)", notice: fields["remove"] == "1" ? "unplaced" : "placed")
    }

    /// `POST /staff/annual-report/{year}/exhibits`: `change` = `add` (`kind`, `id`, `item`, `caption_en`,
    /// `caption_ja`, `credit`) or `remove` (`id`).
    func changeExhibits(request: Request) async throws -> Response {
        let staff = try await request.requireStaff(.manageReport)
        let year = try year(request)
        let fields = try Self.fields(request)
        let change: WholeReportStore.ExhibitChange
        switch fields["change"] {
        case "add"?:
            guard let item = fields["item"].flatMap({ OutlineNumber($0) }) else { return try await outlineProblem(request, year: year, fields, .noSuchItem(fields["item"] ?? "")) }
            let kind = Exhibit.Kind(rawValue: fields["kind"] ?? "") ?? .figure
            change = .add(Exhibit(id: fields["id", default: ""].trimmingCharacters(in: .whitespaces), kind: kind, printedNumber: nil,
                                  captionEN: fields["caption_en"] ?? "", captionJA: fields["caption_ja"] ?? "", credit: fields["credit"], item: item))
        case "remove"?:
            change = .remove(id: fields["id"] ?? "")
        default:
            return StaffPages.message(request, status: .badRequest, text: request.staffLanguage == .ja ? "change: 操作を選んでください" : "change: choose what to change")
        }
        do {
            try await store(request).changeExhibits(year: year, change, by: staff, now: request.now)
        } catch let refusal as OutlineEditing.Refusal {
            return try await outlineProblem(request, year: year, fields, refusal)
        } catch let error as ContributionWorkflowError {
            return refusal(request, error)
        }
        return redirect(request, "/staff/annual-report/\(year)/outline", notice: "exhibits")
    }
}
