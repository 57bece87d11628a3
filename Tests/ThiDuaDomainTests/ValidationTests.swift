import Testing
import ThiDuaDomain

/// Bad input gets a specific Vietnamese message naming the field and the allowed range.
@Suite struct ValidationTests {
    let data = Fixtures.commune
    let unit = Subject.unit("DV0001")

    func message(_ change: Change, in data: Dataset? = nil) -> String? {
        do {
            _ = try (data ?? self.data).apply(change, context: Fixtures.context)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func scoreAboveTheMaximumIsRefusedNotClamped() {
        #expect(message(.setScore(year: 2026, subject: unit, item: "1.2", field: .selfScore, value: 41))
                == "Điểm tự chấm của tiêu chí 1.2 phải từ 0 đến 40 (đã nhập 41).")
        #expect(message(.setScore(year: 2026, subject: unit, item: "1.2", field: .appraised, value: Points(hundredths: -50)))
                == "Điểm thẩm định của tiêu chí 1.2 phải từ 0 đến 40 (đã nhập -0,5).")
    }

    @Test func scoreOutsideThePhaseOrOnAnUnknownItem() {
        #expect(message(.setScore(year: 2031, subject: unit, item: "1.1", field: .selfScore, value: 1))
                == "Năm phải từ 2025 đến 2030 (giai đoạn của phong trào); đã nhập 2031.")
        #expect(message(.setScore(year: 2026, subject: unit, item: "9.9", field: .selfScore, value: 1))
                == "Bộ tiêu chí nhóm «III.1» năm 2026 không có tiêu chí «9.9».")
        #expect(message(.setScore(year: 2027, subject: unit, item: "1.1", field: .selfScore, value: 1))
                == "Năm 2027 chưa có bộ tiêu chí nhóm «III.1».")
    }

    @Test func aLockedSheetRefusesEditsUntilUnlockedWithAReason() throws {
        var locked = try Fixtures.apply(.setScore(year: 2026, subject: unit, item: "1.1", field: .selfScore, value: 50), to: data)
        locked = try Fixtures.apply(.setSheetState(year: 2026, subject: unit, state: .locked, reason: "Thẩm định trên giấy"), to: locked)
        #expect(message(.setScore(year: 2026, subject: unit, item: "1.1", field: .selfScore, value: 55), in: locked)
                == "Phiếu chấm của Phòng Kinh tế năm 2026 đã khóa; hãy mở khóa (có ghi lý do) trước khi sửa.")
        #expect(message(.setSheetState(year: 2026, subject: unit, state: .draft, reason: "  "), in: locked)
                == "Mở khóa phiếu của Phòng Kinh tế năm 2026 cần ghi lý do.")
        let unlocked = try Fixtures.apply(.setSheetState(year: 2026, subject: unit, state: .appraised, reason: "Sửa điểm theo kết luận hội đồng"), to: locked)
        #expect(message(.setScore(year: 2026, subject: unit, item: "1.1", field: .selfScore, value: 55), in: unlocked) == nil)
    }

    @Test func peopleNeedANameAPlausibleBirthYearAndAUnitOrAddress() {
        func person(_ name: String, year: Int? = 1980, unit: UnitID? = "DV0001", address: String = "") -> Change {
            .addPerson(person: Person(id: "CN00005", fullName: name, gender: .male, birthYear: year, unitID: unit, address: address, kind: .congChuc))
        }
        #expect(message(person("   ")) == "Họ và tên không được để trống.")
        #expect(message(person("Lê Văn An", year: 2020)) == "Năm sinh phải từ 1916 đến 2012 (đã nhập 2020).")
        #expect(message(person("Lê Văn An", unit: nil)) == "Cá nhân phải thuộc một đơn vị hoặc có địa chỉ (với người dân).")
        #expect(message(person("Lê Văn An", unit: "DV0099")) == "Không có đơn vị mã «DV0099».")
        #expect(message(person("Lê Văn An", unit: nil, address: "Thôn Ao Sen")) == nil)
    }

    @Test func aReferencedUnitIsArchivedNotDeleted() {
        #expect(message(.removeUnit(id: "DV0001"))
                == "Không xóa được «Phòng Kinh tế» vì còn cá nhân «Nguyễn Thị Hòa» thuộc đơn vị này; hãy lưu trữ đơn vị thay vì xóa.")
        #expect(message(.setUnitArchived(id: "DV0001", archived: true)) == nil)
    }

    @Test func unknownCategoryListsTheKnownOnes() {
        #expect(message(.addUnit(unit: OrgUnit(id: "DV0009", name: "Hội Nông dân", categoryID: "xyz")))
                == "Không có khối «xyz»; các khối là: UBND, Thôn.")
    }

    @Test func reportsCannotArriveInTheFuture() throws {
        let tomorrow = try CalendarDate(year: 2026, month: 11, day: 25)
        #expect(message(.recordReport(report: ReportSubmission(year: 2026, unitID: "DV0001", receivedDate: tomorrow)))
                == "Ngày nhận báo cáo của «Phòng Kinh tế» (25/11/2026) không được sau hôm nay (24/11/2026).")
    }

    @Test func nominationsRespectThePeriodsOfTheirForm() {
        #expect(message(.addNomination(nomination: Nomination(id: "DN00001", period: .year(2026), formID: "huan-chuong", nominee: unit)))
                == "Huân chương Lao động không xét trong đợt «Năm 2026»; chỉ xét: Tổng kết.")
    }

    @Test func voteCountsMustBeConsistent() {
        let vote = CouncilVote(method: .secretBallot, membersTotal: 9, membersPresent: 10, agree: 5, disagree: 0, abstain: 0)
        #expect(throws: DomainError(field: "Biểu quyết", "Số thành viên có mặt (10) không được lớn hơn tổng số thành viên (9).")) {
            try vote.validate()
        }
        let overCast = CouncilVote(method: .showOfHands, membersTotal: 9, membersPresent: 7, agree: 5, disagree: 2, abstain: 1)
        #expect(throws: DomainError.self) { try overCast.validate() }
    }

    @Test func impossibleDatesAreRefused() {
        #expect(throws: DomainError(field: "Ngày", "Ngày: tháng 2/2026 chỉ có 28 ngày (đã nhập ngày 31).")) {
            _ = try CalendarDate(parsing: "31/02/2026")
        }
        #expect((try? CalendarDate(parsing: "29/02/2028"))?.display == "29/02/2028")
    }

    @Test func pointsParseWhatPeopleType() throws {
        let points = NumberInput.points()
        #expect(try points.points("8,5") == Points(hundredths: 850))
        #expect(try points.points(" 8.25 ") == Points(hundredths: 825))
        #expect(try points.points("10") == 10)
        #expect(throws: NumberInputError(rule: .notANumber, label: "Điểm", typed: "tám")) { _ = try points.points("tám") }
        #expect(NumberInputError(rule: .notANumber, label: "Điểm", typed: "tám").message
                == "Điểm: «tám» không phải là số; hãy nhập dạng 8,5 hoặc 8.5.")
        #expect(throws: NumberInputError(rule: .tooManyDecimals(2), label: "Điểm", typed: "8,125")) { _ = try points.points("8,125") }
        #expect(NumberInputError(rule: .tooManyDecimals(2), label: "Điểm", typed: "8,125").domainError
                == DomainError(field: "Điểm", "Điểm: chỉ nhận tối đa hai chữ số thập phân (đã nhập 8,125)."))
        #expect(Points(hundredths: 850).display == "8,5")
        #expect(Points(hundredths: 805).display == "8,05")
    }
}

