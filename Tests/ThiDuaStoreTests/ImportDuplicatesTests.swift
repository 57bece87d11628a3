import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// Rows that repeat a kept unit or person: listed, never written until a choice says what to
/// do; unknown columns listed; an unclosed quote reported at its own row with the rest checked.
@Suite struct ImportDuplicatesTests {
    let data: Dataset

    init() throws { data = try FaultFixtures.everyFileDataset() }

    func plan(_ csv: String, _ choices: CSVImport.DuplicateChoices = CSVImport.DuplicateChoices(),
              table: CSVImport.Table = .units) throws -> CSVImport.Plan {
        try CSVImport.plan(table, data: Data(csv.utf8), file: "don-vi.csv", duplicates: choices, into: data,
                           context: FaultFixtures.context)
    }

    /// Row 3 repeats DV0003 «Thôn Ấp Mới» (case and accents aside); rows 2 and 4 are new.
    static let units = "Tên đơn vị,Khối,Người đứng đầu\nTrạm Y tế,ubnd,\nthôn ấp mới,Thôn,Lò Văn Tâm\nThôn Nà Kéo,thon,\n"

    @Test func aRowRepeatingAKeptUnitIsListedAndNothingCanBeWrittenUntilChosen() throws {
        let plan = try plan(Self.units)
        #expect(plan.change == nil)
        #expect(plan.undecided.map(\.line) == [3])
        #expect(plan.duplicates[0].duplicate.existing == .unit("DV0003"))
        #expect(plan.duplicates[0].description == "dòng 3: «thôn ấp mới» trùng với DV0003 «Thôn Ấp Mới» (cùng khối Thôn)")
        #expect(plan.preview.contains("dòng 3: «thôn ấp mới» trùng với DV0003 «Thôn Ấp Mới» (cùng khối Thôn) — chưa chọn: thêm mới, cập nhật hay bỏ qua."))
        #expect(plan.undecidedMessage(file: "don-vi.csv") == [
            "Tệp «don-vi.csv» có 1 dòng trùng với dữ liệu đã có; chưa ghi dòng nào:",
            "  don-vi.csv, dòng 3: «thôn ấp mới» trùng với DV0003 «Thôn Ấp Mới» (cùng khối Thôn).",
        ])
    }

    @Test func skipLeavesTheRowOut() throws {
        let plan = try plan(Self.units, CSVImport.DuplicateChoices(all: .skip))
        #expect(plan.added == 2 && plan.updated == 0 && plan.skipped == 1)
        #expect(plan.summary == "2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua")
        let after = try data.apply(try #require(plan.change), context: FaultFixtures.context).dataset
        #expect(after.units.count == data.units.count + 2)
        #expect(after.units["DV0003"] == data.units["DV0003"])
    }

    @Test func addAnywayAddsANewUnitBesideTheKeptOne() throws {
        let plan = try plan(Self.units, CSVImport.DuplicateChoices(all: .add))
        #expect(plan.added == 3 && plan.skipped == 0)
        #expect(plan.preview.contains("dòng 3: thêm DV0005 «thôn ấp mới» — Thôn (trùng với DV0003 «Thôn Ấp Mới» (cùng khối Thôn): vẫn thêm mới)"))
        let after = try data.apply(try #require(plan.change), context: FaultFixtures.context).dataset
        #expect(after.units["DV0005"]?.name == "thôn ấp mới", "stored as typed")
    }

    @Test func updateWritesTheRowIntoTheKeptUnit() throws {
        let plan = try plan(Self.units, CSVImport.DuplicateChoices(all: .update))
        #expect(plan.added == 2 && plan.updated == 1)
        let after = try data.apply(try #require(plan.change), context: FaultFixtures.context).dataset
        #expect(after.units.count == data.units.count + 2)
        #expect(after.units["DV0003"]?.head == "Lò Văn Tâm")
        #expect(after.units["DV0003"]?.order == data.units["DV0003"]?.order, "no order column: the kept order stays")
    }

    @Test func aChoiceForTheRowWinsOverTheChoiceForAll() throws {
        let csv = Self.units + "Phòng kinh tế,ubnd,\n"
        let plan = try plan(csv, CSVImport.DuplicateChoices(all: .skip, byLine: [5: .update]))
        #expect(plan.duplicates.map(\.line) == [3, 5])
        #expect(plan.duplicates.map(\.choice) == [.skip, .update])
        #expect(plan.skipped == 1 && plan.updated == 1)
    }

    @Test func theSameNameInAnotherKhoiIsNoDuplicate() throws {
        let plan = try plan("Tên đơn vị,Khối\nThôn Ấp Mới,ubnd\n")
        #expect(plan.duplicates.isEmpty)
        #expect(plan.change != nil)
    }

    @Test func aRowRepeatingAnEarlierRowOfTheFileIsADuplicateToo() throws {
        let plan = try plan("Tên đơn vị,Khối\nTrạm Y tế,ubnd\nTRẠM Y TẾ,ubnd\n", CSVImport.DuplicateChoices(all: .skip))
        #expect(plan.duplicates.map(\.line) == [3])
        #expect(plan.duplicates[0].duplicate.existing == .unit("DV0004"))
        #expect(plan.added == 1 && plan.skipped == 1)
    }

    @Test func aRowWithTheCodeOfAKeptUnitUpdatesItAndIsNoDuplicate() throws {
        let plan = try plan("Mã,Tên đơn vị,Khối\nDV0003,Thôn Ấp Mới,thon\n")
        #expect(plan.duplicates.isEmpty)
        #expect(plan.updated == 1)
    }

    @Test func aPersonWithTheSameNameBirthYearAndUnitIsADuplicate() throws {
        let csv = "Họ và tên,Giới tính,Năm sinh,Đơn vị,Địa chỉ\nLê thị Ơn,Nữ,1985,DV0002,\nLê Thị Ơn,Nữ,1990,DV0002,\nLê Thị Ơn,Nữ,1985,,Thôn Ấp Mới\n"
        let undecided = try plan(csv, table: .people)
        #expect(undecided.undecided.map(\.line) == [2])
        #expect(undecided.duplicates[0].description == "dòng 2: «Lê thị Ơn» trùng với CN00001 «Lê Thị Ơn» (sinh 1985, Phòng Kinh tế)")
        let updated = try plan(csv, CSVImport.DuplicateChoices(byLine: [2: .update]), table: .people)
        #expect(updated.updated == 1 && updated.added == 2)
        let after = try data.apply(try #require(updated.change), context: FaultFixtures.context).dataset
        #expect(after.people["CN00001"]?.fullName == "Lê thị Ơn", "the row's values, as typed")
        #expect(after.people["CN00001"]?.position == "Chuyên viên", "columns the file lacks stay as kept")
        #expect(after.people["CN00001"]?.address == "", "a column the file has is written, empty or not")
    }

    @Test func unknownColumnsAreListedNotDropped() throws {
        let plan = try plan("Tên đơn vị,Khối,Email,Tên\nTrạm Y tế,ubnd,tyt@phongquang.vn,Trạm\n")
        #expect(plan.ignoredColumns == ["Email", "Tên"])
        #expect(plan.ignoredColumnsNote == "Các cột không nhận ra, sẽ không được đọc: «Email», «Tên».")
        #expect(try self.plan(Self.units, CSVImport.DuplicateChoices(all: .skip)).ignoredColumnsNote == nil)
    }

    @Test func anUnclosedQuoteIsReportedAtItsRowAndTheRestIsStillChecked() throws {
        let csv = "Tên đơn vị,Khối\nTrạm Y tế,ubnd\n\"Công an xã,ubnd\nNhà văn hoá,khối lạ\nThôn Nà Kéo,thon\n"
        let failure = #expect(throws: CSVImport.Failure.self) { try plan(csv) }
        #expect(failure?.errors.map(\.line) == [3, 4])
        #expect(failure?.errors.first?.message.hasPrefix("có dấu ngoặc kép (\") mở mà không đóng") == true)
        #expect(failure?.errors.last?.message.hasPrefix("không có khối «khối lạ»") == true)
    }

    @Test func aQuotedCellOverSeveralLinesAndDoubledQuotesAreNoUnclosedQuote() throws {
        let csv = "Tên đơn vị,Khối,Ghi chú\nTrạm Y tế,ubnd,\"Dòng một\nDòng hai, \"\"trích\"\"\"\nThôn Nà Kéo,thon,\n"
        let plan = try plan(csv)
        #expect(plan.added == 2)
        #expect(plan.preview.last?.hasPrefix("dòng 3: thêm") == true, "rows are spreadsheet records")
    }

    @Test func anUnclosedQuoteInTheHeaderStopsAtLineOne() throws {
        let error = #expect(throws: StoreError.self) { try plan("\"Tên đơn vị,Khối\nTrạm Y tế,ubnd\n") }
        #expect(error?.line == 1)
        #expect(error?.message.contains("dòng tiêu đề có dấu ngoặc kép") == true)
    }
}
