import ThiDuaDomain

extension DataStore {
    enum LockOutcome {
        case acquired(FolderLock)
        /// Someone else holds the folder: the Vietnamese sentence naming them.
        case heldBy(String)
    }

    static func acquireLock(folder: String, identity: Identity, clock: any Clock,
                            fileSystem: any FileSystem) throws(StoreFailure) -> LockOutcome {
        let holder = LockHolder(user: identity.user, host: identity.host, pid: identity.pid,
                                since: Timestamp.string(clock.now()), program: "thidua")
        do {
            let result = try FolderLock.acquire(folder: folder, holder: holder, fileSystem: fileSystem)
            switch result {
            case .acquired(let lock): return .acquired(lock)
            case .heldBy, .heldByUnknown: return .heldBy(result.message ?? "Thư mục đang được mở.")
            }
        } catch {
            throw StoreFailure("Không khóa được thư mục «\(folder)»: \(StoreFailure.message(for: error))")
        }
    }
}
