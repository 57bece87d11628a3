import Foundation
import Testing
@testable import ThiDuaStore

@Suite("Who the user is: --user, THIDUA_USER, the OS account")
struct IdentityResolutionTests {
    static let system = Identity(user: "vhxh", host: "may2", pid: 4242)

    static func resolve(_ option: String?, _ environment: [String: String] = [:]) throws(UserNameError) -> Identity {
        try Identity.resolve(user: option, environment: environment, system: system)
    }

    static func message(_ option: String?, _ environment: [String: String] = [:]) -> String? {
        do {
            _ = try resolve(option, environment)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("the option beats the environment, which beats the OS user; the account stays the OS user's")
    func precedence() throws {
        #expect(try Self.resolve(nil) == Self.system)
        #expect(try Self.resolve(nil, ["THIDUA_USER": ""]) == Self.system, "an empty variable is as unset")
        let fromEnvironment = try Self.resolve(nil, ["THIDUA_USER": "Nguyễn Thị Lan"])
        #expect(fromEnvironment.user == "Nguyễn Thị Lan")
        #expect(fromEnvironment.account == "vhxh" && fromEnvironment.host == "may2" && fromEnvironment.pid == 4242)
        #expect(try Self.resolve("minh", ["THIDUA_USER": "Nguyễn Thị Lan"]).user == "minh")
        #expect(try Self.resolve("minh", ["THIDUA_USER": "lan@may2"]).user == "minh", "an unused bad variable is no error")
        #expect(Identity.current.account == Identity.current.user)
    }

    @Test("names are trimmed and stored in NFC; forty characters are allowed")
    func cleaning() throws {
        #expect(try Self.resolve("  lan ").user == "lan")
        #expect(try Self.resolve("Hoa\u{300}").user == "Hoà")
        let forty = String(repeating: "Ữ", count: 40)
        #expect(try Self.resolve(forty).user == forty)
    }

    @Test("each bad name gets its own message, naming where it came from")
    func badNames() {
        #expect(Self.message("") == "Tên người dùng (--user) không được để trống.")
        #expect(Self.message(nil, ["THIDUA_USER": "   "]) == "Tên người dùng (biến THIDUA_USER) không được để trống.")
        #expect(Self.message(String(repeating: "a", count: 41)) == "Tên người dùng (--user) dài 41 ký tự; tối đa 40 ký tự.")
        let control = "Tên người dùng (--user) có ký tự điều khiển (như xuống dòng hoặc tab); hãy ghi tên trên một dòng."
        for name in ["lan\nminh", "lan\tminh", "lan\u{1B}[31m", "lan\u{202E}"] {
            #expect(Self.message(name) == control, "\(name.debugDescription)")
        }
        #expect(Self.message(nil, ["THIDUA_USER": "lan@may2"])
            == "Tên người dùng «lan@may2» (biến THIDUA_USER) không được có «@»: thông báo ghi người dùng kèm tên máy dạng «tên@máy».")
    }
}
