import ThiDuaDomain

/// How a decision states the money that comes with its awards (its Điều 2): per form and kind
/// of subject, the amount, the coefficient and the base salary of the decision's day, the total
/// and the fund. When a setting is missing, the article says the money follows the regulations
/// and names no figure: a made-up amount is worse than none.
struct RewardWording {
    let parts: DocumentParts

    func article(for selection: NominationSelection) -> String {
        let data = parts.data
        let money = parts.settings.rewardMoney
        let tally = data.rewardTally(selection.nominations, on: selection.decisionDate(draftDate: parts.request.date))
        guard tally.isComplete, !selection.isEmpty else {
            return "Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi đua, khen thưởng, chi từ \(money.fund)."
        }
        var each: [String] = []
        for part in selection.parts {
            let prefix = selection.parts.count > 1 ? "\(part.form.name): " : ""
            var kinds: [String] = []
            for (nominations, who) in [(part.collectives, "tập thể"), (part.individuals, "cá nhân")] {
                // One sentence per amount: a form with grades may have several.
                let amounts = nominations.compactMap { tally.amounts[$0.id] }
                var seen: [RewardAmount] = []
                for amount in amounts where !seen.contains(amount) { seen.append(amount) }
                kinds += seen.map { amount in
                    "mỗi \(who) \(VietnameseMoney.display(amount.amount)) đồng (hệ số \(amount.coefficient.display) × mức lương cơ sở \(VietnameseMoney.display(amount.baseSalary.amount)) đồng)"
                }
            }
            each.append(prefix + kinds.joined(separator: ", "))
        }
        return "Tiền thưởng kèm theo: \(each.joined(separator: "; ")); \(money.rounding.label.lowercased()); tổng cộng \(VietnameseMoney.display(tally.total)) đồng, chi từ \(money.fund)."
    }
}
