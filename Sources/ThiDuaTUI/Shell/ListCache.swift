import Dispatch
import ThiDuaDomain

/// The orders and search indexes of the long lists, kept for the whole session rather than
/// built by every screen that opens (100,000 people take a third of a second to sort and
/// index; a key must redraw within a frame). Each is keyed to the journal position it was
/// built from and brought up to the data's position from the records changed since
/// (`DataView.recordsTouched`); where those cannot be told (a restore, a khối changed) it is
/// built anew.
final class ListCache {
    private var peopleOrder: PeopleOrder?
    private var peopleBuild: Prebuild<PeopleOrder>?
    /// How many times the people were sorted and indexed from scratch (tests check that
    /// edits do not).
    private(set) var peopleBuilds = 0
    private var unitOrder: UnitOrder?
    private var unitBuild: Prebuild<UnitOrder>?
    private(set) var unitBuilds = 0
    /// Set when a screen found the lists not ready (`isReady`) and showed that they are being
    /// sorted; the app then looks often and tells the screens once they are (`finishedWhileWaited`).
    private(set) var isWaitedOn = false

    /// Starts sorting and indexing the people on another thread, right after the folder
    /// opens, so the first people list opens at once. `gate`, for tests, holds the people's
    /// build until it is signalled.
    func prepare(_ view: any DataView, gate: DispatchSemaphore? = nil) {
        guard peopleOrder == nil, peopleBuild == nil else { return }
        let data = view.dataset, seq = view.appliedSeq
        peopleBuild = Prebuild {
            gate?.wait()
            return PeopleOrder(data: data, seq: seq)
        }
        if unitOrder == nil, unitBuild == nil { unitBuild = Prebuild { UnitOrder(data: data, seq: seq) } }
    }

    /// Whether `people(_:)` and `units(_:)` answer without waiting for the build `prepare`
    /// started on another thread. When not, a screen shows that the list is being sorted
    /// (never a part of it as if it were all), and is told through `dataChanged` once done.
    func isReady() -> Bool {
        let ready = isBuilt
        if !ready { isWaitedOn = true }
        return ready
    }

    private var isBuilt: Bool {
        !(peopleOrder == nil && peopleBuild?.isDone == false) && !(unitOrder == nil && unitBuild?.isDone == false)
    }

    /// True once when the lists a screen found not ready are ready: the app then tells every
    /// screen (`ThiDuaApp.idle`).
    func finishedWhileWaited() -> Bool {
        guard isWaitedOn, isBuilt else { return false }
        isWaitedOn = false
        return true
    }

    /// The people as `view` has them now. The caller should not keep a copy across a change:
    /// bringing this one up to date would then copy every array.
    func people(_ view: any DataView) -> PeopleOrder {
        Self.current(&peopleOrder, building: &peopleBuild, builds: &peopleBuilds, view: view)
    }

    /// The units as `view` has them now; the same care as `people(_:)`.
    func units(_ view: any DataView) -> UnitOrder {
        Self.current(&unitOrder, building: &unitBuild, builds: &unitBuilds, view: view)
    }

    /// `order` as `view` has it now: the build started by `prepare` waited for if it is still
    /// running, then brought up to date from the records touched since, or built anew.
    private static func current<Order: SlotKeptOrder>(_ order: inout Order?, building: inout Prebuild<Order>?,
                                                      builds: inout Int, view: any DataView) -> Order {
        if order == nil, let pending = building {
            order = pending.wait()
            building = nil
            builds += 1
        }
        let seq = view.appliedSeq
        if order != nil, order!.seq != seq {
            let touched = view.recordsTouched(after: order!.seq)
            if touched == nil || !order!.absorb(touched!, data: view.dataset, seq: seq) { order = nil }
        }
        if let order { return order }
        let built = Order(data: view.dataset, seq: seq)
        order = built
        builds += 1
        return built
    }
}
