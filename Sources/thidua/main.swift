import ArgumentParser
import Foundation

// Exit codes are part of the stable command line: 0 ok, 1 failure, 2 usage.
do {
    var command = try ThiDua.parseAsRoot()
    try command.run()
} catch let failure as CommandFailure {
    FileHandle.standardError.write(Data((failure.message + "\n").utf8))
    exit(1)
} catch {
    let code = ThiDua.exitCode(for: error)
    if code == .success {
        print(ThiDua.fullMessage(for: error))
        exit(0)
    }
    if code == .validationFailure {
        let detail = ThiDua.message(for: error)
        FileHandle.standardError.write(Data("Lỗi cú pháp lệnh: \(detail)\nGõ «thidua --help» để xem cách dùng.\n".utf8))
        exit(2)
    }
    FileHandle.standardError.write(Data((ThiDua.message(for: error) + "\n").utf8))
    exit(code.rawValue == 0 ? 0 : 1)
}
