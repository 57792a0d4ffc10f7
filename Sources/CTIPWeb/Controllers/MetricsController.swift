import CTIPStorage
import Metrics
import Vapor

/// Prometheus text format: Vapor's request counters and latency timers (`http_requests_total`,
/// `http_request_duration_seconds`), plus the database's reachability and pool size.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    func metrics(request: Request) async throws -> Response {
        let started = ContinuousClock.now
        let up = await databaseProblem(request) == nil
        Gauge(label: "ctip_database_up").record(up ? 1 : 0)
        Timer(label: "ctip_database_ping_seconds").recordInterval(since: started)
        let poolSize: Int
        switch request.application.databaseURL {
        case .sqlite: poolSize = 1 * System.coreCount
        case .postgres: poolSize = 4 * System.coreCount
        }
        Gauge(label: "ctip_database_pool_max_connections").record(poolSize)
        var buffer: [UInt8] = []
        CTIPMetrics.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}

extension Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(Int64(elapsed.components.seconds) * 1_000_000_000 + Int64(elapsed.components.attoseconds / 1_000_000_000))
    }
}
