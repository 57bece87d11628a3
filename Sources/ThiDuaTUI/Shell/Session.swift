import ThiDuaDomain
import ThiDuaOutput
import ThiDuaStore

/// State every screen shares: the data, today's date, the Telex switch and the undo
/// history of this session. Screens read it; only the app changes it, except `memory`,
/// where screens keep their own view choices.
///
/// The data folder itself is private to this file: screens see it as a read-only `view`,
/// and the app reaches the store through `ThiDuaApp.store` below, so a change can only be
/// asked for (`ScreenAction.commit`), never made by a screen.
public final class Session {
    fileprivate let backend: any DataBackend
    /// The data and where it stands, read-only.
    public var view: any DataView { backend }
    public let today: CalendarDate
    /// Built-in Telex typing in text fields (for terminals without an input method).
    public internal(set) var telexEnabled: Bool
    /// Changes this session made, newest last: `u` undoes the last one.
    public internal(set) var undoStack: [UndoStep] = []
    /// Undone changes, newest last: Ctrl-R redoes the last one.
    public internal(set) var redoStack: [UndoStep] = []
    /// View choices screens keep between openings (the grid's khối and mode); screens write it.
    public let memory = ViewMemory()
    /// Who else works in the folder; nil when this program did not join its sessions.
    public let presence: Presence?
    /// The long lists' orders and search indexes, kept between screens (see `ListCache`).
    let lists = ListCache()

    public init(backend: any DataBackend, today: CalendarDate, telexEnabled: Bool = false, presence: Presence? = nil) {
        self.backend = backend
        self.today = today
        self.telexEnabled = telexEnabled
        self.presence = presence
    }

    public var data: Dataset { backend.dataset }

    /// Starts sorting and indexing the long lists on another thread, so that the first
    /// opening of one does not wait; the program calls it once the folder is open.
    public func prepareLists() { lists.prepare(backend) }
    /// What every change is checked with, for a dry run or a plan of many changes.
    public var context: ChangeContext { backend.context }
    /// The journal position the data holds (what an edit started now is based on).
    public var appliedSeq: Int { backend.appliedSeq }
    /// Who holds the folder when this copy is read-only.
    public var readOnlyHolder: String? { backend.readOnlyHolder }
    /// Where documents are saved unless the user types another path.
    public var documentsFolder: String { DocumentFolders.default(forDataFolder: backend.folder) }
    /// The folder the last document of this session was saved in, so the next save starts there.
    public internal(set) var lastSaveFolder: String?
    /// Where the save dialog starts: the last folder saved in, else the documents folder.
    public var saveFolder: String { lastSaveFolder ?? documentsFolder }
    public var isReadOnly: Bool { readOnlyHolder != nil }
    /// The working year: this calendar year, kept inside the movement's phase.
    public var year: Int { Self.workingYear(data.settings, today: today) }

    /// The working year under `settings` on `today` (also for the first screen, drawn before
    /// there is a session).
    public static func workingYear(_ settings: Settings, today: CalendarDate) -> Int {
        let phase = settings.phaseYears
        return min(max(today.year, phase.lowerBound), phase.upperBound)
    }

    /// The transform text fields use: Telex or VNI composition in the configured tone style,
    /// or nil to insert characters as typed.
    public var inputTransform: TextField.InputTransform? {
        guard telexEnabled else { return nil }
        let composer = TelexComposer(toneStyle: data.settings.telexToneStyle == .new ? .new : .old,
                                     method: data.settings.typingMethod)
        return { typed, before, kept in composer.apply(typed, to: before, keeping: kept) }
    }
}

/// One undoable edit of this session: what was done and how to take it back.
public struct UndoStep: Sendable {
    public var change: Change
    public var inverse: Change
    public var summary: String
    /// The journal position just after `change` was written: undoing it is refused if someone
    /// else has replaced what it touched since.
    public var seq: Int
}

extension ThiDuaApp {
    /// The one way to the data folder: the app's, for running effects.
    var store: any DataBackend { session.backend }
}
