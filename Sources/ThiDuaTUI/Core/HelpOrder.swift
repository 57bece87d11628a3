/// The order of the help screen's lines: by each command's first key, F1…F12 first, then
/// letters (a A b B …), then every other key (digits, punctuation, Ctrl keys) by its label;
/// commands with the same first key by id. A total order, so the help never reshuffles.
enum HelpOrder {
    static func precedes(_ a: Command, _ b: Command) -> Bool {
        let x = rank(a), y = rank(b)
        if x.group != y.group { return x.group < y.group }
        if x.number != y.number { return x.number < y.number }
        if x.label != y.label { return x.label < y.label }
        return a.id < b.id
    }

    /// Group (0 F-key, 1 letter, 2 other), then the F-key number, then the label to compare.
    private static func rank(_ command: Command) -> (group: Int, number: Int, label: String) {
        guard let key = command.allKeys.first else { return (3, 0, command.id) }
        switch key {
        case .function(let n):
            return (0, n, "")
        case .char(let c) where c.isLetter:
            // a before A before b: lower case of the letter first, then lower before upper.
            let lower = String(c).lowercased()
            return (1, 0, lower + (c.isUppercase ? "1" : "0"))
        default:
            return (2, 0, key.label)
        }
    }
}
