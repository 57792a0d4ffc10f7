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
    /// parts; a cursor CTIP did not make is a 400 naming it.
    static func request(_ request: Request, parts: Int) throws -> (limit: Int, after: PageCursor?) {
        let limit = min(max(request.query[Int.self, at: "limit"] ?? defaultLimit, 1), maximumLimit)
        guard let token = request.query[String.self, at: "cursor"] else { return (limit, nil) }
        guard let cursor = PageCursor(token: token, parts: parts) else {
            throw APIError(error: "cursor: not a cursor of this list; pass the one from the `Link` header as it is", field: "cursor")
        }
        return (limit, cursor)
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
