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

/// VNI: digits make the marks (1–5 tones, 0 none, 6 â ê ô, 7 ơ ư, 8 ă, 9 đ); letters are
/// only letters.
let vniCases: [TelexCase] = [
    TelexCase("a1", "á"), TelexCase("a2", "à"), TelexCase("a3", "ả"), TelexCase("a4", "ã"), TelexCase("a5", "ạ"),
    TelexCase("a10", "a"), TelexCase("a0", "a0"), TelexCase("a11", "a1"), TelexCase("a12", "à"),
    TelexCase("a6", "â"), TelexCase("e6", "ê"), TelexCase("o6", "ô"), TelexCase("o7", "ơ"), TelexCase("u7", "ư"),
    TelexCase("a8", "ă"), TelexCase("d9", "đ"), TelexCase("D9", "Đ"), TelexCase("uo7", "ươ"),
    TelexCase("a66", "a6"), TelexCase("o77", "o7"), TelexCase("a88", "a8"), TelexCase("d99", "d9"),
    TelexCase("Nguye6n4", "Nguyễn"), TelexCase("Nguyen64", "Nguyễn"), TelexCase("Nguyen46", "Nguyễn"),
    TelexCase("Tra62n Va8n D9u71c", "Trần Văn Đức"),
    TelexCase("truo7ng2", "trường"), TelexCase("tru7o7ng2", "trường"), TelexCase("truong72", "trường"),
    TelexCase("ngu7o7i2", "người"), TelexCase("nguoi72", "người"), TelexCase("ngu7oi2", "người"),
    TelexCase("d9uo7c5", "được"), TelexCase("d9u7oc5", "được"),
    TelexCase("Ho2a", old: "Hòa", new: "Hoà"), TelexCase("thuy3", old: "thủy", new: "thuỷ"),
    TelexCase("D9a81k La81k", "Đắk Lắk"), TelexCase("qua1", "quá"), TelexCase("gi2", "gì"),
    TelexCase("tie6ng1", "tiếng"), TelexCase("tieng16", "tiếng"), TelexCase("hoa2n", "hoàn"),
    TelexCase("chuye63n", "chuyển"), TelexCase("ue61", "uế"), TelexCase("u1e6", "uế"),
    TelexCase("Tho6n 4", "Thôn 4"), TelexCase("So61 15", "Số 15"), TelexCase("12a", "12a"),
    TelexCase("as", "as"), TelexCase("aa", "aa"), TelexCase("dd", "dd"), TelexCase("w", "w"), TelexCase("uow", "uow"),
    TelexCase("Pho2ng Va8n hoa1 - Xa4 ho65i", old: "Phòng Văn hóa - Xã hội", new: "Phòng Văn hoá - Xã hội"),
]

@Suite("VNI composer")
struct VNIComposerTests {
    @Test("Keys typed in old style", arguments: vniCases)
    func oldStyle(_ vni: TelexCase) {
        #expect(TelexComposer(toneStyle: .old, method: .vni).compose(vni.keys) == vni.old)
    }

    @Test("Keys typed in new style", arguments: vniCases)
    func newStyle(_ vni: TelexCase) {
        #expect(TelexComposer(toneStyle: .new, method: .vni).compose(vni.keys) == vni.new)
    }

    @Test func bothTablesTogetherHaveTwoHundredCases() {
        #expect(telexCases.count + vniCases.count >= 200)
    }
}
