import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Reads a CSV file the user named and plans its import, turning every failure into
/// lines the import screen can show. Nothing is written here.
enum ImportLoader {
    static func plan(_ table: CSVImport.Table, path: String, into data: Dataset,
                     context: ChangeContext) -> Result<CSVImport.Plan, ImportFailure> {
        let expanded = (path as NSString).expandingTildeInPath
        guard let bytes = FileManager.default.contents(atPath: expanded) else {
            let exists = FileManager.default.fileExists(atPath: expanded)
            return .failure(ImportFailure(lines: [exists
                ? "Không đọc được tệp «\(path)» (không có quyền đọc, hoặc đó là thư mục)."
                : "Không có tệp «\(path)»."]))
        }
        let name = (expanded as NSString).lastPathComponent
        do {
            return .success(try CSVImport.plan(table, data: bytes, file: name, into: data, context: context))
        } catch let failure as CSVImport.Failure {
            return .failure(ImportFailure(lines: failure.message.components(separatedBy: "\n")))
        } catch let error as StoreError {
            return .failure(ImportFailure(lines: [error.message]))
        } catch let error as DomainError {
            return .failure(ImportFailure(lines: ["Tệp «\(name)»: \(error.message)"]))
        } catch {
            return .failure(ImportFailure(lines: ["Tệp «\(name)»: \(error)"]))
        }
    }
}
