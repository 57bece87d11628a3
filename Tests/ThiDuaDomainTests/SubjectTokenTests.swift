import Testing
import ThiDuaDomain

@Suite("Subject tokens")
struct SubjectTokenTests {
    @Test("a token reads back as the subject that wrote it")
    func roundTrip() {
        for subject in [Subject.unit("DV0001"), .person("CN00001"), .unit(""), .person("Nguyễn-1"), .unit("unit:x")] {
            #expect(Subject(token: subject.token) == subject)
        }
    }

    /// As `hasPrefix` and `dropFirst` read it, Characters and not bytes, also where they differ.
    @Test("tokens read as their Characters say, odd ones too")
    func oddTokens() {
        let cases: [(String, Subject?)] = [
            ("unit:DV1", .unit("DV1")),
            ("person:CN2", .person("CN2")),
            ("unit:", .unit("")),
            ("unit:Đ", .unit("Đ")),
            ("unit:\u{301}DV1", nil),           // the accent joins ':' into another character
            ("person:\u{301}", nil),
            ("Unit:DV1", nil),
            ("unit", nil),
            ("unitDV1", nil),
            ("", nil),
            ("person:unit:DV1", .person("unit:DV1")),
        ]
        for (token, expected) in cases {
            let characterReading: Subject? = token.hasPrefix("unit:") ? .unit(UnitID(String(token.dropFirst(5))))
                : token.hasPrefix("person:") ? .person(PersonID(String(token.dropFirst(7)))) : nil
            #expect(characterReading == expected, "\(token.debugDescription)")
            #expect(Subject(token: token) == expected, "\(token.debugDescription)")
        }
    }
}
