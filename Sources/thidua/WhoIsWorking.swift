import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Staff who share one operating-system account (one office login over SSH) look the same to
/// the journal. When another session of the same account on this machine already has the
/// folder open, the program asks who is at the keyboard before it starts, on the plain terminal.
enum WhoIsWorking {
    /// `identity` with the person typed, or as it is when nobody else shares the account, when
    /// the input is not a terminal, or when Enter is pressed on an empty line.
    static func ask(folder: String, identity: Identity) -> Identity {
        guard isatty(STDIN_FILENO) == 1,
              let others = try? SessionRegistry.othersOfSameAccount(folder: folder, identity: identity),
              !others.isEmpty else { return identity }
        let today = ChangeContext(clock: CommandClock.clock, user: identity.user).today
        say("Thư mục dữ liệu đang được mở dưới cùng tài khoản «\(identity.account)» trên máy này:\n")
        for other in others { say("  " + other.line(today: today) + "\n") }
        say("Mỗi người ghi tên mình, để nhật ký và thông báo cho người cùng làm ghi đúng người (lần sau: --user TÊN).\n")
        for _ in 0..<3 {
            say("Ai đang dùng? Gõ tên rồi Enter (Enter ngay: «\(identity.user)»): ")
            guard let line = readLine() else { return identity }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return identity }
            do {
                var named = identity
                named.user = try Identity.validatedName(line, source: .prompt)
                return named
            } catch {
                say(error.message + "\n")
            }
        }
        return identity
    }

    /// Unbuffered, so the question is on screen before the program waits for the answer.
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
