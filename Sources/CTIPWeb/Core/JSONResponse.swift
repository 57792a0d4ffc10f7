import CTIPStorage
import Foundation
import Vapor

extension Response {
    /// JSON with snake_case keys, sorted, never cached: every staff API answer and error.
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponseStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}

extension Paging {
    /// The page a request asks for: `limit` (the default when absent) and `cursor`, whose key has `parts`
    /// parts (its form was checked against the list's pattern by `APIContractMiddleware`).
    static func request(_ request: Request, parts: Int) -> (limit: Int, after: PageCursor?) {
        let limit = min(max(request.query[Int.self, at: "limit"] ?? defaultLimit, 1), maximumLimit)
        return (limit, request.query[String.self, at: "cursor"].map { PageCursor(token: $0, parts: parts) })
    }
}

extension Response {
    /// A page of a list: the items as a JSON array and, when there are more, the next page's address in
    /// `Link: <…>; rel="next"` (RFC 8288), with every other parameter as it was asked.
    static func page<Item: Encodable>(_ page: Page<Item>, _ request: Request) throws -> Response {
        let response = try json(page.items)
        if let next = page.next {
            var components = URLComponents()
            components.path = request.url.path
            components.queryItems = (URLComponents(string: request.url.string)?.queryItems ?? []).filter { $0.name != "cursor" }
                + [URLQueryItem(name: "cursor", value: next.token)]
            response.headers.add(name: .link, value: "<\(components.string ?? request.url.path)>; rel=\"next\"")
        }
        return response
    }
}
