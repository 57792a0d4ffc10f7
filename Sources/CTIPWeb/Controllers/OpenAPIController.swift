import CTIPCore
import Foundation
import Vapor

/// `/openapi.json`: the JSON API as an OpenAPI 3.1 document, built from `APIContract` (the same table
/// `APIContractMiddleware` holds every request to); and `/api/docs`, the same for people, in English or
/// Japanese, without JavaScript.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .cacheControl, value: "public, max-age=300")
            return Response(status: .ok, headers: headers, body: .init(data: APIDocument.built.json))
        })
        routes.get("api", "docs", use: { request in
            let language = request.preferredLanguage
            return HomeController.html(APIDocsPage.rendered[language] ?? APIDocsPage.render(language: language), language: language.rawValue)
        })
    }
}
