import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// The fast reader must agree with JSONDecoder on every file it accepts, and give up
/// (so JSONDecoder decides, with its messages) on everything else.
@Suite("Fast reader for score sheets and people") struct FastRecordsTests {
    static func sample() throws -> Dataset {
        try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())
    }

    @Test("the sample commune's files read the same as with JSONDecoder")
    func agreesWithJSONDecoderOnTheSample() throws {
        let data = try Self.sample()
        let files = try DatasetCodec.encode(data, header: .init(checkpointSeq: 0))
        var sheetFiles = 0
        for (name, bytes) in files where name.hasPrefix(FolderLayout.scoresFolder + "/") {
            let fast = try #require(FastRecords.scoreSheets([UInt8](bytes))?.value, "\(name)")
            let slow: [ScoreSheet] = try DatasetCodec.decode(bytes, file: name)
            #expect(fast == slow, "\(name)")
            sheetFiles += 1
        }
        #expect(sheetFiles >= 2)
        let people = try #require(files[FolderLayout.people])
        let fast = try #require(FastRecords.people([UInt8](people))?.value)
        let slow: [Person] = try DatasetCodec.decode(people, file: FolderLayout.people)
        #expect(fast == slow)
        #expect(fast.count == data.people.count)
    }

    @Test("escapes, nulls, missing optional fields, unknown keys and any key order")
    func acceptsWhatJSONDecoderAccepts() throws {
        let sheets = #"""
        [ { "items" : { "1.1" : { "selfScore" : -0.5, "appraised" : null, "done" : null,
                                 "evidence" : [ { "summary" : "Báo cáo \"số 1\"\n\u1ec7 \ud83d\ude00 \/ \\",
                                                  "product" : "", "documentNumber" : "12/BC", "date" : "2026-03-05" } ] },
                        "1.2" : { "selfScore" : 7.25, "later" : { "x" : [1, 2.5e3, true, null, "y"] } },
                        "1.3" : { } },
            "year" : 2026, "subject" : "unit:DV0001", "groupID" : "III.1", "state" : "draft", "extra" : 1 } ]
        """#
        try expectSameAsDecoder(sheets, ScoreSheet.self)
        let people = #"""
        [{"id":"CN00001","fullName":"Nguyễn Thị Ánh","gender":"female","kind":"nhanDan","unitID":null,
          "birthYear":1980,"givenName":"Ánh"},
         {"kind":"canBo","gender":"male","fullName":"Lê Văn Bình","id":"CN00002","archived":true,"notes":"a\tb"}]
        """#
        try expectSameAsDecoder(people, Person.self)
    }

    @Test("gives up on what it cannot be sure of", arguments: [
        #"[{"year":2026.0,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"selfScore":1e1}}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"selfScore":1.255}}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"selfScore":01}}}]"#,
        #"[{"year":2026,"year":2027,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{},"1":{}}}]"#,
        #"[{"year":2026,"subject":"DV0001","groupID":"G","state":"draft","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"open","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","state":"draft","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":null,"state":"draft","items":{}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"done":"yes"}}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"evidence":[{"summary":"","product":"","documentNumber":"1","date":"2026-02-30"}]}}}]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G\ud800","state":"draft","items":{}}]"#,
        "[{\"year\":2026,\"subject\":\"unit:DV0001\",\"groupID\":\"G\u{1}\",\"state\":\"draft\",\"items\":{}}]",
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{}},]"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{}}] x"#,
        #"[{"year":2026,"subject":"unit:DV0001","groupID":"G","state":"draft","items":{"1":{"selfScore":99999999999}}}]"#,
        "\u{FEFF}[]",
    ])
    func givesUp(on text: String) {
        #expect(FastRecords.scoreSheets(Array(text.utf8))?.value == nil)
    }

    @Test("decomposed accents, typed or escaped, are read as NFC and reported")
    func decomposedTextBecomesNFC() throws {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh"
        let text = #"[{"id":"CN1","fullName":"\#(nfd)","gender":"female","kind":"canBo","notes":"Ghi chu\u0301"}]"#
        let read = try #require(FastRecords.people(Array(text.utf8)))
        #expect(read.normalised)
        #expect(Array(read.value[0].fullName.unicodeScalars) == Array("Nguyễn Thị Ánh".unicodeScalars))
        #expect(Array(read.value[0].notes.unicodeScalars) == Array("Ghi chú".unicodeScalars))
        let clean = #"[{"id":"CN1","fullName":"Nguyễn Thị Ánh – «A»","gender":"female","kind":"canBo"}]"#
        #expect(FastRecords.people(Array(clean.utf8))?.normalised == false)
    }

    @Test("invalid UTF-8 inside a string gives up")
    func invalidUTF8GivesUp() {
        var bytes = Array(#"[{"id":"CN1","fullName":"A"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"","gender":"male","kind":"canBo"}]"#.utf8)
        #expect(FastRecords.people(bytes)?.value == nil)
    }

    @Test("a folder whose scores file the fast reader refuses still opens through JSONDecoder")
    func fallbackOpensTheFolder() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        try DataStore.initialize(folder: folder, with: try Self.sample())
        let path = folder + "/" + FolderLayout.scores(2025)
        // An exponent is valid JSON that only JSONDecoder reads.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #"("selfScore" : \d+)\n"#, with: "$1e0\n", options: .regularExpression)
        #expect(edited != text)
        #expect(FastRecords.scoreSheets(Array(edited.utf8))?.value == nil, "the fast reader leaves exponents to JSONDecoder")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try StoreFixtures.open(folder, options: .init(createIfMissing: false, readOnly: true))
        #expect(reopened.dataset == (try Self.sample()))
    }

    private func expectSameAsDecoder<T: Decodable & Equatable>(_ text: String, _ type: T.Type) throws {
        let slow = try JSONDecoder().decode([T].self, from: Data(text.utf8))
        let bytes = Array(text.utf8)
        let fast: [T]? = if T.self == ScoreSheet.self {
            FastRecords.scoreSheets(bytes)?.value as? [T]
        } else {
            FastRecords.people(bytes)?.value as? [T]
        }
        #expect(fast == slow)
    }
}

@Suite("Writing arrays one element at a time") struct ArrayEncodingTests {
    @Test("the same bytes as JSONEncoder writing the whole array")
    func sameBytesAsWholeArray() throws {
        let data = try FastRecordsTests.sample()
        let sheets = data.sheets.values.sorted { $0.key < $1.key }
        #expect(try StoreFormat.encodeArray(sheets) == StoreFormat.encode(sheets))
        let people = data.people.values.sorted { $0.id < $1.id }
        #expect(try StoreFormat.encodeArray(people) == StoreFormat.encode(people))
        let nominations = data.nominations.values.sorted { $0.id < $1.id }
        #expect(try StoreFormat.encodeArray(nominations) == StoreFormat.encode(nominations))
        let awkward = [Evidence(documentNumber: "1/BC", summary: "dòng một\ndòng hai \"trích\"", product: "[x]")]
        #expect(try StoreFormat.encodeArray(awkward) == StoreFormat.encode(awkward))
        #expect(try StoreFormat.encodeArray([Evidence]()) == StoreFormat.encode([Evidence]()))
        #expect(try StoreFormat.encodeArray([[Int]()]) == StoreFormat.encode([[Int]()]))
    }
}
