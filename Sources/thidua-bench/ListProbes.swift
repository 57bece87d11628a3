import Foundation
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// The people list under callgrind (see KeyProbes): opening it from home and closing it
/// again, and another program's edit of one person arriving while it is open. Each measured
/// step is its own function that is never inlined, for `--toggle-collect='*probe…*'`.
enum ListProbes {
    /// `rounds` openings (the first one right after the folder opens, with the lists being
    /// prepared on another thread as `thidua` does), then `edits` renames by another writer.
    static func peopleList(folder: String, rounds: Int, edits: Int) throws {
        // Not closed: see KeyProbes.
        let (store, other, app) = try started(folder: folder)
        for _ in 0..<rounds { probeOpenPeople(app) ; probeCloseList(app) }
        app.feed([.char("2")])
        _ = app.render(size: size)
        let people = store.dataset.people.values.map(\.id).sorted()
        for n in 0..<edits {
            try otherWriterRenames(other, the: n, of: people)
            probePersonArrives(app)
        }
    }

    /// How many times a list-like screen is opened in a scenario: at least 300, so the p99 is
    /// not the single slowest opening.
    static func rounds(runs: Int) -> Int { max(300, runs * 40) }

    /// The program started as `started` starts it, given to `body`; both stores closed after.
    static func whileStarted(folder: String, _ body: (DataStore, DataStore, ThiDuaApp) throws -> Void) throws {
        let (store, other, app) = try started(folder: folder)
        defer {
            try? store.close()
            try? other.close()
        }
        try body(store, other, app)
    }

    /// `other` renames `rounds` people one at a time; each arrival in `app` (the line read, the
    /// screen brought up to date and drawn) is timed. The other program's commit is its time,
    /// not this one's.
    static func arrivals(in app: ThiDuaApp, of store: DataStore, from other: DataStore, rounds: Int, size: Size) throws -> Timing {
        let people = store.dataset.people.values.map(\.id).sorted()
        var arrivals: [Double] = []
        for n in 0..<rounds {
            try otherWriterRenames(other, the: n, of: people)
            arrivals.append(Measure.milliseconds {
                _ = app.idle()
                _ = app.render(size: size)
            })
        }
        return Timing(samples: arrivals)
    }

    /// The program as `thidua` starts it on `folder` (the lists being prepared on another
    /// thread while the home screen is drawn), and a second store on the folder to write as
    /// another program.
    static func started(folder: String) throws -> (store: DataStore, other: DataStore, app: ThiDuaApp) {
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let other = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let session = Session(backend: store, today: store.context.today)
        session.prepareLists()
        let app = ThiDuaApp(session: session)
        _ = app.render(size: size)
        return (store, other, app)
    }

    /// `other` renames the `n`th person of a scenario, picked across all of `people` (in id
    /// order) in steps of a large prime.
    static func otherWriterRenames(_ other: DataStore, the n: Int, of people: [PersonID]) throws {
        guard var person = other.dataset.people[people[n * 7919 % people.count]] else { return }
        person.fullName = ["Nguyễn Văn An", "Đặng Thị Đào", "Lê Minh Châu"][n % 3]
        try other.commit(.updatePerson(person: person))
    }

    @inline(never) static func probeOpenPeople(_ app: ThiDuaApp) {
        app.feed([.char("2")])
        _ = app.render(size: size)
    }

    @inline(never) static func probeCloseList(_ app: ThiDuaApp) {
        app.feed([.escape])
        _ = app.render(size: size)
    }

    /// What the app does four times a second: bring in the other program's line, update
    /// the open list, and draw.
    @inline(never) static func probePersonArrives(_ app: ThiDuaApp) {
        _ = app.idle()
        _ = app.render(size: size)
    }

    /// The same for the unit list (key `1`): `rounds` openings, then `edits` units renamed
    /// by another writer while it is open.
    static func unitList(folder: String, rounds: Int, edits: Int) throws {
        let (store, other, app) = try started(folder: folder)
        for _ in 0..<rounds { probeOpenUnits(app); probeCloseList(app) }
        app.feed([.char("1")])
        _ = app.render(size: size)
        let units = store.dataset.units.values.map(\.id).sorted()
        for n in 0..<edits {
            guard var unit = other.dataset.units[units[n * 7919 % units.count]] else { continue }
            unit.name = ["Thôn Ao Sen", "Tổ dân phố Đồng Tâm", "Chi hội Nông dân Bắc Sơn"][n % 3]
            try other.commit(.updateUnit(unit: unit))
            probeUnitArrives(app)
        }
    }

    @inline(never) static func probeOpenUnits(_ app: ThiDuaApp) {
        app.feed([.char("1")])
        _ = app.render(size: size)
    }

    /// Not the same code as the person's probe, or the linker folds the two into one.
    @inline(never) static func probeUnitArrives(_ app: ThiDuaApp) {
        _ = app.idle()
        _ = app.render(size: Size(width: 80, height: 24))
    }

    static let size = Size(width: 80, height: 24)
}
