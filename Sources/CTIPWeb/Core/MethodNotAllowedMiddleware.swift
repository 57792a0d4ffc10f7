import Vapor

/// A path CTIP serves, asked with a method it does not serve there (`TRACE /api/victims`), answers
/// `405 Method Not Allowed` with `Allow` — not 404, which would say the path does not exist — and
/// `OPTIONS` answers `204` with `Allow`. Built once from the registered routes.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// Written only while the middleware is made, read-only afterwards.
    nonisolated(unsafe) let router: TrieRouter<Set<String>>

    init(routes: Routes) {
        var methods: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes.all {
            let key = route.path.map(\.description).joined(separator: "/")
            methods[key, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let router = TrieRouter(Set<String>.self)
        // The home page ("/") has no components to register: it keeps Vapor's 404 for other methods.
        for (_, entry) in methods where !entry.path.isEmpty {
            var allowed = entry.methods
            if allowed.contains("GET") { allowed.insert("HEAD") }
            allowed.insert("OPTIONS")
            router.register(allowed, at: entry.path)
        }
        self.router = router
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var parameters = Parameters()
        let path = request.url.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard let allowed = router.route(path: path, parameters: &parameters), !allowed.contains(request.method.rawValue) || request.method == .OPTIONS
        else { return try await next.respond(to: request) }
        let allow = allowed.sorted().joined(separator: ", ")
        if request.method == .OPTIONS { return Response(status: .noContent, headers: ["Allow": allow]) }
        var headers: HTTPHeaders = ["Allow": allow, "Cache-Control": "no-store"]
        headers.contentType = .json
        let body = (try? JSONSerialization.data(withJSONObject: ["error": "\(request.method.rawValue) is not allowed here; allowed: \(allow)"],
                                                options: [.sortedKeys])) ?? Data()
        return Response(status: .methodNotAllowed, headers: headers, body: .init(data: body))
    }
}
