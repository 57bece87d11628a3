import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The home screen drawn while the folder is read is the one the app then draws over the
/// complete data: the partial data lacks only what the home screen does not show.
@Suite struct FirstScreenPreviewTests {
    @Test(arguments: [(2026, 11, 24), (2025, 6, 1), (2031, 1, 10)])
    func thePreviewIsTheAppsFirstScreen(today: (Int, Int, Int)) throws {
        let h = try AppHarness(sample: true, today: today)
        try h.store.close()
        let clock = FixedClock(year: today.0, month: today.1, day: today.2)
        let day = ChangeContext(clock: clock, user: "hoa").today
        var previews: [Buffer] = []
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let store = try DataStore.open(folder: h.folder, options: .init(createIfMissing: false), clock: clock,
                                           identity: Identity(user: "hoa", host: "may-vhxh", pid: 4242),
                                           firstScreen: FirstScreenPreview.opening(folder: h.folder, today: day) { screen in
                previews.append(screen(size))
            })
            defer { try? store.close() }
            try #require(previews.count == 1, "drawn once, at \(size)")
            let app = ThiDuaApp(session: Session(backend: store, today: day))
            #expect(previews[0].lines() == app.render(size: size).lines())
            previews.removeAll()
        }
    }
}
