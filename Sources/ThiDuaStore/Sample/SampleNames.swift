import Foundation
import ThiDuaDomain
import ThiDuaResources

/// Invented names for sample and benchmark data (Resources/defaults/sample.json).
public struct SampleNames: Decodable, Sendable {
    public var familyNames: [String]
    public var middleNamesMale: [String]
    public var middleNamesFemale: [String]
    public var givenNamesMale: [String]
    public var givenNamesFemale: [String]
    public var units: [String: [String]]
    public var positions: [String]
    public var villages: [String]

    public static func load(from directory: URL? = nil) throws(StoreError) -> SampleNames {
        guard let folder = directory ?? ResourceLocator.defaultsDirectory() else {
            throw StoreError(file: "Resources/defaults/sample.json", reason: "không tìm thấy tệp tên mẫu.")
        }
        let path = folder.appendingPathComponent("sample.json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(file: path, reason: "không đọc được tệp tên mẫu.")
        }
        return try DatasetCodec.decode(data, file: path)
    }

    /// A full name and its gender.
    public func person<G: RandomNumberGenerator>(using rng: inout G) -> (String, Gender) {
        let gender: Gender = Bool.random(using: &rng) ? .female : .male
        let family = familyNames.randomElement(using: &rng)!
        let middle = (gender == .female ? middleNamesFemale : middleNamesMale).randomElement(using: &rng)!
        let given = (gender == .female ? givenNamesFemale : givenNamesMale).randomElement(using: &rng)!
        return ("\(family) \(middle) \(given)", gender)
    }
}
