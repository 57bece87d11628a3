import Foundation

/// The number inputs of scoring: what a score, or a number of points, accepts.
extension NumberInput {
    /// The score `field` of `item`: 0 to the item's maximum, in hundredths. The same input
    /// for the score grid, the item form and `Dataset.apply`, so each says the same thing.
    public static func score(_ item: CriteriaItem, _ field: ScoreField) -> NumberInput {
        NumberInput(label: "Điểm \(field.label.lowercased()) của tiêu chí \(item.code)",
                    range: 0...item.maximum.decimal, decimals: 2)
    }

    /// Points that are not a criterion's score (a rule's minimum, a class band's floor):
    /// not negative, in hundredths.
    public static func points(label: String? = "Điểm") -> NumberInput {
        NumberInput(label: label, decimals: 2)
    }
}
