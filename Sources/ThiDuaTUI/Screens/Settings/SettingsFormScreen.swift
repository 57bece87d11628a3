import ThiDuaDomain

/// A form that edits one part of the settings (legal bases, council, reward money, printer
/// offsets), saved as one `updateSettings` change: a screen says only how its fields make
/// the settings.
public protocol SettingsFormScreen: ChangeFormScreen {
    /// The settings when the screen opened.
    var originalSettings: Settings { get }
    /// The settings as typed; a field that does not read throws its message.
    func draftSettings() throws(DomainError) -> Settings
}

extension SettingsFormScreen {
    public var hasUnsavedInput: Bool { (try? draftSettings()) != originalSettings }

    public func draftChange(session: Session) throws(DomainError) -> Change? {
        let settings = try draftSettings()
        return settings == originalSettings ? nil : .updateSettings(settings: settings)
    }
}
