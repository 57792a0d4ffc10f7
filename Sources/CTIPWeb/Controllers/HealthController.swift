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
        let healthy = await databaseAnswers(request.db)
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(Health(status: healthy ? "ok" : "unavailable", database: healthy ? engine : "unreachable"))
        return response
    }
}

func databaseAnswers(_ database: any Database) async -> Bool {
    do {
        _ = try await database.sql.raw("SELECT 1 AS one").first()
        return true
    } catch {
        return false
    }
}
