import Foundation
import Testing
@testable import ThiDuaRender

/// Where LibreOffice is installed (and always in CI), our DOCX converted by it to PDF gives back the
/// same Vietnamese names: the file opens in the office suite the commune uses.
@Suite struct DOCXLibreOfficeTests {
    // Where THIDUA_REQUIRE_OFFICE=1 (CI), a missing LibreOffice fails instead of skipping.
    @Test(.enabled(if: Tools.path(of: "soffice") != nil || ProcessInfo.processInfo.environment["THIDUA_REQUIRE_OFFICE"] == "1",
                   "LibreOffice is not installed here"))
    func libreOfficeReadsTheSameNames() throws {
        let docx = TempFiles.url("libreoffice-list.docx")
        try DOCXWriter().write(Fixtures.list(rows: 40), to: docx)
        let outdir = docx.deletingLastPathComponent().path
        let profile = "file://" + outdir + "/lo-profile"
        let converted = try Tools.run("soffice", ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf",
                                                  "--outdir", outdir, docx.path])
        #expect(converted.status == 0, "soffice: \(converted.stderr)")
        let pdf = docx.deletingPathExtension().appendingPathExtension("pdf").path
        let text = try Tools.run("pdftotext", ["-layout", pdf, "-"]).stdout.precomposedStringWithCanonicalMapping
        for name in Fixtures.names {
            #expect(text.contains(name.precomposedStringWithCanonicalMapping), "«\(name)» missing after conversion")
        }
    }
}
