import Testing
import ThiDuaDomain

/// One Telex case: the keys typed into an empty field, and the text expected with the old
/// and the new tone style (most cases do not depend on the style).
struct TelexCase: CustomTestStringConvertible, Sendable {
    let keys: String
    let old: String
    let new: String

    init(_ keys: String, _ expected: String) {
        self.init(keys, old: expected, new: expected)
    }

    init(_ keys: String, old: String, new: String) {
        self.keys = keys
        self.old = old
        self.new = new
    }

    var testDescription: String { "\"\(keys)\"" }
}

let telexCases: [TelexCase] = [
    // Letter marks
    TelexCase("aa", "â"),
    TelexCase("aw", "ă"),
    TelexCase("ee", "ê"),
    TelexCase("oo", "ô"),
    TelexCase("ow", "ơ"),
    TelexCase("uw", "ư"),
    TelexCase("uow", "ươ"),
    TelexCase("uwow", "ươ"),
    TelexCase("w", "ư"),
    TelexCase("tw", "tư"),
    TelexCase("nhw", "như"),
    TelexCase("dd", "đ"),
    TelexCase("ddoong", "đông"),
    TelexCase("dongd", "đong"),
    TelexCase("aaw", "ă"),
    TelexCase("awa", "â"),
    TelexCase("uowo", "uô"),
    TelexCase("anw", "ăn"),
    TelexCase("muaw", "mưa"),
    // Tones, typed at the end of the word
    TelexCase("as", "á"),
    TelexCase("af", "à"),
    TelexCase("ar", "ả"),
    TelexCase("ax", "ã"),
    TelexCase("aj", "ạ"),
    TelexCase("ys", "ý"),
    TelexCase("Nguyeenx", "Nguyễn"),
    TelexCase("Hoaf", old: "Hòa", new: "Hoà"),
    TelexCase("Thij", "Thị"),
    TelexCase("truwowngf", "trường"),
    TelexCase("nguowif", "người"),
    TelexCase("ddoongf", "đồng"),
    TelexCase("tieengs", "tiếng"),
    TelexCase("nghieeng", "nghiêng"),
    TelexCase("quys", "quý"),
    TelexCase("quyeets", "quyết"),
    TelexCase("quaf", "quà"),
    TelexCase("gias", "giá"),
    TelexCase("gif", "gì"),
    TelexCase("giuwx", "giữ"),
    TelexCase("khoer", old: "khỏe", new: "khoẻ"),
    TelexCase("thuyr", old: "thủy", new: "thuỷ"),
    TelexCase("hoas", old: "hóa", new: "hoá"),
    TelexCase("hoangf", "hoàng"),
    TelexCase("toans", "toán"),
    TelexCase("huynhf", "huỳnh"),
    TelexCase("hooij", "hội"),
    TelexCase("cuwus", "cứu"),
    TelexCase("ruowuj", "rượu"),
    TelexCase("hoawcj", "hoặc"),
    TelexCase("xoays", "xoáy"),
    TelexCase("khuyur", "khuỷu"),
    TelexCase("tocs", "tóc"),
    TelexCase("tocj", "tọc"),
    // Later tone replaces, z removes
    TelexCase("asf", "à"),
    TelexCase("Nguyeensx", "Nguyễn"),
    TelexCase("asz", "a"),
    TelexCase("hoafz", "hoa"),
    // The tone moves when the word grows
    TelexCase("hoafn", "hoàn"),
    TelexCase("hoafi", "hoài"),
    TelexCase("gifa", "già"),
    TelexCase("nguoifw", "người"),
    TelexCase("tiengse", "tiếng"),
    TelexCase("Nguyeexn", "Nguyễn"),
    // Repeating a key cancels it and types the letter
    TelexCase("ass", "as"),
    TelexCase("asss", "ass"),
    TelexCase("aff", "af"),
    TelexCase("aaa", "aa"),
    TelexCase("aaaa", "aaa"),
    TelexCase("eee", "ee"),
    TelexCase("ooo", "oo"),
    TelexCase("xooong", "xoong"),
    TelexCase("aww", "aw"),
    TelexCase("ww", "w"),
    TelexCase("www", "ww"),
    TelexCase("httpw", "httpw"),
    TelexCase("ddd", "dd"),
    TelexCase("dddd", "ddd"),
    TelexCase("beeer", "beer"),
    TelexCase("herr", "her"),
    // Capitals
    TelexCase("DD", "Đ"),
    TelexCase("Dd", "Đ"),
    TelexCase("AA", "Â"),
    TelexCase("Aw", "Ă"),
    TelexCase("W", "Ư"),
    TelexCase("Ww", "W"),
    TelexCase("NGUYEENX", "NGUYỄN"),
    TelexCase("Ddoongf", "Đồng"),
    TelexCase("HDDND", "HĐND"),
    TelexCase("UBND", "UBND"),
    // Keys that cannot apply stay literal
    TelexCase("s", "s"),
    TelexCase("z", "z"),
    TelexCase("az", "az"),
    TelexCase("nhs", "nhs"),
    TelexCase("tocf", "tocf"),
    TelexCase("2w", "2w"),
    TelexCase("A4s", "A4s"),
    TelexCase("12aa", "12aa"),
    TelexCase("Ksorr", "Ksor"),
    TelexCase("Kdawm", "Kdăm"),
    TelexCase("(w", "(ư"),
    TelexCase("as.", "á."),
    // ư then o, the horn typed once: completed to ươ once a letter follows
    TelexCase("duwoi", "dươi"),
    TelexCase("nguwoif", "người"),
    TelexCase("thuwongf", "thường"),
    TelexCase("dduwocj", "được"),
    TelexCase("huwou", "hươu"),
    TelexCase("muwowif", "mười"),
    TelexCase("nguoiwf", "người"),
    TelexCase("thuongw", "thương"),
    TelexCase("truowngf", "trường"),
    // k as a final (Central Highlands place names), and tones after every final
    TelexCase("ddawks", "đắk"),
    TelexCase("Ddawks Lawks", "Đắk Lắk"),
    TelexCase("Krong Buks", "Krong Búk"),
    TelexCase("Ddawkf", "Đăkf"),
    TelexCase("cacs", "các"),
    TelexCase("cachj", "cạch"),
    TelexCase("hopj", "họp"),
    TelexCase("tatj", "tạt"),
    TelexCase("lamf", "làm"),
    TelexCase("banr", "bản"),
    TelexCase("langx", "lãng"),
    TelexCase("thanhf", "thành"),
    TelexCase("manhj", "mạnh"),
    TelexCase("khoangr", "khoảng"),
    TelexCase("hoanhf", "hoành"),
    // A tone typed before the mark that makes the vowel: uê, and a word of two syllables
    TelexCase("uese", "uế"),
    TelexCase("Huese", "Huế"),
    TelexCase("thuese", "thuế"),
    TelexCase("aloo", "alô"),
    TelexCase("aloos", "alố"),
    // One word, three ways people type it: marks inline, the w after the word, the tone last
    TelexCase("dduwowngf", "đường"),
    TelexCase("dduongwf", "đường"),
    TelexCase("dduowngf", "đường"),
    TelexCase("nuwowcs", "nước"),
    TelexCase("nuocws", "nước"),
    TelexCase("nuowcs", "nước"),
    TelexCase("thuwowngr", "thưởng"),
    TelexCase("thuongwr", "thưởng"),
    TelexCase("thuowngr", "thưởng"),
    TelexCase("cuoocj", "cuộc"),
    TelexCase("cuocoj", "cuộc"),
    TelexCase("tuooir", "tuổi"),
    TelexCase("tuoior", "tuổi"),
    TelexCase("chuyeenr", "chuyển"),
    TelexCase("chuyenre", "chuyển"),
    TelexCase("khuyeens", "khuyến"),
    TelexCase("khuyenes", "khuyến"),
    TelexCase("ddieeuf", "điều"),
    TelexCase("ddieufe", "điều"),
    TelexCase("bieesn", "biến"),
    TelexCase("ruwowif", "rười"),
    TelexCase("thowf", "thờ"),
    TelexCase("Lawks", "Lắk"),
    // Whole names and phrases
    TelexCase("Nguyeenx Thij Hoaf", old: "Nguyễn Thị Hòa", new: "Nguyễn Thị Hoà"),
    TelexCase("Traafn Vawn Ddwcs", "Trần Văn Đức"),
    TelexCase("Phongf Vawn hoas - Xax hooij", old: "Phòng Văn hóa - Xã hội", new: "Phòng Văn hoá - Xã hội"),
    TelexCase("UBND xax Hoaf Bifnh", old: "UBND xã Hòa Bình", new: "UBND xã Hoà Bình"),
]

