import CTIPStorage
import Fluent
import Metrics
import Prometheus
import Vapor

/// Settings the web application needs; tests build one directly.
public struct WebConfiguration: Sendable {
    public var database: DatabaseURL
    public var host: String
    public var port: Int
    public init(database: DatabaseURL, host: String = "127.0.0.1", port: Int = 8080) {
        self.database = database; self.host = host; self.port = port
    }
}

/// Process-wide metrics registry: swift-metrics can be bootstrapped only once per process.
public enum CTIPMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// Configures database, migrations, metrics and routes. Keeps no per-process state that several
/// `ctip serve` processes behind a load balancer could disagree about: everything lives in the database.
public func configure(_ app: Application, _ configuration: WebConfiguration) async throws {
    _ = CTIPMetrics.registry
    // At trace level Vapor logs every request head and body (addresses, browsers, what reporters
    // wrote) and the SQL with its values: never below debug.
    if app.logger.logLevel < .debug { app.logger.logLevel = .debug }
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    app.storage[DatabaseURLKey.self] = configuration.database
    configureDatabase(configuration.database, on: app.databases)
    try await migrate(app.databases, logger: app.logger, on: app.eventLoopGroup.any())
    app.middleware.use(SecurityHeadersMiddleware())
    try routes(app)
}

func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: MetricsController())
    try app.register(collection: HomeController())
    try app.register(collection: ReportController())
    try app.register(collection: HelpController())
    let hotline = try HotlineController(app: app)
    try app.register(collection: hotline)
    try app.register(collection: HotlineStaffController(gate: ClosedHotlineStaffGate(), hasher: hotline.hasher, writer: hotline.writer))
}

struct DatabaseURLKey: StorageKey { typealias Value = DatabaseURL }

extension Application {
    var databaseURL: DatabaseURL { storage[DatabaseURLKey.self]! }
}

/// Conservative headers on every response: no framing, no sniffing, no referrer leaks.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
        return response
    }
}
