import Vapor

/// `/assets/ctip.<hash>.css`: the one stylesheet, named by its content, so browsers keep it for a
/// year without asking again. Any other name — an old hash after a release included — is 404.
struct AssetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", ":file", use: asset)
    }

    func asset(request: Request) async throws -> Response {
        guard request.parameters.get("file") == Stylesheet.fileName else { throw Abort(.notFound) }
        let etag = "\"\(Stylesheet.hash)\""
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.add(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.add(name: .eTag, value: etag)
        if request.headers.first(name: .ifNoneMatch) == etag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}
