import CTIPCore
import CTIPStorage
import Vapor

/// `/open-data`, for everyone: the files published with each edition of the annual report — the
/// report's JSON, the k-anonymised and the synthetic datasets, the GLOTIP rows — with what each is, the
/// privacy parameters it was made with and its SHA-256; each file exactly as frozen.
struct OpenDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("open-data", use: index)
        routes.get("open-data", ":year", ":file", use: file)
    }

    func index(request: Request) async throws -> Response {
        let language = request.preferredLanguage
        let files = try await OpenDataEditions(database: request.db).files()
        return HomeController.html(OpenDataPages.index(files: files, language: language), language: language.rawValue)
    }

    func file(request: Request) async throws -> Response {
        guard let year = request.parameters.get("year").flatMap(Int.init), let name = request.parameters.get("file"),
              let (file, content) = try await OpenDataEditions(database: request.db).file(year: year, name: name) else {
            throw Abort(.notFound, reason: "no such file: /open-data lists the published ones")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: String(file.mediaType.split(separator: "/")[0]), subType: String(file.mediaType.split(separator: "/").last ?? ""),
                                            parameters: ["charset": "utf-8"])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"\(file.name)\"")
        // Frozen with the edition: it never changes, so caches may keep it.
        headers.add(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.add(name: .eTag, value: "\"\(file.sha256)\"")
        if request.headers.first(name: .ifNoneMatch) == "\"\(file.sha256)\"" { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(string: content))
    }
}
