import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaRender

/// Certificates land where their layout says, read back with `pdftotext -bbox`: a field's
/// first line starts at its box's top, and its left edge, centre or right edge (by its
/// alignment) is within 0.5 mm of the box's; the page is the blank's size, on A4 and A3 and in
/// both orientations; long texts wrap inside their box and too long ones are refused.
@Suite struct CertificatePDFTests {
    static let millimetre = 72.0 / 25.4
    static let tolerance = 0.5 * millimetre

    /// A certificate with a text in every field; the achievement takes two or three lines.
    static func certificate(achievement: String = "Đã có thành tích xuất sắc trong phong trào thi đua đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025.") -> CertificateText {
        CertificateText(nominationID: NominationID("DN00007"), label: "Nguyễn Thị Hoa (CN00012)", texts: [
            .salutation: "Bà",
            .name: "Nguyễn Thị Hoa",
            .positionAndUnit: "Chuyên viên, Văn phòng HĐND và UBND xã",
            .achievement: achievement,
            .placeAndDate: "Phong Quang, ngày 15 tháng 12 năm 2025",
            .decision: "Quyết định số 215/QĐ-UBND ngày 15/12/2025",
            .number: "Số: 12/GK-2025",
            .signerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            .signerName: "Hoàng Văn Tâm",
        ])
    }

    static func layout(_ formID: String, _ kind: SubjectKind) throws -> CertificateLayout {
        try #require(CertificateLayout.defaults.first { $0.formID == formID && $0.subjectKind == kind })
    }

    /// A portrait blank of another size, to show nothing assumes landscape or A4.
    static func portrait() throws -> CertificateLayout {
        var layout = try Self.layout("giay-khen-xa", .individual)
        layout.pageWidth = 210
        layout.pageHeight = 297
        for index in layout.fields.indices {
            layout.fields[index].x = 15 + Double(index)
            layout.fields[index].width = 170
            layout.fields[index].y = 40 + 28 * Double(index)
        }
        layout.fields[1].alignment = .right
        return layout
    }

    /// The text lines of a one-page PDF.
    private func lines(_ data: Data, name: String) throws -> (lines: [PDFTextLine], info: String) {
        let reading = try PDFReading(data, name: name)
        let pages = try reading.words()
        #expect(pages.count == 1)
        return (PDFReading.lines(pages.first ?? []), try reading.info())
    }

