import FluentPostgresDriver
import NIOConcurrencyHelpers
import SQLKit

/// A row of one statement, decoded by position from PostgreSQL's rows in a reading session and by
/// column name from every other row.
protocol FoldedRow: Sendable {
    init(_ row: any SQLRow) throws
    init(_ row: PostgresRow) throws
}

extension SQLDatabase {
    /// Runs `query` and folds each row into a state as the row arrives, so decoding overlaps the
    /// database's work instead of following it (and the rows are never all held at once). The first
    /// error `step` throws ends the folding and is thrown here when the statement is done.
    func fold<Row: FoldedRow, State: Sendable>(
        _ query: SQLQueryString, into initial: State, _ step: @escaping @Sendable (inout State, Row) throws -> Void
    ) async throws -> State {
        if let session = self as? PostgresReadingSession {
            return try await session.fold(query, into: initial, step)
        }
        // Rows arrive one after another; the lock only hands the state over between threads.
        let box = NIOLockedValueBox<(state: State, error: (any Error)?)>((initial, nil))
        try await raw(query).run { row in
            box.withLockedValue { folded in
                guard folded.error == nil else { return }
                do { try step(&folded.state, try Row(row)) } catch { folded.error = error }
            }
        }
        let (state, error) = box.withLockedValue { $0 }
        if let error { throw error }
        return state
    }
}

/// A PostgreSQL row's cells read in order, each decoded as the type asked for. (PostgresNIO's variadic
/// `decode` looks up type metadata for every cell at run time: a quarter of the report's own time.)
struct PostgresCells {
    private var cells: PostgresRow.Iterator
    private var position = 0

    init(_ row: PostgresRow) { cells = row.makeIterator() }

    mutating func next<Value: PostgresDecodable>(_: Value.Type = Value.self) throws -> Value {
        position += 1
        guard let cell = cells.next() else { throw StorageError.corruptValue(column: "#\(position)", value: "no such column") }
        return try cell.decode(Value.self)
    }
}

extension PostgresReadingSession {
    /// The same statement sent through PostgresNIO, its rows read in turn from the connection.
    fileprivate func fold<Row: FoldedRow, State>(
        _ query: SQLQueryString, into initial: State, _ step: (inout State, Row) throws -> Void
    ) async throws -> State {
        let (text, binds) = serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else {
                throw StorageError.unsupportedBind(String(describing: type(of: bind)))
            }
            try bindings.append(value)
        }
        var state = initial
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: logger) {
            try step(&state, try Row(row))
        }
        return state
    }
}
