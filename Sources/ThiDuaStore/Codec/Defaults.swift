import Foundation
import ThiDuaDomain
import ThiDuaResources

/// The plan's defaults from `Resources/defaults`: what a new data folder starts with.
public enum Defaults {
    /// Reads the default files and builds the starting dataset: settings, the seven
    /// categories, criteria groups, one criteria set per group for every year of the phase,
    /// award forms and titles, and the rules.
    public static func dataset(from directory: URL? = nil) throws(StoreError) -> Dataset {
        guard let folder = directory ?? ResourceLocator.defaultsDirectory() else {
            throw StoreError(file: "Resources/defaults",
                reason: "không tìm thấy các tệp mặc định của chương trình; hãy chạy lại từ thư mục mã nguồn hoặc đặt biến THIDUA_RESOURCES.")
        }
        struct CategoryFile: Decodable {
            var categories: [UnitCategory]
            var criteriaGroups: [CriteriaGroup]
        }
        struct CriteriaTemplate: Decodable {
            var groupID: String
            var targetMaximum: Points
            var items: [CriteriaItem]
        }
        struct CriteriaFile: Decodable { var sets: [CriteriaTemplate] }

        let settings: Settings = try read(folder, "settings.json")
        let categoryFile: CategoryFile = try read(folder, "categories.json")
        let criteriaFile: CriteriaFile = try read(folder, "criteria.json")
        let catalog: AwardCatalog = try read(folder, "awards.json")
        let rules: Rules = try read(folder, "rules.json")

        var criteriaSets: [CriteriaSetKey: CriteriaSet] = [:]
        for year in settings.phaseYears {
            for template in criteriaFile.sets {
                let set = CriteriaSet(year: year, groupID: template.groupID, items: template.items,
                                      targetMaximum: template.targetMaximum)
                criteriaSets[set.key] = set
            }
        }
        return Dataset(settings: settings, categories: categoryFile.categories,
                       criteriaGroups: categoryFile.criteriaGroups, catalog: catalog, rules: rules,
                       criteriaSets: criteriaSets)
    }

    private static func read<T: Decodable>(_ folder: URL, _ name: String) throws(StoreError) -> T {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError(file: url.path, reason: "không đọc được tệp mặc định.")
        }
        return try DatasetCodec.decode(data, file: url.path)
    }
}
