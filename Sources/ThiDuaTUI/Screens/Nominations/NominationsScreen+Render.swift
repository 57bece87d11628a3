import ThiDuaDomain

extension NominationsScreen {
    public func layout(_ rect: Rect, session: Session) {
        setWide(rect.width >= 110, data: session.data)
        table.setViewport(height: max(1, Self.regions(rect, hasRows: rows.total > 0).list.height - 1))
    }

    /// The selectors' row, the summary row, the list, and the selected nomination's details
    /// in the lower part (none when the list is empty).
    private static func regions(_ rect: Rect, hasRows: Bool) -> (inner: Rect, list: Rect, detailHeight: Int) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let detailHeight = hasRows ? min(max(4, rect.height / 3), 9) : 0
        let listTop = inner.y + 2
        let list = Rect(x: rect.x, y: listTop, width: rect.width, height: max(0, rect.maxY - listTop - detailHeight))
        return (inner, list, detailHeight)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let (inner, list, detailHeight) = Self.regions(rect, hasRows: rows.total > 0)
        drawSelectors(into: &buffer, row: inner.row(0), data: data)
        var head = DashboardLines(rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1))
        head.add(summaryLine(data), style: .dim, wrap: false)
        head.draw(into: &buffer)

        if rows.total == 0 {
            table.render(into: &buffer, rect: list.splitTop(1).0, focused: false)
            let formName = data.catalog.form(formID)?.name ?? formID
            var empty = DashboardLines(rect: Rect(x: inner.x + 1, y: list.y + 2, width: inner.width - 1, height: 4))
            empty.add("Chưa có đề nghị \(formName) trong đợt «\(period.label(settings: data.settings))».")
            empty.add("Nhấn g để gợi ý từ xếp hạng, hoặc F7 để thêm từng tập thể, cá nhân.", style: .dim)
            empty.draw(into: &buffer)
            return
        }
        var table = table
        table.setRows(count: table.count, provider: rowCells(data))
        table.render(into: &buffer, rect: list, focused: true)
        boldGroupRows(into: &buffer, list: list)
        drawDetail(into: &buffer, rect: Rect(x: inner.x, y: list.maxY, width: inner.width, height: detailHeight),
                   data: data)
    }

    /// "Đợt ◀ Năm 2026 ▶   [ Bằng khen tỉnh 0 ] Giấy khen xã 2 …". When the tabs do not fit
    /// they scroll so the selected one is always shown, with « and » where tabs are hidden.
    private func drawSelectors(into buffer: inout Buffer, row: Rect, data: Dataset) {
        buffer.fill(row)
        var x = row.x
        func put(_ text: String, _ style: Style = .plain) {
            x += buffer.put(text, at: Point(x: x, y: row.y), style: style, clipWidth: max(0, row.maxX - x))
        }
        put("Đợt ◀ ")
        put(period.label(settings: data.settings), .bold)
        put(" ▶  ")
        let forms = data.catalog.forms(for: period)
        let labels = forms.map { form in
            let label = " \(form.shortName) \(formCounts[form.id] ?? 0) "
            return form.id == formID ? "[" + label + "]" : label
        }
        let window = FormTabWindow(widths: labels.map(\.displayWidth), selected: forms.firstIndex { $0.id == formID },
                                   room: row.maxX - x)
        if window.first > 0 { put("«") }
        for i in window.range {
            let selected = forms[i].id == formID
            let room = row.maxX - x - (window.range.upperBound < forms.count ? 1 : 0)
            put(DisplayWidth.truncate(labels[i], toWidth: max(0, room)), selected ? .selected : .plain)
        }
        if window.range.upperBound < forms.count { put("»") }
    }

    /// Counts per status and the vote threshold of the form.
    private func summaryLine(_ data: Dataset) -> String {
        guard let form = data.catalog.form(formID) else { return "" }
        let statuses = NominationStatus.allCases.compactMap { status -> String? in
            guard let count = rows.counts[status], count > 0 else { return nil }
            return "\(status.label.lowercased()) \(count)"
        }
        let where_ = form.decidedInCommune ? "xã quyết định" : "xã đề nghị lên \(form.issuer)"
        let threshold = data.rules.voteThreshold(forForm: formID).label
        // The counts first: on a narrow terminal the threshold is what gets cut.
        return ((statuses.isEmpty ? [] : [statuses.joined(separator: ", ")]) + [where_, "ngưỡng \(threshold)"])
            .joined(separator: " · ")
    }

    /// Section titles ("I. TẬP THỂ (3)") stand out from the nominations under them.
    private func boldGroupRows(into buffer: inout Buffer, list: Rect) {
        let body = list.splitTop(1).1
        let top = table.selection.visibleOffset(rows: body.height)
        for r in 0..<body.height where top + r < rows.lines.count {
            guard case .group(let title) = rows.lines[top + r] else { continue }
            let line = body.row(r)
            buffer.fill(line)
            buffer.put(title, at: Point(x: line.x + Table.gutter, y: line.y), style: .bold,
                       clipWidth: max(0, line.width - Table.gutter))
        }
    }

    /// The selected nomination: snapshot, summary, findings (⚠ standing, ✓ overridden with
    /// the reason), and the last status change.
    private func drawDetail(into buffer: inout Buffer, rect: Rect, data: Dataset) {
        guard rect.height > 1, let n = selected else { return }
        buffer.put(String(repeating: "─", count: rect.width), at: rect.origin, style: .dim, clipWidth: rect.width)
        var lines = DashboardLines(rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
        var facts = ["\(n.id)", n.kind.label]
        if let grade = n.grade { facts.append(grade) }
        if let s = n.scoreSnapshot {
            facts.append("điểm năm \(s.year): \(s.total.display), \(s.className ?? "")" + (s.rank.map { ", hạng \($0)" } ?? ""))
        } else {
            facts.append("chưa có điểm năm \(period.referenceYear(settings: data.settings))")
        }
        if let decision = n.decision { facts.append("QĐ \(decision.number) ngày \(decision.date.display)") }
        lines.add(facts.joined(separator: " · "), style: .bold, wrap: false)
        let findings = selectedFindings
        for finding in findings {
            let scope = data.scope(of: finding)
            let reason = scope.isEmpty ? finding.reason : "\(finding.reason) [\(scope)]"
            if let overrideReason = finding.overrideReason, data.isOverridable(finding.ruleID) {
                lines.add("✓ \(reason) — vẫn đề nghị: \(overrideReason)", style: .dim)
            } else {
                lines.add("⚠ \(reason)", style: Style.bold.colored(.warning))
            }
        }
        let summary = n.achievementSummary.replacingOccurrences(of: "\n", with: " ")
        lines.add("Thành tích: " + (summary.isEmpty ? "(chưa ghi; Enter để viết)" : summary))
        if let last = n.statusHistory.last {
            let reason = last.reason.isEmpty ? "" : ": \(last.reason)"
            lines.add("\(last.status.label) — \(last.user), \(NominationsScreen.shortTime(last.time))\(reason)", style: .dim)
        }
        lines.draw(into: &buffer)
    }

    /// "2026-11-24T09:15:02+07:00" → "24/11/2026 09:15".
    static func shortTime(_ iso: String) -> String {
        guard let time = Timestamp.fields(iso) else { return iso }
        return "\(time.day.display) \(time.clock)"
    }
}
