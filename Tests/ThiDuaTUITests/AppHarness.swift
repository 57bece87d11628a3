import Foundation
import Testing
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore
import ThiDuaTestSupport
@testable import ThiDuaTUI

/// The whole program in-process over a real data folder in a temporary directory, with
/// a fixed clock (24/11/2026) and user, driven by key scripts and rendered to buffers.
final class AppHarness {
    /// A private temporary folder holding the data folder (with its own `documents/`).
    let root: String
    let folder: String
    let store: DataStore
    let app: ThiDuaApp

    /// `sample`: the sample commune before its award round (`PreRoundSample`); otherwise the
    /// plan's defaults with no units.
    init(sample: Bool = false, today: (Int, Int, Int) = (2026, 11, 24), telex: Bool = false,
         fileSystem: any FileSystem = PosixFileSystem()) throws {
        root = NSTemporaryDirectory() + "thidua-tui-\(UUID().uuidString)"
        folder = root + "/data"
        let defaults = try Defaults.dataset()
        let dataset = sample ? try PreRoundSample.build() : defaults
        try DataStore.initialize(folder: folder, with: dataset)
        let clock = FixedClock(year: today.0, month: today.1, day: today.2)
        store = try DataStore.open(folder: folder, clock: clock, identity: Identity(user: "hoa", host: "may-vhxh", pid: 4242),
                                   fileSystem: fileSystem)
        let session = Session(backend: store, today: store.context.today, telexEnabled: telex)
        app = ThiDuaApp(session: session)
        // Never a real printer from a test: without `lp` the PDF is saved in documents/.
        app.documentOutput = FileDocumentOutput(documentsFolder: session.documentsFolder,
                                                printer: LinePrinter(lp: nil, lpstat: nil))
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(atPath: root)
    }

    var data: Dataset { store.dataset }

    /// The folder as another program would read it now: journal replayed from disk.
    func reopened() throws -> Dataset {
        try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset
    }

    /// The status line (second-last row) at 80×24.
    var status: String { screen().lines()[22] }

    /// The whole 80×24 screen as one string.
    var all: String { text() }

    /// Feeds a key script (see `Key.script`).
    @discardableResult
    func keys(_ script: String) throws -> AppHarness {
        app.feed(try Key.script(script))
        return self
    }

    /// Types text as individual character keys.
    @discardableResult
    func type(_ text: String) -> AppHarness {
        app.feed(text.map { Key.char($0) })
        return self
    }

    func screen(_ width: Int = 80, _ height: Int = 24) -> Buffer {
        app.feed([.resize(Size(width: width, height: height))])
        return app.render(size: Size(width: width, height: height))
    }

    func text(_ width: Int = 80, _ height: Int = 24) -> String {
        screen(width, height).lines().joined(separator: "\n")
    }
}
