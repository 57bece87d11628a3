/// The closing block: recipients on the left, authority and signer on the right, as one item
/// (kept whole on one page; KeepTogether pulls the lines above it along).
extension PDFLayout {
    static let signatureLeftShare = 0.45
    /// The decree's sizes: "Nơi nhận:" 12 pt bold italic, its list 11 pt.
    static let recipientsHeadingSize = 12.0
    static let recipientsSize = 11.0

    func laySignature(_ signature: Document.Signature) throws -> LaidBlock {
        if let second = signature.leftSigner { return try layTwoSignatures(left: second, right: signature) }
        let leftWidth = signature.recipients.isEmpty ? 0 : textWidth * Self.signatureLeftShare
        let rightWidth = textWidth - (signature.recipients.isEmpty ? textWidth * Self.signatureLeftShare : leftWidth)
        let rightX = right - rightWidth

        var leftLines: [(LaidLine, Double)] = []
        if !signature.recipients.isEmpty {
            for line in try breaker(Self.recipientsHeadingSize).lines(
                [Document.TextRun(Document.Signature.recipientsHeading, style: .boldItalic)],
                width: leftWidth, alignment: .left) {
                leftLines.append((line, Self.recipientsHeadingSize))
            }
            for recipient in signature.recipients {
                for line in try breaker(Self.recipientsSize).lines([Document.TextRun(recipient)],
                                                                    width: leftWidth, alignment: .left) {
                    leftLines.append((line, Self.recipientsSize))
                }
            }
        }
        var authority: [LaidLine] = []
        for text in signature.authority {
            authority += try breaker(bodySize).lines([.bold(text)], width: rightWidth, alignment: .center)
        }
        let signer = try breaker(bodySize).lines([.bold(signature.signer)], width: rightWidth, alignment: .center)
        let space = Units.points(signature.signatureSpace)

        let leftHeight = leftLines.reduce(0) { $0 + lineHeight($1.1) }
        let rightHeight = Double(authority.count + signer.count) * lineHeight(bodySize) + space

        var marks: [PDFMark] = []
        var cursor = 0.0
        for (line, size) in leftLines {
            marks += self.marks(line, x: left, top: cursor, size: size)
            cursor += lineHeight(size)
        }
        cursor = 0
        for line in authority {
            marks += self.marks(line, x: rightX, top: cursor, size: bodySize)
            cursor += lineHeight(bodySize)
        }
        cursor += space
        for line in signer {
            marks += self.marks(line, x: rightX, top: cursor, size: bodySize)
            cursor += lineHeight(bodySize)
        }
        return LaidBlock(items: [FlowItem(marks: marks, height: max(leftHeight, rightHeight))],
                         spaceBefore: Self.blockGap * 2)
    }

    /// Two signers side by side, each centred in half the width: authority, space, name; kept
    /// whole on one page like a single signature.
    private func layTwoSignatures(left second: Document.Signature.Column, right signature: Document.Signature) throws
        -> LaidBlock {
        let half = textWidth / 2
        func column(_ authority: [String], _ signer: String) throws -> (authority: [LaidLine], signer: [LaidLine]) {
            var lines: [LaidLine] = []
            for text in authority { lines += try breaker(bodySize).lines([.bold(text)], width: half, alignment: .center) }
            return (lines, try breaker(bodySize).lines([.bold(signer)], width: half, alignment: .center))
        }
        let columns = [try column(second.authority, second.signer), try column(signature.authority, signature.signer)]
        let space = Units.points(signature.signatureSpace)
        let height = columns.map { Double($0.authority.count + $0.signer.count) * lineHeight(bodySize) + space }.max() ?? 0
        var marks: [PDFMark] = []
        for (index, column) in columns.enumerated() {
            let x = left + Double(index) * half
            var cursor = 0.0
            for line in column.authority {
                marks += self.marks(line, x: x, top: cursor, size: bodySize)
                cursor += lineHeight(bodySize)
            }
            cursor += space
            for line in column.signer {
                marks += self.marks(line, x: x, top: cursor, size: bodySize)
                cursor += lineHeight(bodySize)
            }
        }
        return LaidBlock(items: [FlowItem(marks: marks, height: height)], spaceBefore: Self.blockGap * 2)
    }
}
