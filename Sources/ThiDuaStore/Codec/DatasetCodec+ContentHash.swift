import Crypto
import Foundation
import ThiDuaDomain

extension DatasetCodec {
    /// SHA-256 of the dataset in canonical form: every collection file as the store writes it
    /// (journal position 0), by path order, each as its path, a NUL, its length, a NUL and its
    /// bytes. Equal datasets give equal hashes in any process; the journal records it for a
    /// restore so that `thidua check` and a reader in 2030 can tell what was restored.
    static func contentHash(_ data: Dataset) throws -> String {
        var hasher = SHA256()
        for (name, bytes) in try encode(data, header: .init(checkpointSeq: 0)).sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Data(name.utf8) + [0] + Data(String(bytes.count).utf8) + [0])
            hasher.update(data: bytes)
        }
        return JournalLineCodec.hex(hasher.finalize())
    }
}
