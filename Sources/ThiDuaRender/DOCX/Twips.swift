/// Units Word measures in.
enum Twips {
    static func from(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
    static func from(points: Double) -> Int { Int((points * 20).rounded()) }
    /// Font sizes are in half-points.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
}
