import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// The fast reader must agree with JSONDecoder on every file it accepts, and give up
/// (so JSONDecoder decides, with its messages) on everything else.
@Suite("Fast reader for score sheets, people and units") struct FastRecordsTests {
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
        let units = try #require(files[FolderLayout.units])
        let fastUnits = try #require(FastRecords.units([UInt8](units))?.value)
        let slowUnits: [OrgUnit] = try DatasetCodec.decode(units, file: FolderLayout.units)
        #expect(fastUnits == slowUnits)
        #expect(fastUnits.count == data.units.count)
    }

    @Test("whitespace between tokens in runs of every length, up to the last byte, reads the same")
    func whitespaceRunsOfAnyLength() throws {
        let files = try DatasetCodec.encode(try Self.sample(), header: .init(checkpointSeq: 0))
        let people = String(decoding: try #require(files[FolderLayout.people]), as: UTF8.self)
        var random = SeededGenerator(seed: 7)
        func run() -> String {
            String((0..<Int.random(in: 0...20, using: &random)).map { _ in [" ", " ", " ", "\t", "\r", "\n"].randomElement(using: &random)! })
        }
        // A string in the file never holds a raw line break, so each line's indentation is formatting.
        let lines = people.split(separator: "\n", omittingEmptySubsequences: false)
        for round in 0..<4 {
            let text = run() + lines.map { String($0.drop { $0 == " " }) }.joined(separator: "\n" + run()) + run()
            let fast = try #require(FastRecords.people(Array(text.utf8))?.value, "round \(round)")
            let slow: [Person] = try DatasetCodec.decode(Data(text.utf8), file: FolderLayout.people)
            #expect(fast == slow)
        }
    }

    @Test("random units read the same as with JSONDecoder, or the fast reader gives up")
    func unitsAgreeOnRandomData() throws {
        var random = SeededGenerator(seed: 21)
        let words = ["Thôn", "Xóm Đông", #"Công ty TNHH \"Hòa Bình\""#, "Trường", #"tab\there"#, "", "Hội 🌾", #"e\u0301"#]
        func value(_ kind: Int) -> String {
            switch kind % 6 {
            case 0: return "null"
            case 1: return "\"\(words.randomElement(using: &random)!)\""
            case 2: return String(Int.random(in: -5...500, using: &random))
            case 3: return Bool.random(using: &random) ? "true" : "false"
            case 4: return "2.5"
            default: return "[1, {\"x\": null}]"
            }
        }
        let fields = ["name", "categoryID", "order", "head", "phone", "archived", "notes", "isSample", "extra"]
        var accepted = 0
        for round in 0..<400 {
            var members = ["\"id\": \"DV\(round)\""]
            for field in fields where Int.random(in: 0..<5, using: &random) > 0 {
                // Mostly the right kind of value, sometimes anything.
                let kind: Int
                switch field {
                case "order": kind = Int.random(in: 0..<8, using: &random) < 6 ? 2 : Int.random(in: 0..<6, using: &random)
                case "archived", "isSample": kind = Int.random(in: 0..<8, using: &random) < 6 ? 3 : Int.random(in: 0..<6, using: &random)
                default: kind = Int.random(in: 0..<8, using: &random) < 6 ? 1 : Int.random(in: 0..<6, using: &random)
                }
                members.append("\"\(field)\": \(value(kind))")
            }
            members.shuffle(using: &random)
            let text = "[{" + members.joined(separator: ", ") + "}]"
            let slow = try? JSONDecoder().decode([OrgUnit].self, from: Data(text.utf8))
            let fast = FastRecords.units(Array(text.utf8))?.value
            if let fast {
                accepted += 1
                #expect(fast == slow, "\(text)")
            }
        }
        #expect(accepted > 40, "many of the random units should be readable")
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
        let units = #"""
        [{"id":"DV0001","name":"Thôn \"Đông\"","categoryID":"thon","order":null,"head":"Lê A","extra":[1,{"a":2}]},
         {"isSample":true,"notes":"x\ny","archived":false,"phone":"0208","order":3,"categoryID":"ubnd","name":"Ban","id":"DV0002"}]
        """#
        try expectSameAsDecoder(units, OrgUnit.self)
        #expect(FastRecords.units(Array(#"[{"id":"DV1","name":"A"}]"#.utf8))?.value == nil, "categoryID is required")
        #expect(FastRecords.units(Array(#"[{"id":"DV1","name":"A","categoryID":"c","order":1.0}]"#.utf8))?.value == nil)
        #expect(FastRecords.units(Array(#"[{"id":"DV1","id":"DV2","name":"A","categoryID":"c"}]"#.utf8))?.value == nil)
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
        } else if T.self == OrgUnit.self {
            FastRecords.units(bytes)?.value as? [T]
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
