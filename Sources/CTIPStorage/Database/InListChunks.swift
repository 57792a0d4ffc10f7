extension Array {
    /// The elements in groups small enough for one `IN (…)` list of bound values or one compound SELECT:
    /// SQLite allowed only 999 bound values per statement before 3.32 and allows 500 terms in a compound
    /// SELECT, and long lists plan badly on both engines.
    var inListChunks: [ArraySlice<Element>] {
        stride(from: 0, to: count, by: 250).map { self[$0..<Swift.min($0 + 250, count)] }
    }
}
