import NIOConcurrencyHelpers
import SQLKit

extension SQLDatabase {
    /// Runs `query` and folds each row into a state as the row arrives, so decoding overlaps the
    /// database's work instead of following it (and the rows are never all held at once). The first
    /// error `step` throws ends the folding and is thrown here when the statement is done.
    func fold<State: Sendable>(
        _ query: SQLQueryString, into initial: State, _ step: @escaping @Sendable (inout State, any SQLRow) throws -> Void
    ) async throws -> State {
        // Rows arrive one after another; the lock only hands the state over between threads.
        let box = NIOLockedValueBox<(state: State, error: (any Error)?)>((initial, nil))
        try await raw(query).run { row in
            box.withLockedValue { folded in
                guard folded.error == nil else { return }
                do { try step(&folded.state, row) } catch { folded.error = error }
            }
        }
        let (state, error) = box.withLockedValue { $0 }
        if let error { throw error }
        return state
    }
}