/// A sheet is appraised and locked with every item appraised, or for a written reason.
@Suite struct SheetAppraisalTests {
    let unit = Subject.unit("DV0001")

    private func message(_ change: Change, in data: Dataset) -> String? {
        do { _ = try data.apply(change, context: Fixtures.context); return nil } catch { return error.message }
    }

    @Test func unappraisedItemsNeedAReasonToAppraiseOrLock() throws {
        var data = try Fixtures.apply(.setScore(year: 2026, subject: unit, item: "1.1", field: .selfScore, value: 50),
                                      to: Fixtures.commune)
        data = try Fixtures.apply(.setScore(year: 2026, subject: unit, item: "1.1", field: .appraised, value: 45), to: data)
        data = try Fixtures.apply(.setSheetState(year: 2026, subject: unit, state: .submitted, reason: ""), to: data)
        let sheet = try #require(data.sheets[SheetKey(year: 2026, subject: unit)])
        let missing = sheet.unappraisedItems(in: try #require(data.criteriaSet(for: sheet)))
        #expect(!missing.isEmpty && !missing.contains("1.1"))
        #expect(message(.setSheetState(year: 2026, subject: unit, state: .appraised, reason: " "), in: data)
            == "Phiếu của Phòng Kinh tế năm 2026 còn \(missing.count) tiêu chí chưa có điểm thẩm định (\(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", …" : "")); muốn chuyển sang «Đã thẩm định» phải ghi lý do.")
        let appraised = try data.apply(.setSheetState(year: 2026, subject: unit, state: .appraised, reason: "Thẩm định tại hội nghị"),
                                       context: Fixtures.context)
        guard case .setSheetState(_, _, _, let logged) = appraised.change else { Issue.record("not a state change"); return }
        #expect(logged == "Thẩm định tại hội nghị", "the reason goes into the journal with the change")
        #expect(message(.setSheetState(year: 2026, subject: unit, state: .locked, reason: ""), in: appraised.dataset)?
            .contains("muốn chuyển sang «Đã khóa» phải ghi lý do") == true)
        // Moving back never needs the appraisal, only its own reason.
        #expect(message(.setSheetState(year: 2026, subject: unit, state: .submitted, reason: "Trả lại"), in: appraised.dataset) == nil)
    }
}
