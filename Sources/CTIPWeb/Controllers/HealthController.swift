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
    }

    /// 200 when the database answers, 503 otherwise (load balancers take the instance out).
    func health(request: Request) async throws -> Response {
        let engine = request.application.databaseURL.engineName
        let healthy = await databaseAnswers(request)
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(Health(status: healthy ? "ok" : "unavailable", database: healthy ? engine : "unreachable"))
        return response
    }
}

/// Whether the database answers a trivial query; false too when no database is configured any more.
func databaseAnswers(_ request: Request) async -> Bool {
    guard let database = request.application.databases.database(logger: request.logger, on: request.eventLoop) else { return false }
    do {
        _ = try await database.sql.raw("SELECT 1 AS one").first()
        return true
    } catch {
        return false
    }
}
