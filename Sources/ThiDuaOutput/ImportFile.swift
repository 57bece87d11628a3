import Foundation
import ThiDuaDomain
import ThiDuaStore

/// A CSV file or Excel workbook the user named for import, read whole, and the plan of its import: the one
/// loader behind the import screen and `thidua import`. Every failure comes back as lines the
/// office can read; nothing is written here.
public struct ImportFile: Sendable {
    /// The path as typed (`~/` is the home folder), named in the messages about reading it.
    public let path: String
    /// The file's own name, named in the messages about its rows.
    public let name: String
    public let bytes: Data

    /// Reads the file, or says why it cannot be read. Apart so that the command line can
    /// refuse a missing file before it opens (or creates) the data folder.
    public static func read(_ path: String) -> Result<ImportFile, ImportFailure> {
        let expanded = (path as NSString).expandingTildeInPath
        guard let bytes = FileManager.default.contents(atPath: expanded) else {
            let exists = FileManager.default.fileExists(atPath: expanded)
            return .failure(ImportFailure(lines: [exists
                ? "Không đọc được tệp «\(path)» (không có quyền đọc, hoặc đó là thư mục)."
                : "Không có tệp «\(path)»."]))
        }
        return .success(ImportFile(path: path, name: (expanded as NSString).lastPathComponent, bytes: bytes))
    }

    /// Reads the file at `path` and plans its import into `data`.
    public static func plan(_ table: CSVImport.Table, path: String,
                            duplicates: CSVImport.DuplicateChoices = CSVImport.DuplicateChoices(), into data: Dataset,
                            context: ChangeContext) -> Result<CSVImport.Plan, ImportFailure> {
        read(path).flatMap { $0.plan(table, duplicates: duplicates, into: data, context: context) }
    }

    /// The changes the rows ask for, or every row that is wrong; `sheet` names a workbook's
    /// sheet (the first by default), `duplicates` what to do with rows repeating kept records.
    public func plan(_ table: CSVImport.Table, sheet: String? = nil,
                     duplicates: CSVImport.DuplicateChoices = CSVImport.DuplicateChoices(), into data: Dataset,
                     context: ChangeContext) -> Result<CSVImport.Plan, ImportFailure> {
        do {
            return .success(try CSVImport.plan(table, data: bytes, file: name, sheet: sheet, duplicates: duplicates,
                                               into: data, context: context))
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

/// Why an import file could not be planned, ready for a screen or the terminal.
public struct ImportFailure: Error, Sendable {
    /// One line per problem, in Vietnamese.
    public var lines: [String]
    public init(lines: [String]) { self.lines = lines }

    /// The lines as one message.
    public var message: String { lines.joined(separator: "\n") }
}
