import ThiDuaDomain
import ThiDuaStore

/// The home screen drawn while the folder is still being read (`DataStore.FirstScreen`), from
/// data that lacks only the score sheets of other years than the working one, which the home
/// screen does not show. It is drawn once and never takes a key: the app proper, over the
/// complete data, replaces it as soon as the folder is open.
public enum FirstScreenPreview {
    /// What `DataStore.open` needs to call `draw` with the home screen of `today`'s working
    /// year, to be laid out at a size `draw` chooses (a terminal knows its size once started).
    public static func opening(folder: String, today: CalendarDate,
                               draw: @escaping (_ screen: (Size) -> Buffer) -> Void) -> DataStore.FirstScreen {
        DataStore.FirstScreen(year: { Session.workingYear($0, today: today) }) { partial in
            draw { size in homeScreen(partial, folder: folder, today: today, size: size) }
        }
    }

    /// The home screen over `partial`, as the app would draw it first.
    public static func homeScreen(_ partial: Dataset, folder: String, today: CalendarDate, size: Size) -> Buffer {
        let app = ThiDuaApp(session: Session(backend: PartialData(partial, folder: folder), today: today))
        return app.render(size: size)
    }

    /// The data read so far, seen by that one screen; it can change nothing.
    private final class PartialData: DataBackend {
        let dataset: Dataset
        let folder: String
        init(_ dataset: Dataset, folder: String) {
            self.dataset = dataset
            self.folder = folder
        }

        var readOnlyHolder: String? { nil }
        var context: ChangeContext { ChangeContext(user: "") }
        var appliedSeq: Int { 0 }

        func commit(_ change: Change, base: Int?) throws(CommitError) -> AppliedChange {
            throw CommitError.readOnly(holder: "Đang mở thư mục dữ liệu.")
        }

        func refresh() throws(StoreFailure) -> [AuditEntry] { [] }

        /// Nothing is ever written here: what changed is unknown, so a screen rebuilds.
        func recordsTouched(after seq: Int) -> Set<RecordRef>? { nil }

        func auditTrail() throws(StoreFailure) -> AuditTrail { throw StoreFailure("Đang mở thư mục dữ liệu.") }
    }
}
