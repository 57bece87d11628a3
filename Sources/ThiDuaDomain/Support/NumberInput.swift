import Foundation

/// What a number field accepts, and the one parse-and-check of what was typed into it: the
/// forms, the score grid, the CSV import and `Dataset.apply` all ask it, so a rule broken in
/// any of them is told in the same words.
///
/// What people type: "8", "8,5" (Vietnamese) or "8.5", ",5", an optional sign, surrounding
/// spaces. Nothing is ever rounded or clamped: a value the field does not take is refused
/// with the reason, so a typo cannot become a wrong score.
public struct NumberInput: Sendable, Equatable {
    /// Names the number in messages ("Điểm tự chấm của tiêu chí 1.1"); nil: a form field,
    /// whose message stands under its label.
    public var label: String?
    /// The values allowed, bounds included; nil: any (subject to `allowsNegative`).
    public var range: ClosedRange<Decimal>?
    public var allowsNegative: Bool
    /// The most digits after the decimal separator that carry a value: 0 for a whole number,
    /// 2 for points; nil: any.
    public var decimals: Int?

    public init(label: String? = nil, range: ClosedRange<Decimal>? = nil, allowsNegative: Bool = false,
                decimals: Int? = nil) {
        self.label = label
        self.range = range
        self.allowsNegative = allowsNegative
        self.decimals = decimals
    }

    /// A whole number (an order, a year, a count).
    public static func whole(label: String? = nil, range: ClosedRange<Decimal>? = nil,
                             allowsNegative: Bool = false) -> NumberInput {
        NumberInput(label: label, range: range, allowsNegative: allowsNegative, decimals: 0)
    }

    /// Digits in all beyond which a typed number is taken for a slip, not a number: more
    /// than any field holds, and few enough that points in hundredths fit an Int.
    static let maximumDigits = 15

    /// The number typed, or the first rule it breaks.
    public func parse(_ text: String) throws(NumberInputError) -> Decimal {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { throw refusal(.empty, typed) }
        guard let (value, fraction) = Self.number(typed) else {
            throw refusal(decimals == 0 ? .notWhole : .notANumber, typed)
        }
        if let decimals, fraction > decimals { throw refusal(decimals == 0 ? .notWhole : .tooManyDecimals(decimals), typed) }
        try check(value, typed: typed)
        return value
    }

    /// Sign and range of a value already a number (a stored score, a JSON value);
    /// `typed` is how the message shows it.
    public func check(_ value: Decimal, typed: String) throws(NumberInputError) {
        if let range {
            guard range.contains(value) else { throw refusal(.outOfRange(range), typed) }
        } else if value < 0 && !allowsNegative {
            throw refusal(.negative, typed)
        }
    }

    /// The typed number as points (hundredths).
    public func points(_ text: String) throws(NumberInputError) -> Points {
        let value = try NumberInput(label: label, range: range, allowsNegative: allowsNegative,
                                    decimals: min(decimals ?? 2, 2)).parse(text)
        return Points(hundredths: NSDecimalNumber(decimal: value * 100).intValue)
    }

    /// The typed number as a whole number.
    public func whole(_ text: String) throws(NumberInputError) -> Int {
        let value = try NumberInput(label: label, range: range, allowsNegative: allowsNegative, decimals: 0).parse(text)
        return NSDecimalNumber(decimal: value).intValue
    }

    /// Points already stored or decoded, checked the same way; for the domain's own checks,
    /// which report a `DomainError`.
    public func require(_ value: Points) throws(DomainError) {
        do { try check(value.decimal, typed: value.display) } catch { throw error.domainError }
    }

    private func refusal(_ rule: NumberInputError.Rule, _ typed: String) -> NumberInputError {
        NumberInputError(rule: rule, label: label, typed: typed)
    }

    /// "-8,25" → (-8.25, 2 decimals that carry a value); nil when the text is not a number.
    static func number(_ text: String) -> (Decimal, Int)? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "−" {
            negative = first != "+"
            body = body.dropFirst()
        }
        var whole = "", fraction = ""
        var seenSeparator = false
        for character in body {
            if character.isASCII, character.isNumber {
                if seenSeparator { fraction.append(character) } else { whole.append(character) }
            } else if (character == "," || character == ".") && !seenSeparator {
                seenSeparator = true
            } else {
                return nil
            }
        }
        if whole.isEmpty && fraction.isEmpty { return nil }
        if seenSeparator && fraction.isEmpty { return nil }
        guard whole.count + fraction.count <= maximumDigits else { return nil }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let canonical = (negative ? "-" : "") + (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
        guard let value = Decimal(string: canonical, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return (value, fraction.count)
    }

    /// A number as messages and fields show it: decimal comma, no grouping ("8,5").
    public static func display(_ value: Decimal) -> String {
        var copy = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 6, .plain)   // display only; the value is untouched
        return NSDecimalNumber(decimal: rounded).stringValue.replacingOccurrences(of: ".", with: ",")
    }
}

extension Points {
    /// The points as a decimal number (8,25 → 8.25): exactly `Decimal(hundredths) / 100`, the
    /// same value in the same representation, without the division. `Decimal(Int)` keeps its
    /// trailing zeros in the exponent, so dividing it by 100 only lowers the exponent by two;
    /// the division was almost half of the work of a durable score edit (each edit checks the
    /// score against its item's maximum).
    public var decimal: Decimal {
        guard hundredths != 0 else { return Decimal() }
        let whole = Decimal(hundredths)
        return Decimal(sign: whole.sign, exponent: whole.exponent - 2, significand: whole.significand)
    }
}
