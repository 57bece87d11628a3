import Foundation
import ThiDuaDomain

/// The paper a job prints on, as `lp` is told it.
public enum PrintMedia: Sendable, Equatable {
    /// The office's documents: A4.
    case a4
    /// A pre-printed blank of this size in millimetres (either orientation): the page is the
    /// blank, so nothing may be scaled or it would miss the blank's frame.
    case blank(width: Double, height: Double)

    /// `-o media=…` and, for a blank, `-o print-scaling=none`. A blank of A4 or A3 size is
    /// named so (either orientation: the PDF page is already turned); any other size is
    /// `Custom.WxHmm`, the form CUPS reads.
    public var options: [String] {
        switch self {
        case .a4:
            return ["-o", "media=A4"]
        case .blank(let width, let height):
            let sides = [width, height].sorted()
            let name: String
            if sides == [210, 297] {
                name = "A4"
            } else if sides == [297, 420] {
                name = "A3"
            } else {
                func mm(_ value: Double) -> String {
                    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
                }
                name = "Custom.\(mm(width))x\(mm(height))mm"
            }
            return ["-o", "media=\(name)", "-o", "print-scaling=none"]
        }
    }

    /// «khổ A4», «phôi 297 × 210 mm»: what the message after printing says.
    public var label: String {
        switch self {
        case .a4: return "khổ A4"
        case .blank(let width, let height):
            return "phôi \(CertificateLayout.millimetres(width)) × \(CertificateLayout.millimetres(height)) mm"
        }
    }
}
