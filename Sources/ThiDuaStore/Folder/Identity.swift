import Foundation
import ThiDuaDomain

/// Who runs the program, as recorded in the journal and the lock file and shown to the others
/// working in the same folder.
public struct Identity: Sendable, Equatable {
    /// The person: the operating-system user, unless `--user` or `THIDUA_USER` names someone
    /// (staff who share one account over SSH each give their own name). See `resolve`.
    public var user: String
    /// The operating-system account the program runs under, whoever `user` is.
    public var account: String
    public var host: String
    public var pid: Int32

    /// `account` defaults to `user`: the person is the account unless told otherwise.
    public init(user: String, host: String, pid: Int32, account: String? = nil) {
        self.user = user
        self.account = account ?? user
        self.host = host
        self.pid = pid
    }

    /// The operating-system user, host name and process id of this process
    /// (looked up the same way the lock file names its holder).
    public static var current: Identity {
        Identity(user: LockHolder.currentUserName(), host: LockHolder.currentHostName(), pid: getpid())
    }

    /// The environment variable that names the person when `--user` does not.
    public static let userVariable = "THIDUA_USER"
    /// The longest name accepted, in characters.
    public static let maximumNameLength = 40

    /// The one place that decides who the person is: `option` (`--user NAME`) if given, else
    /// `THIDUA_USER` if set and not empty, else the operating-system user of `system`. A given
    /// name is checked with `validatedName`; `account`, `host` and `pid` are always `system`'s.
    public static func resolve(user option: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               system: Identity = .current) throws(UserNameError) -> Identity {
        var identity = system
        if let option {
            identity.user = try validatedName(option, source: .option)
        } else if let value = environment[userVariable], !value.isEmpty {
            identity.user = try validatedName(value, source: .environment)
        }
        return identity
    }

    /// `name` in NFC without surrounding spaces, if it is a name the screens and messages can
    /// show: not empty, at most `maximumNameLength` characters, no control or invisible
    /// formatting characters, no «@» (messages write «user@host»).
    public static func validatedName(_ name: String, source: UserNameError.Source) throws(UserNameError) -> String {
        let cleaned = VietnameseText.nfc(name).trimmingCharacters(in: .whitespaces)
        let hidden: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        if cleaned.isEmpty { throw UserNameError(source: source, problem: .empty) }
        if cleaned.unicodeScalars.contains(where: { hidden.contains($0.properties.generalCategory) }) {
            throw UserNameError(source: source, problem: .controlCharacter)
        }
        if cleaned.count > maximumNameLength {
            throw UserNameError(source: source, problem: .tooLong(characters: cleaned.count))
        }
        if cleaned.contains("@") { throw UserNameError(source: source, problem: .atSign(cleaned)) }
        return cleaned
    }
}

/// A name given with `--user` or `THIDUA_USER` that cannot be used, and why, in Vietnamese.
public struct UserNameError: UserFacingError, Equatable {
    public enum Source: Sendable, Equatable {
        /// `--user NAME`.
        case option
        /// The `THIDUA_USER` environment variable.
        case environment
        /// Typed at the start, when asked «Ai đang dùng?».
        case prompt
    }

    public enum Problem: Sendable, Equatable {
        case empty
        case tooLong(characters: Int)
        case controlCharacter
        /// The name as given (trimmed), shown back: it is printable.
        case atSign(String)
    }

    public var source: Source
    public var problem: Problem

    public init(source: Source, problem: Problem) {
        self.source = source
        self.problem = problem
    }

    public var message: String {
        let origin: String
        switch source {
        case .option: origin = "--user"
        case .environment: origin = "biến \(Identity.userVariable)"
        case .prompt: origin = "vừa gõ"
        }
        switch problem {
        case .empty:
            return "Tên người dùng (\(origin)) không được để trống."
        case .tooLong(let count):
            return "Tên người dùng (\(origin)) dài \(count) ký tự; tối đa \(Identity.maximumNameLength) ký tự."
        case .controlCharacter:
            return "Tên người dùng (\(origin)) có ký tự điều khiển (như xuống dòng hoặc tab); hãy ghi tên trên một dòng."
        case .atSign(let name):
            return "Tên người dùng «\(name)» (\(origin)) không được có «@»: thông báo ghi người dùng kèm tên máy dạng «tên@máy»."
        }
    }
}