@Suite("Telex composer")
struct TelexComposerTests {
    @Test("Keys typed in old style", arguments: telexCases)
    func oldStyle(_ telex: TelexCase) {
        #expect(TelexComposer(toneStyle: .old).compose(telex.keys) == telex.old)
    }

    @Test("Keys typed in new style", arguments: telexCases)
    func newStyle(_ telex: TelexCase) {
        #expect(TelexComposer(toneStyle: .new).compose(telex.keys) == telex.new)
    }

    @Test func tableIsLargeEnough() {
        #expect(telexCases.count >= 150)
    }

    @Test func defaultStyleIsOld() {
        #expect(TelexComposer().toneStyle == .old)
        #expect(TelexComposer().compose("hoaf") == "hòa")
    }

    @Test func applyRewritesOnlyTheLastWord() {
        let composer = TelexComposer(toneStyle: .new)
        #expect(composer.apply("f", to: "Hoa Hoa") == "Hoa Hoà")
        #expect(composer.apply("s", to: "Đội văn nghệ thon") == "Đội văn nghệ thón")
        #expect(composer.apply("x", to: "") == "x")
    }

    @Test func decomposedTextIsAcceptedAndResultIsNFC() {
        let composer = TelexComposer()
        let nfd = "Nguye\u{0302}n"
        let result = composer.apply("x", to: nfd)
        #expect(result == "Nguyễn")
        #expect(Array(result.unicodeScalars) == Array("Nguy\u{1EC5}n".unicodeScalars))
        #expect(Array(composer.apply(" ", to: "Hoa\u{0300}").unicodeScalars) == Array("Ho\u{00E0} ".unicodeScalars))
    }

    @Test func foreignLettersStayLiteral() {
        let composer = TelexComposer()
        #expect(composer.apply("s", to: "Müller") == "Müllers")
        #expect(composer.apply("s", to: "Peña") == "Peñas")
    }

    @Test func backspaceRemovesOneCharacter() {
        let composer = TelexComposer()
        #expect(composer.backspace("Nguyễn") == "Nguyễ")
        #expect(composer.backspace("Nguyễ") == "Nguy")
        #expect(composer.backspace("Nguye\u{0302}\u{0303}") == "Nguy")
        #expect(composer.backspace("") == "")
    }
}
