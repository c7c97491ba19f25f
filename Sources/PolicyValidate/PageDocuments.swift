import PolicyDiagnostics
import PolicyModel

/// Which document each language's page of a version shows, as the renderer decides it
/// (`SiteRenderer.document(of:in:)` in PolicyRender, which this module cannot import): the
/// language's own document, else the first of the other site languages in order (the default
/// language first), else the version's first document.
extension PolicyVersion {
    func shownDocument(in language: LanguageTag, settings: SiteSettings) -> PolicyDocument? {
        if let own = document(in: language) { return own }
        for candidate in settings.fallbacks(for: language) {
            if let document = document(in: candidate) { return document }
        }
        return documents.first
    }

    /// The languages whose page of this version shows `document`: its own, and those that fall
    /// back to it. Its links are resolved once for each of these pages.
    func pageLanguages(showing document: PolicyDocument, settings: SiteSettings) -> [LanguageTag] {
        settings.languages.filter { shownDocument(in: $0, settings: settings)?.file == document.file }
    }
}

extension PolicyDocument {
    /// Line 1, column 1: where a problem with the file as a whole is reported.
    var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// The version folder, `Content/privacy/2024-03-01`, for problems about a file that is not there.
    var versionFolder: String {
        guard let slash = file.lastIndex(of: "/") else { return file }
        return String(file[..<slash])
    }

    /// The policy folder, `Content/privacy`.
    var policyFolder: String {
        let folder = versionFolder
        guard let slash = folder.lastIndex(of: "/") else { return folder }
        return String(folder[..<slash])
    }

    /// The ids the document's headings declare, in order.
    var sectionIDs: [SectionID] { headings.compactMap(\.id) }
}

/// Author text quoted in a message: cut short, so a hostile file cannot flood the report.
func shortened(_ text: String, limit: Int = 60) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…" : text
}

/// A list of names for a message: `a, b, c` and, past `limit`, how many more.
func listed(_ names: [String], limit: Int = 12) -> String {
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? shown + " and \(names.count - limit) more" : shown
}
