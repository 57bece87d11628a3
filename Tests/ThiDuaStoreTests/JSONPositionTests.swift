import Foundation
import Testing
@testable import ThiDuaStore

/// The one JSON scanner behind the store's messages: where a decoding path's value starts,
/// and where the syntax first breaks, by line and column.
@Suite struct JSONPositionTests {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ name: String) { stringValue = name }
        init(_ index: Int) { stringValue = "Index \(index)"; intValue = index }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(intValue) }
    }

    static let units = Data("""
    [
      {"id": "DV0001", "name": "Văn phòng \\"Đảng uỷ\\"", "order": 1},
      {
        "id": "DV0002",
        "name": "Phòng Kinh tế", "order": "hai"
      }
    ]
    """.utf8)

    @Test func aCodingPathIsFoundAtTheStartOfItsValue() {
        #expect(JSONPosition.of([Key(0)], in: Self.units) == .init(line: 2, column: 3))
        #expect(JSONPosition.of([Key(1), Key("order")], in: Self.units) == .init(line: 5, column: 39))
        #expect(JSONPosition.of([Key(0), Key("order")], in: Self.units)?.line == 2, "past a string with escaped quotes")
        #expect(JSONPosition.of([], in: Self.units) == .init(line: 1, column: 1))
        #expect(JSONPosition.of([Key(2)], in: Self.units) == nil)
        #expect(JSONPosition.of([Key(0), Key("head")], in: Self.units) == nil)
    }

    @Test func theFirstSyntaxErrorIsPlacedAndExplained() {
        func error(_ text: String) -> JSONPosition.SyntaxError? { JSONPosition.firstSyntaxError(in: Data(text.utf8)) }
        #expect(error("[1, 2]\n") == nil)
        #expect(error("{\n  \"a\": 1\n  \"b\": 2\n}") == .init(place: .init(line: 3, column: 3), reason: "cần dấu «,» hoặc «}» tại đây"))
        #expect(error("[\n  \"Điểm\", x8]") == .init(place: .init(line: 2, column: 11), reason: "giá trị không hợp lệ"))
        #expect(error("[\n  \"Điểm\", tám]") == .init(place: .init(line: 2, column: 12), reason: "giá trị không hợp lệ (cần true)"))
        #expect(error("{\"a\":\n \"chưa đóng}") == .init(place: .init(line: 2, column: 2), reason: "chuỗi chưa đóng ngoặc kép"))
        #expect(error("[1,") == .init(place: .init(line: 1, column: 4), reason: "tệp kết thúc đột ngột"))
        #expect(error("{\"a\": tru}") == .init(place: .init(line: 1, column: 10), reason: "giá trị không hợp lệ (cần true)"))
        #expect(error("[] []") == .init(place: .init(line: 1, column: 4), reason: "có nội dung thừa sau khi JSON đã kết thúc"))
        #expect(error(String(repeating: "[", count: 600))?.reason == "lồng nhau quá sâu")
    }
}
