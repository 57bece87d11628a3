import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// The whole program as a `TerminalApp`: a stack of screens (home at the bottom), the
/// modal on top (dialog, help, palette), the undo history and the Telex switch.
///
/// `update` only changes memory and returns `Effect`s; `perform` runs them against
/// the data folder and hands each result to the screen that asked, as its own message
/// (`Delivery`); what that screen asks for next comes back from `perform` as more effects.
public final class ThiDuaApp: TerminalApp {
    /// The I/O the app runs, each with where its result goes.
    public enum Effect {
        /// Make a change durable. `origin` says which session step it replays, if any; `base`
        /// is the journal position of what the user saw (see `base(for:)`).
        case commit(Change, origin: CommitOrigin, base: Int?, deliver: Delivery<CommitResult>)
        case planImport(CSVImport.Table, path: String, duplicates: CSVImport.DuplicateChoices,
                        deliver: Delivery<Result<CSVImport.Plan, ImportFailure>>)
        case loadAuditTrail(deliver: Delivery<Result<AuditTrail, StoreFailure>>)
        case loadPlanDefaults(deliver: Delivery<Result<Dataset, StoreError>>)
        case saveDocument(DocumentSaveJob, deliver: Delivery<Result<SavedDocument, DocumentOutputError>>)
        case printDocument(DocumentPrintJob, deliver: Delivery<Result<PrintOutcome, DocumentOutputError>>)
        case printCertificates(CertificatePrintJob, deliver: Delivery<Result<PrintOutcome, DocumentOutputError>>)
        case quit
    }

    /// Where an effect's result goes: the screen that asked (nil: the app itself, for undo and
    /// redo), which reads it as one of its messages; `send` returns what it asks for next.
    public struct Delivery<Value> {
        public let screen: (any Screen)?
        let send: (Value) -> [Effect]
    }

    public enum CommitOrigin {
        case edit
        case undo(UndoStep)
        case redo(UndoStep)
    }

    enum Modal {
        /// A screen's question; `answer` hands the chosen button to it.
        case dialog(Dialog, answer: (Int?) -> [Effect])
        case quitConfirm(Dialog)
        case help(Pager)
        case palette(CommandPalette)
    }

    public let session: Session
    public private(set) var registry: CommandRegistry
    public private(set) var stack: [any Screen]
    var modal: Modal?
    /// Status-line message; cleared by the next key.
    public private(set) var message = ""
    public private(set) var wantsQuit = false
    /// Last size seen (from a resize key or a render).
    public private(set) var size = Size.minimum
    /// Saves and prints documents; tests put a fake here.
    public var documentOutput: any DocumentOutput
    /// For each open form (a screen that `changesData`), the journal position when it opened:
    /// what its fields show. Keyed by the screen's identity while it is on the stack.
    private var openedAt: [ObjectIdentifier: Int] = [:]
    /// For each screen told of a conflict, the position it was told at: saving again then
    /// replaces the other person's edit knowingly.
    private var toldAt: [ObjectIdentifier: Int] = [:]
    /// For each screen opened with `present`, how its answer reaches the screen that opened it.
    private var openers: [ObjectIdentifier: (Any) -> [Effect]] = [:]

    public init(session: Session, home: any Screen, commands: [Command]) {
        self.session = session
        self.documentOutput = FileDocumentOutput(documentsFolder: session.documentsFolder)
        self.stack = [home]
        self.registry = CommandRegistry(AppCommands.all + commands)
        if let holder = session.readOnlyHolder {
            message = "Chỉ đọc: \(holder). Mọi thay đổi sẽ không được ghi."
        }
    }

    public var top: any Screen { stack[stack.count - 1] }

    // MARK: Keys

    public func update(_ key: Key) -> [Effect] {
        defer { settle() }
        if case .resize(let newSize) = key {
            size = newSize
            return []
        }
        message = ""
        if modal != nil { return updateModal(key) }
        let screen = top
        if screen.isEditingText, Self.isTextEditingKey(key) {
            return handle(key, on: screen) ?? []
        }
        let command = registry.resolve(key, in: screen.context)
        if let command {
            return run(command, key: key)
        }
        if let effects = handle(key, on: screen) {
            return effects
        }
        if key == .escape, stack.count > 1 { return back() }
        return []
    }

    /// Whether the top screen takes `key` itself, past the registry (the keymap test's probe).
    func takes(_ key: Key) -> Bool {
        handle(key, on: top) != nil
    }

    /// The key, for `screen` (opened from its existential, so its actions keep their type).
    private func handle<S: Screen>(_ key: Key, on screen: S) -> [Effect]? {
        screen.handle(key, session: session).map { apply($0, from: screen) }
    }

