import PolicyCore

/// Turns the checker's findings for every page into diagnostics, one per place in a template.
///
/// A layout or partial is checked once per page that uses it; a name that fails in all of them
/// is one diagnostic ("no page provides"), and one that fails in some says which.
enum TemplateCheckReport {
    static func diagnostics(pages: [(page: String, result: TemplateChecker.PageResult)], templateOfFile: [String: String]) -> [Diagnostic] {
        struct Group {
            var finding: TemplateFinding
            var pages: [String] = []
            /// For unknown names: those open here on every failing page.
            var names: Set<String>?
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for (page, result) in pages {
            for finding in result.findings {
                let key = "\(finding.location.file):\(finding.location.line ?? 0):\(finding.location.column ?? 0)|\(finding.shown)|\(discriminator(finding.kind))"
                if groups[key] == nil {
                    groups[key] = Group(finding: finding)
                    order.append(key)
                }
                if !groups[key]!.pages.contains(page) { groups[key]!.pages.append(page) }
                if case .unknown(_, let names) = finding.kind {
                    groups[key]!.names = groups[key]!.names.map { $0.intersection(names) } ?? Set(names)
                }
            }
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            let template = templateOfFile[group.finding.location.file]
            let reaching = pages.filter { template.map($0.result.reached.contains) ?? false }.map(\.page)
            let failing = group.pages
            let everywhere = Set(reaching).isSubset(of: Set(failing))
            let finding = group.finding
            switch finding.kind {
            case .unknown(let within, _):
                let names = (group.names ?? []).sorted()
                let who = everywhere
                    ? "which no page provides in this place"
                    : "which \(pageList(failing)) \(failing.count == 1 ? "does" : "do") not provide in this place (\(pageList(reaching.filter { !failing.contains($0) })) \(reaching.count - failing.count == 1 ? "does" : "do"))"
                let last = String(finding.shown.split(separator: ".").last ?? "")
                let listed = names.isEmpty ? "(none)" : names.joined(separator: ", ")
                let list = within.map { "the names in '\($0)' are: \(listed)" } ?? "the names here are: \(listed)"
                let advice = NameSuggestion.advice(for: last, among: names, list: list) { suggestion in
                    (within.map { $0 + "." } ?? "") + suggestion
                }
                let message = "template names '\(finding.shown)', \(who); \(advice)"
                return .error(.template, message, at: finding.location)
            case .other(let message):
                let pages = everywhere ? "" : " (on \(pageList(failing)))"
                return .error(.template, message + pages, at: finding.location)
            }
        }
    }

    private static func discriminator(_ kind: TemplateNameProblem.Kind) -> String {
        switch kind {
        case .unknown(let within, _): "unknown:" + (within ?? "")
        case .other(let message): message
        }
    }

    /// "the 'version' page", "the 'version' and 'versions' pages".
    private static func pageList(_ pages: [String]) -> String {
        let quoted = pages.sorted().map { "'\($0)'" }
        switch quoted.count {
        case 0: return "no page"
        case 1: return "the \(quoted[0]) page"
        default: return "the \(quoted.dropLast().joined(separator: ", ")) and \(quoted.last!) pages"
        }
    }
}
