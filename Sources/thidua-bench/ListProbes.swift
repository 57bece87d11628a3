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
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let other = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let session = Session(backend: store, today: store.context.today)
        session.prepareLists()
        let app = ThiDuaApp(session: session)
        _ = app.render(size: size)
        for _ in 0..<rounds { probeOpenPeople(app) ; probeClosePeople(app) }
        app.feed([.char("2")])
        _ = app.render(size: size)
        let people = store.dataset.people.values.map(\.id).sorted()
        for n in 0..<edits {
            try otherWriterRenames(other, people[n * 7919 % people.count], n)
            probePersonArrives(app)
        }
    }

    static func otherWriterRenames(_ other: DataStore, _ id: PersonID, _ n: Int) throws {
        guard var person = other.dataset.people[id] else { return }
        person.fullName = ["Nguyễn Văn An", "Đặng Thị Đào", "Lê Minh Châu"][n % 3]
        try other.commit(.updatePerson(person: person))
    }

    @inline(never) static func probeOpenPeople(_ app: ThiDuaApp) {
        app.feed([.char("2")])
        _ = app.render(size: size)
    }

    @inline(never) static func probeClosePeople(_ app: ThiDuaApp) {
        app.feed([.escape])
        _ = app.render(size: size)
    }

    /// What the app does four times a second: bring in the other program's line, update
    /// the open list, and draw.
    @inline(never) static func probePersonArrives(_ app: ThiDuaApp) {
        _ = app.idle()
        _ = app.render(size: size)
    }

    static let size = Size(width: 80, height: 24)
}
