import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite struct DataStoreTests {
    @Test func firstOpenCreatesTheFolderFromThePlansDefaults() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        let data = store.dataset
        #expect(data.categories.count == 7)
        #expect(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.1")]?.items.count == 7)
        #expect(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.2")]?.items.count == 2)
        #expect(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.3")]?.items.count == 3)
        #expect(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.4")]?.items.count == 2)
        for key in data.criteriaSets.keys where key.groupID != "THON" {
            #expect(data.criteriaSets[key]!.normalMaximum == 100, "set \(key) must total 100")
        }
        #expect(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.1")]!.items[6].text
                == "Triển khai hiệu quả Cuộc thi “Đổi mới sáng tạo - Vì Thái Nguyên thân yêu” và các phong trào khởi nghiệp đổi mới sáng tạo trên địa bàn xã.")
        #expect(data.catalog.forms.map(\.id).sorted() == ["bang-khen-thu-tuong", "bang-khen-tinh", "giay-khen-xa", "huan-chuong-lao-dong"])
        #expect(data.catalog.form("huan-chuong-lao-dong")?.allows(.year(2026)) == false)
        #expect(data.catalog.form("giay-khen-xa")?.allows(.midTerm) == true)
        #expect(data.settings.unitReportDeadline == DayOfYear(day: 25, month: 11))
        #expect(data.settings.communeReportDeadline == DayOfYear(day: 30, month: 11))
        #expect(data.settings.signer.name == "Nguyễn Ánh Xuân")
        try store.close()
    }

    @Test func editsAreInTheJournalBeforeTheyCountAndSurviveReopening() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore,
                                   value: Points(hundredths: 850)))
        let journal = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 2)
        // Simulate a crash: no close, no checkpoint. The lock is released by deinit only.
        _ = store
        let reopened = try StoreFixtures.open(folder, options: .init(readOnly: true))
        #expect(reopened.dataset.units["DV0001"]?.name == "Phòng Kinh tế")
        #expect(reopened.dataset.sheets[SheetKey(year: 2026, subject: .unit("DV0001"))]?.items["1.1"]?.selfScore
                == Points(hundredths: 850))
    }

    @Test func aCheckpointRewritesTheFilesAndMovesTheJournalToHistory() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        try store.close()
        let units = try String(contentsOfFile: folder + "/units.json", encoding: .utf8)
        #expect(units.contains("\"name\" : \"Phòng Kinh tế\""))
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/journal.jsonl")[.size] as? Int == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/history") == ["journal-1-1.jsonl"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/backups").sorted().map { $0.hasSuffix(".manifest.json") }
                == [false, true], "one manifest, and the objects folder")
        // Reopen: nothing is applied twice, and the chain goes on.
        let again = try StoreFixtures.open(folder)
        #expect(again.dataset.units.count == 1)
        try again.commit(StoreFixtures.unit("DV0002", "Văn phòng"))
        try again.close()
        let trail = try StoreFixtures.open(folder, options: .init(readOnly: true)).auditTrail()
        #expect(trail.entries.map(\.seq) == [1, 2])
        #expect(trail.problems.isEmpty)
        #expect(trail.entries[0].summary == "Thêm đơn vị «Phòng Kinh tế» (DV0001)")
    }

    @Test func anInterruptedCheckpointIsFinishedOnOpen() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        try store.close()
        // Stage a newer units.json and a manifest, as if the program died after the commit point.
        let staged = "[\n]\n"
        try staged.write(toFile: folder + "/units.json.checkpoint", atomically: false, encoding: .utf8)
        try #"{"files":["units.json"]}"#.write(toFile: folder + "/checkpoint.json", atomically: false, encoding: .utf8)
        let reopened = try StoreFixtures.open(folder)
        #expect(reopened.dataset.units.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/checkpoint.json"))
        // Staged files without a manifest never committed: they are dropped.
        try reopened.close()
        try "garbage".write(toFile: folder + "/people.json.checkpoint", atomically: false, encoding: .utf8)
        let third = try StoreFixtures.open(folder)
        #expect(!FileManager.default.fileExists(atPath: folder + "/people.json.checkpoint"))
        try third.close()
    }

    @Test func onANetworkFileSystemASecondWriterIsRefusedWithTheHolderNamedOrOpensReadOnly() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let network = FaultyFileSystem()
        network.fakeVolume = .network("NFS")
        let other = Identity(user: "chi.lan", host: ProcessInfo.processInfo.hostName, pid: getpid())
        let first = try StoreFixtures.open(folder, identity: other, fileSystem: network)
        let refusal = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder, fileSystem: network) }
        #expect(refusal?.message.hasPrefix("Thư mục đang được mở bởi chi.lan@") == true)
        #expect(refusal?.message.contains("Thư mục nằm trên ổ mạng (NFS), nơi khóa tệp không đáng tin, nên mỗi lúc chỉ một người được sửa.") == true)
        let readOnly = try StoreFixtures.open(folder, options: .init(allowReadOnly: true), fileSystem: network)
        guard case .readOnly(let holder) = readOnly.access else { Issue.record("expected read-only"); return }
        #expect(holder.contains("chi.lan"))
        #expect(throws: CommitError.self) { try readOnly.commit(StoreFixtures.unit("DV0009", "Thôn")) }
        // A program on a local disk does not write beside the network's single writer either.
        let local = try StoreFixtures.open(folder, options: .init(allowReadOnly: true))
        #expect(local.isReadOnly)
        try first.close()
    }

    @Test func aChangeBasedOnAViewSomeoneElseChangedSinceIsRefusedWithTheirName() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let lan = try StoreFixtures.open(folder, identity: Identity(user: "lan", host: "may2", pid: 11))
        let minh = try StoreFixtures.open(folder, identity: Identity(user: "minh", host: "may3", pid: 12))
        try lan.commit(StoreFixtures.unit("DV0001", "Thôn Ao Sen"))
        _ = try minh.refresh()
        let minhOpenedTheForm = minh.appliedSeq
        try lan.commit(.setUnitArchived(id: "DV0001", archived: true))
        let renamed = OrgUnit(id: "DV0001", name: "Thôn Ao Sen mới", categoryID: "ubnd", order: 1)
        let refusal = #expect(throws: CommitError.self) { try minh.commit(.updateUnit(unit: renamed), base: minhOpenedTheForm) }
        #expect(refusal?.message.hasPrefix("Đơn vị DV0001 vừa được lan@may2 sửa lúc ") == true, "\(refusal?.message ?? "")")
        #expect(minh.dataset.units["DV0001"]?.archived == true, "what lan wrote is applied, nothing of minh's")
        // Minh's own edits since the base never stand in his way; a fresh view passes.
        try minh.commit(.updateUnit(unit: renamed), base: minh.appliedSeq)
        #expect(try lan.refresh().map(\.user) == ["minh"])
        try lan.close()
        try minh.close()
    }

    @Test func onALocalDiskTwoProgramsBothWriteAndSeeEachOther() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let lan = try StoreFixtures.open(folder, identity: Identity(user: "lan", host: "may2", pid: 11))
        let minh = try StoreFixtures.open(folder, identity: Identity(user: "minh", host: "may3", pid: 12))
        #expect(!lan.isReadOnly && !minh.isReadOnly)
        try lan.commit(StoreFixtures.unit("DV0001", "Thôn Ao Sen"))
        let arrived = try minh.refresh()
        #expect(arrived.map(\.user) == ["lan"])
        #expect(minh.dataset.units["DV0001"]?.name == "Thôn Ao Sen")
        try minh.commit(StoreFixtures.unit("DV0002", "Thôn Nà Kéo"))
        #expect(try lan.refresh().map(\.summary).count == 1)
        #expect(lan.dataset == minh.dataset)
        try lan.close()
        try minh.close()
        let trail = try StoreFixtures.open(folder, options: .init(readOnly: true)).auditTrail()
        #expect(trail.entries.map(\.seq) == [1, 2])
        #expect(trail.problems.isEmpty)
    }

    /// Lan checkpoints (on close) after lines minh has not read: minh passes her checkpoint while
    /// catching up, and his own checkpoint then writes exactly the files that differ from hers.
    @Test func afterAnotherProgramsCheckpointTheNextOneWritesOnlyWhatDiffers() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let lan = try StoreFixtures.open(folder, identity: Identity(user: "lan", host: "may2", pid: 11))
        try lan.commit(StoreFixtures.unit("DV0001", "Thôn Ao Sen"))
        let minh = try StoreFixtures.open(folder, identity: Identity(user: "minh", host: "may3", pid: 12))
        try lan.commit(StoreFixtures.unit("DV0002", "Thôn Nà Kéo"))
        try lan.close()
        #expect(try minh.refresh().count == 1)
        #expect(try minh.filesToWrite(for: minh.dataset, seq: minh.appliedSeq).isEmpty)
        try minh.commit(StoreFixtures.unit("DV0003", "Thôn Bản Chang", category: "thon"))
        #expect(try minh.filesToWrite(for: minh.dataset, seq: minh.appliedSeq).map(\.0) == [FolderLayout.settings, FolderLayout.units])
        try minh.close()
        let reopened = try StoreFixtures.open(folder, options: .init(readOnly: true))
        #expect(reopened.dataset.units.keys.sorted() == ["DV0001", "DV0002", "DV0003"])
        #expect(try reopened.auditTrail().problems.isEmpty)
    }

    @Test func aTornJournalLineIsSkippedWithAMessage() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        do {
            let store = try StoreFixtures.open(folder)
            try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
            try store.commit(StoreFixtures.unit("DV0002", "Văn phòng"))
        }
        let path = folder + "/journal.jsonl"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(40).write(to: URL(fileURLWithPath: path))
        let reopened = try StoreFixtures.open(folder)
        #expect(reopened.dataset.units.keys.sorted() == ["DV0001"])
        #expect(reopened.notices.count == 1)
        #expect(reopened.notices.first?.contains("dòng 2") == true)
        // The next edit is not glued onto the torn bytes.
        try reopened.commit(StoreFixtures.unit("DV0003", "Thôn Ao Sen", category: "thon"))
        try reopened.close()
        let final = try StoreFixtures.open(folder, options: .init(readOnly: true))
        #expect(final.dataset.units.keys.sorted() == ["DV0001", "DV0003"])
    }

    @Test func aCorruptCollectionFileIsNamedWithItsLineAndLeftUntouched() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        do {
            let store = try StoreFixtures.open(folder)
            try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
            try store.commit(StoreFixtures.unit("DV0002", "Văn phòng"))
            try store.close()
        }
        let path = folder + "/units.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"order\" : 1", with: "\"order\" : \"một\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"một\"") }! + 1
        let failure = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        #expect(failure?.message == "units.json, dòng \(expectedLine): trường «[0].order» phải là số.")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Broken JSON syntax is located too.
        try "[\n  {\n    \"id\" : \"DV0001\",,\n  }\n]\n".write(toFile: path, atomically: false, encoding: .utf8)
        let syntax = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        #expect(syntax?.message.hasPrefix("units.json, dòng 3:") == true)
        #expect(!FolderCheck.run(folder: folder, clock: StoreFixtures.clock).isHealthy)
    }

    /// A score sheet written twice in a year's file stops the load naming the file, the
    /// repeat's line and its subject; the sheets of the other years are merged before it.
    @Test func aRepeatedSheetIsReportedWithItsLine() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        try DataStore.initialize(folder: folder, with: try SampleCommune.build(from: try StoreFixtures.defaults(),
                                                                                names: try SampleNames.load()))
        let path = folder + "/scores/2025.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        #expect(sheets.count > 1)
        // The first sheet again at the end, as a hand edit might leave it.
        let first = try #require(text.range(of: "\n  },\n  {")).lowerBound
        let firstSheet = text[text.index(text.startIndex, offsetBy: 2)..<first] + "\n  }"
        let end = try #require(text.range(of: "\n]", options: .backwards)).lowerBound
        let doubled = text[..<end] + ",\n" + firstSheet + "\n]\n"
        try String(doubled).write(toFile: path, atomically: false, encoding: .utf8)
        let failure = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        let line = 1 + text[..<end].filter { $0 == "\n" }.count + 1
        #expect(failure?.message.contains("scores/2025.json, dòng \(line):") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.contains("bị lặp") == true)
    }

    @Test func duplicateIdsAndDanglingReferencesAreReported() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        do {
            let store = try StoreFixtures.open(folder)
            try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
            try store.close()
        }
        let path = folder + "/units.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast()
        let doubled = "[\(body),\(body)]\n"
        try doubled.write(toFile: path, atomically: false, encoding: .utf8)
        let failure = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        #expect(failure?.message.contains("mã «DV0001» bị trùng") == true)
        // The repeat's own line: where the second copy's "{" is.
        let secondCopy = doubled.index(doubled.startIndex, offsetBy: 2 + body.count)
        let brace = try #require(doubled[secondCopy...].firstIndex(of: "{"))
        let secondLine = 1 + doubled[..<brace].filter { $0 == "\n" }.count
        #expect(failure?.message.contains("units.json, dòng \(secondLine):") == true, "\(failure?.message ?? "")")

        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let people = """
        [ { "id" : "CN00001", "fullName" : "Lê Thị Ơn", "gender" : "female", "kind" : "congChuc", "unitID" : "DV0404" } ]
        """
        try people.write(toFile: folder + "/people.json", atomically: false, encoding: .utf8)
        let report = FolderCheck.run(folder: folder, clock: StoreFixtures.clock)
        #expect(report.problems == ["people.json, cá nhân CN00001: đơn vị «DV0404» không có trong units.json."])
    }

    @Test func handEditedNFDTextIsAcceptedAndNormalised() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        do {
            let store = try StoreFixtures.open(folder)
            try store.close()
        }
        let nfd = "Pho\u{0300}ng Kinh te\u{0302}\u{0301}"
        try "[{\"name\":\"\(nfd)\",\"id\":\"DV0001\",\"categoryID\":\"ubnd\"}]".write(
            toFile: folder + "/units.json", atomically: false, encoding: .utf8)
        let store = try StoreFixtures.open(folder)
        #expect(Array(store.dataset.units["DV0001"]!.name.unicodeScalars) == Array("Phòng Kinh tế".unicodeScalars))
    }

    @Test func aFullDiskRefusesTheEditAndKeepsThePreviousState() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let faulty = FaultyFileSystem(wrapping: PosixFileSystem())
        let store = try StoreFixtures.open(folder, fileSystem: faulty)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        faulty.inject(FaultRule(.write, .fromNthCall(1), errno: ENOSPC))
        let error = #expect(throws: CommitError.self) { try store.commit(StoreFixtures.unit("DV0002", "Văn phòng")) }
        #expect(error?.message.contains("Ổ đĩa đã đầy") == true)
        #expect(store.dataset.units.keys.sorted() == ["DV0001"])
        faulty.heal()
        try store.commit(StoreFixtures.unit("DV0003", "Thôn Ao Sen", category: "thon"))
        try store.close()
        let reopened = try StoreFixtures.open(folder, options: .init(readOnly: true))
        #expect(reopened.dataset.units.keys.sorted() == ["DV0001", "DV0003"])
    }

    @Test func backupAndRestoreRoundTrip() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        let backup = try store.backupNow()
        try store.commit(StoreFixtures.unit("DV0002", "Văn phòng"))
        let restored = try store.restore(from: backup)
        #expect(restored.units.keys.sorted() == ["DV0001"])
        try store.close()
        let reopened = try StoreFixtures.open(folder, options: .init(readOnly: true))
        #expect(reopened.dataset.units.keys.sorted() == ["DV0001"])
        let trail = try reopened.auditTrail()
        #expect(trail.entries.last?.summary.hasPrefix("Khôi phục từ bản sao lưu") == true)
        #expect(trail.problems.isEmpty)
    }

    @Test func aFolderFromANewerVersionIsRefusedAndLeftUntouched() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        try StoreFixtures.open(folder).close()
        let path = folder + "/thidua.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 99")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let failure = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        #expect(failure?.message == "thidua.json: thư mục được tạo bởi phiên bản mới hơn (lược đồ 99, chương trình này đọc tới 1); hãy cập nhật chương trình.")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aRecordInTheWrongYearFileIsNamedWithItsLine() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let store = try StoreFixtures.open(folder)
        try store.commit(StoreFixtures.unit("DV0001", "Phòng Kinh tế"))
        try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 10))
        try store.close()
        try FileManager.default.moveItem(atPath: folder + "/scores/2026.json", toPath: folder + "/scores/2027.json")
        let failure = #expect(throws: StoreFailure.self) { try StoreFixtures.open(folder) }
        #expect(failure?.message == "scores/2027.json, dòng 2: phiếu chấm ghi năm 2026 nhưng nằm trong tệp năm 2027.")
    }
}
