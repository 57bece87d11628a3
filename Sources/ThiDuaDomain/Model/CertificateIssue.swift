/// A certificate printed for a nomination's decision, as the register (sổ theo dõi cấp phát)
/// keeps it: its number, counted per award form and year of the decision from 1, every
/// printing (the first, then reprints, which keep the number), and the text edited for this
/// certificate alone, printed again as edited.
public struct CertificateIssue: Codable, Equatable, Sendable {
    /// The register's count within the form and year: 1, 2, …
    public var serial: Int
    /// As printed: «12/GK-2025».
    public var number: String
    /// Every printing, the first first.
    public var printings: [CertificatePrinting]
    /// Text edited for this certificate, by field; the other fields print as computed.
    public var edits: [CertificateField: String]

    public init(serial: Int, number: String, printings: [CertificatePrinting], edits: [CertificateField: String] = [:]) {
        self.serial = serial
        self.number = number
        self.printings = printings
        self.edits = edits
    }

    /// Whether it has been printed more than once.
    public var isReprinted: Bool { printings.count > 1 }

    /// Whether it has been printed (and so numbered). A certificate whose text was edited
    /// before its first printing is kept unnumbered: serial 0, no number, no printings.
    public var isPrinted: Bool { !printings.isEmpty }

    /// The text edited for a certificate not yet printed.
    public static func unprinted(edits: [CertificateField: String]) -> CertificateIssue {
        CertificateIssue(serial: 0, number: "", printings: [], edits: edits)
    }
}

/// One printing of a certificate: when («2026-12-06T10:42:00+07:00») and by whom.
public struct CertificatePrinting: Codable, Equatable, Sendable {
    public var time: String
    public var user: String

    public init(time: String, user: String) {
        self.time = time
        self.user = user
    }
}

extension CertificateField: CodingKeyRepresentable {}
