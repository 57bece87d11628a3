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
    /// This program's entry in `sessions/` when it joined them (`joinSessions`).
    let sessionHandle: SessionHandle?
    /// Whether this harness made `root` (and removes it at the end).
    private let ownsRoot: Bool

    /// `sample`: the sample commune before its award round (`PreRoundSample`); otherwise the
    /// plan's defaults with no units. `beside`: a second program on that harness's folder
    /// (nothing is initialised), as `user` on `host`. `joinSessions`: the program joins
    /// `sessions/` as `thidua open` does, and looks for the others at every idle.
    init(sample: Bool = false, today: (Int, Int, Int) = (2026, 11, 24), telex: Bool = false,
         fileSystem: any FileSystem = PosixFileSystem(), beside other: AppHarness? = nil,
         user: String = "hoa", host: String = "may-vhxh", joinSessions: Bool = false) throws {
        if let other {
            root = other.root
            folder = other.folder
        } else {
            root = NSTemporaryDirectory() + "thidua-tui-\(UUID().uuidString)"
            folder = root + "/data"
            let defaults = try Defaults.dataset()
            let dataset = sample ? try PreRoundSample.build() : defaults
            try DataStore.initialize(folder: folder, with: dataset)
        }
        ownsRoot = other == nil
        let clock = FixedClock(year: today.0, month: today.1, day: today.2)
        let identity = Identity(user: user, host: host, pid: other == nil ? 4242 : 4243)
        store = try DataStore.open(folder: folder, clock: clock, identity: identity, fileSystem: fileSystem)
        sessionHandle = joinSessions
            ? try SessionRegistry.join(folder: folder, identity: identity, screen: HomeScreen.screenTitle, clock: clock) : nil
        let session = Session(backend: store, today: store.context.today, telexEnabled: telex,
                              presence: sessionHandle.map { Presence(handle: $0, interval: .zero) })
        app = ThiDuaApp(session: session)
        // Never a real printer from a test: without `lp` the PDF is saved in documents/.
        app.documentOutput = FileDocumentOutput(documentsFolder: session.documentsFolder,
                                                printer: LinePrinter(lp: nil, lpstat: nil))
    }

    deinit {
        sessionHandle?.leave()
        try? store.close()
        if ownsRoot { try? FileManager.default.removeItem(atPath: root) }
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