    private func run<S: Screen>(_ command: Command, on screen: S) -> [Effect] {
        apply(screen.run(command, session: session), from: screen)
    }

    private func opened<S: Screen>(_ screen: S) -> [Effect] {
        apply(screen.opened(session: session), from: screen)
    }

    private func afterDataChange<S: Screen>(_ screen: S) -> [Effect] {
        apply(screen.actionsAfterDataChange(session: session), from: screen)
    }

    /// Keys a focused text field owns before any command sees them.
    static func isTextEditingKey(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("u"):
            return true
        default:
            return false
        }
    }

    private func run(_ command: Command, key: Key?) -> [Effect] {
        guard let own = AppCommand(command) else { return run(command, on: top) }
        switch own {
        case .help:
            openHelp()
        case .palette:
            var palette = CommandPalette(registry: registry, context: top.context)
            palette.setInputTransform(session.inputTransform)
            modal = .palette(palette)
        case .undo:
            guard let step = session.undoStack.last else {
                message = "Không còn thay đổi nào để hoàn tác trong phiên này."
                return []
            }
            return [.commit(step.inverse, origin: .undo(step), base: step.seq, deliver: stepDelivery(.undo(step)))]
        case .redo:
            guard let step = session.redoStack.last else {
                message = "Không có thay đổi nào để làm lại."
                return []
            }
            return [.commit(step.change, origin: .redo(step), base: step.seq, deliver: stepDelivery(.redo(step)))]
        case .telex:
            session.telexEnabled.toggle()
            for screen in stack { screen.inputTransformChanged(session.inputTransform) }
            let method = session.data.settings.typingMethod
            message = session.telexEnabled
                ? (method == .telex ? "Đã bật gõ Telex (aa → â, dd → đ, s f r x j → dấu). Tắt: Ctrl-T."
                                    : "Đã bật gõ VNI (a6 → â, d9 → đ, 1–5 → dấu, 0 bỏ dấu). Tắt: Ctrl-T.")
                : "Đã tắt gõ \(method.label)."
        case .quit:
            if key == .char("q"), stack.count > 1 { return back() }
            return requestQuit()
        }
        return []
    }

    /// Closes the top screen. The one below is already current: every commit tells every
    /// screen on the stack, so refreshing again here would rebuild its index twice.
    private func back() -> [Effect] {
        guard stack.count > 1 else { return [] }
        stack.removeLast()
        forgetClosedScreens()
        return []
    }

    /// The journal position a commit from `screen` is checked against: what the user saw.
    /// A form's is when it opened; a screen editing in place (a grid cell) says its own; any
    /// other shows the data as it is, so its is now. Never before the user was last told of
    /// a conflict there.
    func base(for screen: any Screen) -> Int {
        let id = ObjectIdentifier(screen)
        let seen = screen.editBase ?? openedAt[id] ?? store.appliedSeq
        return max(seen, toldAt[id] ?? seen)
    }

    private func forgetClosedScreens() {
        let open = Set(stack.map(ObjectIdentifier.init))
        openedAt = openedAt.filter { open.contains($0.key) }
        toldAt = toldAt.filter { open.contains($0.key) }
        openers = openers.filter { open.contains($0.key) }
    }

    private func requestQuit() -> [Effect] {
        if stack.contains(where: \.hasUnsavedInput) {
            modal = .quitConfirm(Dialog.confirm(title: "Thoát",
                message: "Còn ô đang nhập dở chưa lưu.\nThoát mà không lưu các ô đó?"))
            return []
        }
        wantsQuit = true
        return [.quit]
    }

    private func openHelp() {
        let screen = top
        var lines = ["Trợ giúp — \(screen.title)", ""]
        lines += registry.helpLines(in: screen.context)
        lines += ["", "Phím chung:"] + AppCommands.movementHelp
        lines += ["", "Tìm trong trợ giúp: /, n, N. Đóng: Esc hoặc q."]
        var pager = Pager(lines: lines, lessKeys: true)
        pager.setViewportRows(max(1, size.height - 6))
        modal = .help(pager)
    }

    private func updateModal(_ key: Key) -> [Effect] {
        guard let current = modal else { return [] }
        switch current {
        case .dialog(var dialog, let answer):
            let event = dialog.handle(key)
            switch event {
            case .handled:
                modal = .dialog(dialog, answer: answer)
                return []
            case .chosen(let button):
                modal = nil
                return answer(button)
            case .cancelled:
                modal = nil
                return answer(nil)
            }
        case .quitConfirm(var dialog):
            let event = dialog.handle(key)
            if event == .handled {
                modal = .quitConfirm(dialog)
                return []
            }
            modal = nil
            guard Dialog.isYes(event) else { return [] }
            wantsQuit = true
            return [.quit]
        case .help(var pager):
            if pager.handle(key) == .closed || key == .function(1) {
                modal = nil
            } else {
                modal = .help(pager)
            }
            return []
        case .palette(var palette):
            switch palette.handle(key) {
            case .handled:
                modal = .palette(palette)
                return []
            case .closed:
                modal = nil
                return []
            case .run(let command):
                modal = nil
                return run(command, key: nil)
            }
        }
    }

    /// Carries out what `screen` asked for: screens and messages change here, I/O becomes
    /// effects whose results go back to `screen` as its messages.
    func apply<S: Screen>(_ actions: [ScreenAction<S.Message>], from screen: S) -> [Effect] {
        var effects: [Effect] = []
        for action in actions {
            switch action {
            case .push(let next):
                effects += open(next)
            case .presentAnswering(let next, let reply):
                guard stack.last === screen else { continue }
                effects += open(next)
                guard stack.last === next else { continue }
                openers[ObjectIdentifier(next)] = { [unowned self] answer in
                    reply(answer).map { self.apply(screen.update($0, session: self.session), from: screen) } ?? []
                }
            case .finish(let answer):
                let handOver = openers[ObjectIdentifier(screen)]
                close(screen)
                effects += handOver?(answer) ?? []
            case .pop:
                close(screen)
            case .message(let text):
                message = text
            case .commit(let change, let reply):
                let deliver: Delivery<CommitResult> = reply.map { delivery(to: screen, $0) }
                    ?? Delivery(screen: screen) { [unowned self] result in
                        switch result {
                        case .success: self.message = "Đã lưu."
                        case .failure(let error): self.message = error.message
                        }
                        return []
                    }
                effects.append(.commit(change, origin: .edit, base: base(for: screen), deliver: deliver))
            case .confirm(let dialog, let reply):
                modal = .dialog(dialog) { [unowned self] button in
                    self.apply(screen.update(reply(button), session: self.session), from: screen)
                }
            case .planImport(let table, let path, let duplicates, let reply):
                effects.append(.planImport(table, path: path, duplicates: duplicates, deliver: delivery(to: screen, reply)))
            case .loadAuditTrail(let reply):
                effects.append(.loadAuditTrail(deliver: delivery(to: screen, reply)))
            case .loadPlanDefaults(let reply):
                effects.append(.loadPlanDefaults(deliver: delivery(to: screen, reply)))
            case .saveDocument(let job, let reply):
                effects.append(.saveDocument(job, deliver: delivery(to: screen, reply)))
            case .printDocument(let job, let reply):
                effects.append(.printDocument(job, deliver: delivery(to: screen, reply)))
            case .printCertificates(let job, let reply):
                effects.append(.printCertificates(job, deliver: delivery(to: screen, reply)))
            }
        }
        return effects
    }

    /// A result for `screen`, read as its message by `reply`.
    private func delivery<S: Screen, Value>(to screen: S, _ reply: @escaping (Value) -> S.Message) -> Delivery<Value> {
        Delivery(screen: screen) { [unowned self] value in
            self.apply(screen.update(reply(value), session: self.session), from: screen)
        }
    }

    /// Puts `next` on top, unless it only changes data and this copy is read-only; returns
    /// the loading it asks for on opening.
    private func open(_ next: any Screen) -> [Effect] {
        if let holder = session.readOnlyHolder, next.changesData {
            message = Self.readOnlyRefusal(holder: holder)
            return []
        }
        next.inputTransformChanged(session.inputTransform)
        stack.append(next)
        if next.changesData { openedAt[ObjectIdentifier(next)] = store.appliedSeq }
        return opened(next)
    }

    /// Closes `screen` and any above it (never home).
    private func close(_ screen: any Screen) {
        if let i = stack.lastIndex(where: { $0 === screen }), i > 0 {
            stack.removeSubrange(i...)
            forgetClosedScreens()
        }
    }

    /// Why a form does not open on a read-only copy: the one message for every such key.
    static func readOnlyRefusal(holder: String) -> String {
        "Chỉ đọc: không sửa được dữ liệu vì không ghi được thay đổi nào. \(holder)"
    }

    // MARK: Effects

    public func perform(_ effect: Effect) -> [Effect] {
        defer { settle() }
        switch effect {
        case .quit:
            return []
        case .commit(let change, let origin, let base, let deliver):
            // The summary is read now, by name, without keeping a copy of the data alive
            // across the commit (a copy would make the store copy its collections).
            let summary = change.normalised().summary(in: session.data)
            let result: CommitResult
            do {
                result = .success(try store.commit(change, base: base))
            } catch {
                result = .failure(error)
            }
            if case .failure(.conflict) = result, let asker = deliver.screen {
                toldAt[ObjectIdentifier(asker)] = store.appliedSeq
            }
            var next: [Effect] = []
            if case .success(let applied) = result {
                record(applied, summary: summary, origin: origin)
                for s in stack { s.dataChanged(session: session) }
                // The tone style or the typing method may have changed: fields type the new way.
                if case .updateSettings = applied.change {
                    for s in stack { s.inputTransformChanged(session.inputTransform) }
                }
                next = afterDataChange(top)
            }
            return next + deliver.send(result)
        case .planImport(let table, let path, let duplicates, let deliver):
            return deliver.send(ImportFile.plan(table, path: path, duplicates: duplicates, into: session.data,
                                                context: session.context))
        case .loadAuditTrail(let deliver):
            let result: Result<AuditTrail, StoreFailure>
            do { result = .success(try store.auditTrail()) } catch { result = .failure(error) }
            return deliver.send(result)
        case .loadPlanDefaults(let deliver):
            let result: Result<Dataset, StoreError>
            do { result = .success(try Defaults.dataset()) } catch { result = .failure(error) }
            return deliver.send(result)
        case .saveDocument(let job, let deliver):
            let result = documentOutput.save(job)
            if case .success(let saved) = result {
                session.lastSaveFolder = (saved.path as NSString).deletingLastPathComponent
            }
            return deliver.send(result)
        case .printDocument(let job, let deliver):
            return deliver.send(documentOutput.print(job))
        case .printCertificates(let job, let deliver):
            return deliver.send(documentOutput.printCertificates(job))
        }
    }

    /// Undo and redo report to the status line themselves: no screen asked for them.
    private func stepDelivery(_ origin: CommitOrigin) -> Delivery<CommitResult> {
        Delivery(screen: nil) { [unowned self] result in
            let step: UndoStep, verb: String
            switch origin {
            case .edit: return []
            case .undo(let undone): (step, verb) = (undone, "hoàn tác")
            case .redo(let redone): (step, verb) = (redone, "làm lại")
            }
            switch result {
            case .success:
                self.message = "Đã \(verb): \(step.summary). Đã lưu."
            case .failure(.conflict(let what, let user, let host, let time)):
                self.message = "Không \(verb) được «\(step.summary)»: \(what) đã được \(user)@\(host) sửa lúc \(time), sau thay đổi này. Hãy sửa tay nếu vẫn cần."
            case .failure(let error):
                self.message = "Không \(verb) được: \(error.message)"
            }
            return []
        }
    }

    /// Keeps the session's undo and redo stacks in step with what was committed.
    private func record(_ applied: AppliedChange, summary: String, origin: CommitOrigin) {
        switch origin {
        case .edit:
            session.undoStack.append(UndoStep(change: applied.change, inverse: applied.inverse, summary: summary,
                                              seq: store.appliedSeq))
            session.redoStack.removeAll()
        case .undo(var step):
            session.undoStack.removeLast()
            step.seq = store.appliedSeq
            session.redoStack.append(step)
        case .redo(let step):
            session.redoStack.removeLast()
            session.undoStack.append(UndoStep(change: applied.change, inverse: applied.inverse, summary: step.summary,
                                              seq: store.appliedSeq))
        }
    }
}

// MARK: - Others in the folder

extension ThiDuaApp {
    /// Four looks a second: others' edits show within half a second of being saved. While a
    /// screen waits for the long lists being sorted on another thread, fifty a second, so it
    /// fills within a frame of their being ready.
    public var idleInterval: Int? { session.lists.isWaitedOn ? 20 : 250 }

    /// Brings in what others wrote (one `stat` when nothing is new), tells every open screen,
    /// and says briefly what arrived; refreshes who else is here and tells them this
    /// session's screen.
    public func idle() -> Bool {
        var redraw = false
        if session.lists.finishedWhileWaited() {
            for screen in stack { screen.dataChanged(session: session) }
            redraw = true
        }
        do {
            let arrived = try store.refresh()
            if !arrived.isEmpty {
                for screen in stack { screen.dataChanged(session: session) }
                // A message of the user's own (a refusal, «Đã lưu») stays until the next key.
                if message.isEmpty, let notice = ArrivalNotice.text(arrived, data: session.data) { message = notice }
                redraw = true
            }
        } catch {
            message = error.message
            redraw = true
        }
        if let presence = session.presence {
            presence.onScreen(top.title)
            if presence.look() { redraw = true }
        }
        if redraw { settle() }
        return redraw
    }
}
