/// The closing block: recipients on the left, authority and signer on the right, on one page.
extension PDFLayout {
    static let signatureLeftShare = 0.45
    /// The decree's sizes: "Nơi nhận:" 12 pt bold italic, its list 11 pt.
    static let recipientsHeadingSize = 12.0
    static let recipientsSize = 11.0

    mutating func addSignature(_ signature: Document.Signature) throws {
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
        if pageHasContent { y += Self.blockGap * 2 }
        // Kept whole: if it does not fit, all of it moves to the next page.
        ensureSpace(max(leftHeight, rightHeight))

        var cursor = y
        for (line, size) in leftLines {
            draw(line, x: left, top: cursor, size: size)
            cursor += lineHeight(size)
        }
        cursor = y
        for line in authority {
            draw(line, x: rightX, top: cursor, size: bodySize)
            cursor += lineHeight(bodySize)
        }
        cursor += space
        for line in signer {
            draw(line, x: rightX, top: cursor, size: bodySize)
            cursor += lineHeight(bodySize)
        }
        y += max(leftHeight, rightHeight)
    }
}
