import ArgumentParser
import ThiDuaDomain
import ThiDuaStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo thư mục dữ liệu mới từ kế hoạch của xã (tùy chọn: kèm dữ liệu mẫu).")

    @OptionGroup var data: DataOptions

    @Flag(name: .customLong("sample"), help: "Thêm xã mẫu: khoảng 40 đơn vị, 150 cá nhân, điểm hai năm (tên bịa, có ghi «mẫu»).")
    var sample = false

    func run() throws {
        let dataset: Dataset
        do {
            let defaults = try Defaults.dataset()
            dataset = sample ? try SampleCommune.build(from: defaults, names: try SampleNames.load()) : defaults
        } catch let error as StoreError {
            throw CommandFailure(error.message)
        } catch let error as DomainError {
            throw CommandFailure("Dữ liệu mẫu không hợp lệ: \(error.message)")
        }
        do {
            try DataStore.initialize(folder: data.folder, with: dataset)
        } catch {
            throw CommandFailure(error.message)
        }
        print("Đã tạo thư mục dữ liệu «\(data.folder)»\(sample ? " với xã mẫu" : ""): "
              + "\(dataset.units.count) đơn vị, \(dataset.people.count) cá nhân, \(dataset.sheets.count) phiếu chấm.")
    }
}
