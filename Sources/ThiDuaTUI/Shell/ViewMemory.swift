import ThiDuaDomain

/// What screens remember between openings while the program runs (which khối the score grid
/// showed, in which mode). It lives in the session, not in a global, so two apps in one
/// process (the tests) never see each other's choices, and nothing of it is saved to disk.
public final class ViewMemory {
    /// The score grid's tab and self/appraised mode when it was last changed.
    var scoreGrid: ScoreGridMemory?

    public init() {}
}

struct ScoreGridMemory {
    var tab: ScoreGridModel.Tab
    var field: ScoreField
}
