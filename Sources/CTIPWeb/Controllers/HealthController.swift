import CTIPStorage
import Fluent
import Vapor

struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    struct Health: Content {
        let status: String
        let database: String
        /// Why the database is unavailable, when it is.
        let error: String?
    }

    /// 200 when the database answers, 503 otherwise (load balancers take the instance out).
    func health(request: Request) async throws -> Response {
        let url = request.application.databaseURL
        let problem = await databaseProblem(request)
        let response = Response(status: problem == nil ? .ok : .serviceUnavailable)
        response.headers.add(name: .cacheControl, value: "no-store")
        if problem != nil { response.headers.add(name: .retryAfter, value: "5") }
        try response.content.encode(Health(status: problem == nil ? "ok" : "unavailable", database: problem == nil ? url.engineName : "unreachable",
                                           error: problem))
        return response
    }
}

/// Nil when the database answers a trivial query; otherwise what is wrong, in words.
func databaseProblem(_ request: Request) async -> String? {
    let url = request.application.databaseURL
    guard let database = request.application.databases.database(logger: request.logger, on: request.eventLoop) else {
        return "no database is configured"
    }
    do {
        _ = try await database.sql.raw("SELECT 1 AS one").first()
        return nil
    } catch {
        return (StorageOutage.classify(error, database: url) ?? StorageOutage(cause: .unreachable, location: url.description)).publicDescription
    }
}