    /// Checks every shown field of `layout` against the lines read back.
    private func expectPlaced(_ layout: CertificateLayout, offset: (x: Double, y: Double) = (0, 0)) throws {
        #expect(layout.problems.isEmpty, "\(layout.problems)")
        let certificate = Self.certificate()
        let data = try CertificatePDF().data([certificate], layout: layout, title: "Giấy khen", offset: offset)
        let (lines, info) = try lines(data, name: "certificate-\(UUID().uuidString).pdf")
        let size = String(format: "%.2f x %.2f pts", layout.pageWidth * Self.millimetre, layout.pageHeight * Self.millimetre)
        #expect(info.contains("Page size:") && info.contains(size), "\(info)")
        for box in layout.fields where !box.hidden {
            let top = (box.y + offset.y) * Self.millimetre
            let left = (box.x + offset.x) * Self.millimetre, right = left + box.width * Self.millimetre
            // The field's lines: those whose tops fall in its box (no other box overlaps it).
            let mine = lines.filter {
                $0.yMin > top - Self.tolerance && $0.yMin < top + box.height * Self.millimetre - 1
                    && $0.xMin > left - Self.tolerance && $0.xMax < right + Self.tolerance
            }
            let expected = (box.upperCase ? certificate[box.field].uppercased() : certificate[box.field])
                .replacingOccurrences(of: "\n", with: " ")
            #expect(mine.map(\.text).joined(separator: " ") == expected, "\(box.field) at \(box.x), \(box.y)")
            guard let first = mine.first else { continue }
            #expect(abs(first.yMin - top) < Self.tolerance, "\(box.field): top \(first.yMin) ≠ \(top)")
            for line in mine {
                switch box.alignment {
                case .left: #expect(abs(line.xMin - left) < Self.tolerance, "\(box.field): left edge \(line.xMin) ≠ \(left)")
                case .right: #expect(abs(line.xMax - right) < Self.tolerance, "\(box.field): right edge \(line.xMax) ≠ \(right)")
                case .center:
                    #expect(abs((line.xMin + line.xMax) / 2 - (left + right) / 2) < Self.tolerance,
                            "\(box.field): centre \((line.xMin + line.xMax) / 2) ≠ \((left + right) / 2)")
                }
            }
        }
    }

    @Test func theDefaultLayoutsHaveNoBoxOffTheBlankOrOverlapping() throws {
        for layout in CertificateLayout.defaults {
            #expect(layout.problems.isEmpty, "\(layout.formID) \(layout.subjectKind): \(layout.problems)")
            #expect(layout.fields.map(\.field) == CertificateField.allCases)
        }
        var broken = try Self.layout("giay-khen-xa", .individual)
        broken.fields[3].y = broken.fields[2].y
        broken.fields[0].x = 290
        #expect(broken.problems == ["Ô «Danh xưng» ra ngoài phôi 297 × 210 mm.", "Ô «Chức vụ, đơn vị» chồng lên ô «Thành tích»."])
    }

    @Test func aGiayKhenLandsWhereItsA4LandscapeLayoutSays() throws {
        try expectPlaced(try Self.layout("giay-khen-xa", .individual))
        try expectPlaced(try Self.layout("giay-khen-xa", .collective))
    }

    @Test func aBangKhenLandsWhereItsA3LandscapeLayoutSays() throws {
        try expectPlaced(try Self.layout("bang-khen-tinh", .individual))
    }

    @Test func aPortraitBlankAndAPrinterOffsetMoveEveryField() throws {
        try expectPlaced(try Self.portrait())
        try expectPlaced(try Self.layout("giay-khen-xa", .individual), offset: (x: 2.5, y: -1.5))
    }

    @Test func aLongAchievementWrapsInsideItsBox() throws {
        let layout = try Self.layout("giay-khen-xa", .individual)
        let box = try #require(layout.layout(of: .achievement))
        let long = String(repeating: "Chủ trì số hoá hồ sơ một cửa, hướng dẫn người dân dùng dịch vụ công trực tuyến. ", count: 2)
        let data = try CertificatePDF().data([Self.certificate(achievement: long)], layout: layout, title: "Giấy khen")
        let (lines, _) = try lines(data, name: "certificate-\(UUID().uuidString).pdf")
        let left = box.x * Self.millimetre, right = (box.x + box.width) * Self.millimetre
        let achievement = lines.filter { $0.text.contains("số hoá") || $0.text.contains("dịch vụ") || $0.text.contains("người dân") }
        #expect(achievement.count > 1 && achievement.count <= box.maxLines)
        for line in achievement {
            #expect(line.xMin > left - Self.tolerance && line.xMax < right + Self.tolerance, "\(line.text)")
        }
    }

    @Test func aTooLongAchievementIsRefusedNamingTheCertificate() throws {
        let layout = try Self.layout("giay-khen-xa", .individual)
        let tooLong = String(repeating: "Chủ trì số hoá hồ sơ một cửa, hướng dẫn người dân dùng dịch vụ công trực tuyến. ", count: 8)
        let refusal = #expect(throws: CertificateOverflow.self) {
            try CertificatePDF().data([Self.certificate(), Self.certificate(achievement: tooLong)], layout: layout, title: "Giấy khen")
        }
        #expect(refusal?.certificate == "Nguyễn Thị Hoa (CN00012)" && refusal?.field == .achievement)
        #expect((refusal?.lines ?? 0) > 4 && refusal?.maxLines == 4)
        #expect(refusal?.description.hasPrefix("Giấy chứng nhận của «Nguyễn Thị Hoa (CN00012)»: ô «Thành tích» cần ") == true)
    }

    @Test func oneCertificateAPageAndTheSameBytesEveryTime() throws {
        let layout = try Self.layout("giay-khen-xa", .individual)
        let certificates = [Self.certificate(), Self.certificate(achievement: "Hoàn thành xuất sắc nhiệm vụ năm 2025.")]
        let data = try CertificatePDF().data(certificates, layout: layout, title: "Giấy khen")
        #expect(try CertificatePDF().data(certificates, layout: layout, title: "Giấy khen") == data)
        let reading = try PDFReading(data, name: "certificate-\(UUID().uuidString).pdf")
        #expect(try reading.words().count == 2)
        #expect(try reading.qpdfCheck().status == 0)
    }
}

