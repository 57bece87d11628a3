/// What an input field did with a key, so its owner (a form, a grid cell)
/// knows whether to move focus, validate or pass the key on.
public enum FieldEvent: Hashable, Sendable {
    /// The key is not for this field (Tab, F-keys, arrows it does not use…).
    case ignored
    /// Consumed without changing the value (cursor movement).
    case handled
    /// The value changed.
    case changed
    /// Enter: the value is accepted (normalised to NFC).
    case committed
    /// Enter on a value that does not parse; carries the Vietnamese message.
    case invalid(String)
    /// Esc restored the value the field had when editing began.
    case cancelled
}
