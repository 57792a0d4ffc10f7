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
    /// Seals identity, contact and whereabouts; without it case work refuses personal details.
    public var cipher: FieldCipher?
    /// bcrypt's cost for new passwords (12 in production; tests lower it to stay fast).
    public var passwordCost: Int
    /// Mark session cookies `Secure`: set when CTIP is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool
    /// The clock, so tests can control session expiry and lock-out, and the times pages show.
    public var now: @Sendable () -> Date
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`); from any other
    /// peer the header is ignored, so a client cannot choose the address it is counted under.
    public var trustedProxies: [String]

    public init(database: DatabaseURL, host: String = "127.0.0.1", port: Int = 8080, cipher: FieldCipher? = nil,
                passwordCost: Int = 12, secureCookies: Bool = false, trustedProxies: [String] = [],
                now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database; self.host = host; self.port = port; self.cipher = cipher
        self.passwordCost = passwordCost; self.secureCookies = secureCookies; self.trustedProxies = trustedProxies; self.now = now
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
    app.storage[WebConfigurationKey.self] = configuration
    configureDatabase(configuration.database, on: app.databases)
    try await migrate(app.databases, logger: app.logger, on: app.eventLoopGroup.any())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(StorageOutageMiddleware(database: configuration.database))
    app.middleware.use(StaffErrorMiddleware())
    try routes(app)
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes))
}

func routes(_ app: Application) throws {
    // Every operation of the JSON API is held to its document (`APIContract`) by `APIContractMiddleware`,
    // after the caller is known.
    let contract = app.grouped(APIContractMiddleware())
    try contract.register(collection: HealthController())
    try app.register(collection: MetricsController())
    try app.register(collection: HomeController())
    try app.register(collection: StatisticsController())
    try app.register(collection: OpenDataController())
    try app.register(collection: AssetController())
    try contract.register(collection: ReportController())
    try contract.register(collection: HelpController())
    let staff = app.grouped(StaffAuthenticationMiddleware(), APIContractMiddleware())
    let hotline = try HotlineController(app: app)
    try staff.register(collection: LoginController(hasher: hotline.hasher))
    try staff.register(collection: VictimFileController())
    try staff.register(collection: CriminalCaseController())
    try staff.register(collection: ScreeningController())
    try staff.register(collection: AuditController())
    try staff.register(collection: DirectoryAdminController())
    try staff.register(collection: AccountAdminController())
    try staff.register(collection: OversightController())
    try staff.register(collection: MeasuresController())
    try staff.register(collection: AnnualReportController())
    try staff.register(collection: HotlineStaffController(gate: AccountHotlineStaffGate(), hasher: hotline.hasher, writer: hotline.writer,
                                                          now: app.ctipConfiguration.now))
    try app.register(collection: OpenAPIController())
    try app.register(collection: hotline)
}

struct DatabaseURLKey: StorageKey { typealias Value = DatabaseURL }
struct WebConfigurationKey: StorageKey { typealias Value = WebConfiguration }

extension Application {
    var databaseURL: DatabaseURL { storage[DatabaseURLKey.self]! }
    var ctipConfiguration: WebConfiguration { storage[WebConfigurationKey.self]! }
}

/// Conservative headers on every response: no framing, no sniffing, no referrer leaks.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: ContentSecurityPolicy.standard)
        }
        return response
    }
}