/// The calibration page: a plain-paper print of a layout with a millimetre grid and the boxes.
@Suite struct CertificateCalibrationTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__documents__")

    /// Its text, line by line as the page prints it, against a golden.
    @Test func theCalibrationPagesTextMatchesItsGolden() throws {
        let layout = try CertificatePDFTests.layout("giay-khen-xa", .individual)
        let text = CertificateCalibration(layout: layout, offset: (x: 1.5, y: -2)).lines(formName: "Giấy khen của Chủ tịch UBND xã")
            .joined(separator: "\n") + "\n"
        let url = Self.directory.appendingPathComponent("trang-can-chinh-giay-khen-xa.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "UPDATE_GOLDENS=1 to accept")
    }

    /// The page is the blank's size, says what it is, and draws each box where its field
    /// prints (the printer's offset included): a box's name starts 1 mm inside its left edge.
    @Test func thePageIsTheBlanksSizeWithEveryBoxWhereItsFieldPrints() throws {
        let fonts = try FontLocator().fonts()
        for layout in CertificateLayout.defaults {
            let calibration = CertificateCalibration(layout: layout, offset: (x: 2, y: 1))
            let data = try calibration.pdf(fonts: fonts, formName: "Giấy khen")
            let reading = try PDFReading(data, name: "calibration-\(UUID().uuidString).pdf")
            let size = String(format: "%.2f x %.2f pts", layout.pageWidth * CertificatePDFTests.millimetre,
                              layout.pageHeight * CertificatePDFTests.millimetre)
            #expect(try reading.info().contains(size))
            #expect(try reading.qpdfCheck().status == 0)
            // The grid's numbers down the left edge are left out: one may share a box name's baseline.
            let words = (try reading.words().first ?? []).filter {
                !($0.text.allSatisfy(\.isNumber) && $0.xMin < 12 * CertificatePDFTests.millimetre)
            }
            let lines = PDFReading.lines(words)
            #expect(lines.contains { $0.text.hasPrefix("TRANG CĂN CHỈNH — Giấy khen") })
            for box in layout.fields where !box.hidden {
                let name = try #require(lines.first { $0.text.hasPrefix(box.field.label + ":") }, "\(box.field)")
                #expect(abs(name.xMin - (box.x + 3) * CertificatePDFTests.millimetre) < CertificatePDFTests.tolerance)
                #expect(abs(name.yMin - (box.y + 1.5) * CertificatePDFTests.millimetre) < CertificatePDFTests.tolerance)
            }
        }
    }
}

/// What `lp` is told of the paper: A4 for documents; a blank by its size, never scaled.
@Suite struct PrintMediaTests {
    @Test func aBlankIsNamedBySizeAndNeverScaled() {
        #expect(PrintMedia.a4.options == ["-o", "media=A4"])
        #expect(PrintMedia.blank(width: 297, height: 210).options == ["-o", "media=A4", "-o", "print-scaling=none"])
        #expect(PrintMedia.blank(width: 420, height: 297).options == ["-o", "media=A3", "-o", "print-scaling=none"])
        #expect(PrintMedia.blank(width: 250, height: 180.5).options == ["-o", "media=Custom.250x180.5mm", "-o", "print-scaling=none"])
        #expect(PrintMedia.blank(width: 297, height: 210).label == "phôi 297 × 210 mm")
        #expect(LinePrinter.arguments(queue: "VHXH", copies: 2, duplex: false, title: "Giấy khen", file: "a.pdf",
                                      media: .blank(width: 297, height: 210))
                == ["-d", "VHXH", "-n", "2", "-o", "media=A4", "-o", "print-scaling=none", "-t", "Giấy khen", "a.pdf"])
    }
}
