import Foundation
import PolicySource
import PolicyModel
@testable import PolicyRender
import Testing

/// The page contexts' schemas are what rendering answers: every declared name gives a value of
/// its declared shape, and the real templates use only declared names.
@Suite struct TemplateContextTests {
    static let english = LanguageTag("en")!
    static let strings = UIStrings(
        tables: [english: Dictionary(uniqueKeysWithValues: UIStrings.requiredKeys.map { ($0, "text of \($0)") })],
        languageNames: [:], fallback: english
    )

    /// One of each page, with every optional value present and every list non-empty.
    static func samplePages() -> [any PageTemplateContext] {
        let base = PageBase(
            lang: "en", dir: "ltr", title: "Terms", siteTitle: "Example", canonicalURL: "https://example.com/en/terms/",
            alternates: [AlternateLink(hreflang: "en", url: "https://example.com/en/terms/")],
            languages: [LanguageLink(lang: "en", dir: "ltr", name: "English", href: "./", isCurrent: true)],
            hasManyLanguages: true, homeHref: "../", stylesheetHref: "../assets/style.css",
            t: UIStringTable(strings: strings, language: english), feedHref: "feed.xml"
        )
        let link = LinkItem(href: "../", url: "https://example.com/", label: "Read")
        return [
            LanguagePickerContext(base: base, choices: [LanguageChoice(lang: "en", dir: "ltr", name: "English", siteTitle: "Example", href: "en/")]),
            LanguageHomeContext(base: base, policies: [PolicyItem(title: "Terms", href: "terms/", versionsHref: "terms/versions/",
                                                                  effectiveText: "Effective", upcomingText: "Soon", upcomingHref: "terms/2030-01-01/")]),
            VersionPageContext(base: base, status: "current", draft: true, effectiveLine: "Effective", versionsHref: "versions/", changesHref: "changes/",
                               notices: [NoticeItem(kind: "archived", text: "Archived", links: [link])], contentLang: "en", contentDir: "ltr",
                               bodyHTML: "<p>Text</p>",
                               toc: [TOCItem(anchor: "scope", text: "Scope", children: [TOCItem(anchor: "more", text: "More", children: [])])],
                               permanentURL: "https://example.com/en/terms/2024-01-01/"),
            VersionsPageContext(base: base, intro: "Every version", policyTitle: "Terms", policyHref: "../",
                                versions: [VersionRow(date: "January 1, 2024", isoDate: "2024-01-01", href: "../2024-01-01/", changesHref: "../changes/2024-01-01/",
                                                      inForce: "Since", status: "current", statusText: "Current", isMaterial: true, summary: "Changed",
                                                      summaryLang: "en", summaryDir: "ltr", summaryNote: "None")]),
            ChangePageContext(base: base, effectiveLine: "Effective", versionsHref: "../../versions/", summary: "Changed",
                              summaryLang: "en", summaryDir: "ltr", isMaterial: true, previousLink: link, thisLink: link,
                              notices: [NoticeItem(kind: "fallback", text: "Fallback", links: [link])],
                              sections: [ChangeSectionItem(status: "changed", statusText: "Changed", headingHTML: "Scope", renamedFrom: "Renamed",
                                                           movedText: "Moved", href: "../../2024-01-01/#scope", url: "https://example.com/en/terms/2024-01-01/#scope", contentLang: "en",
                                                           contentDir: "ltr", bodyHTML: "<p><ins>new</ins></p>")],
                              unchanged: [ChangeSectionItem(status: "unchanged", statusText: "", headingHTML: "Other", href: "#other", url: "https://example.com/en/terms/#other",
                                                            contentLang: "en", contentDir: "ltr", bodyHTML: "")],
                              unchangedSummary: "1 unchanged", noChangesText: "No changes"),
            NotFoundPageContext(base: base, choices: [LanguageChoice(lang: "en", dir: "ltr", name: "English", siteTitle: "Example", href: "/en/")]),
        ]
    }

    @Test func everyDeclaredNameAnswersWithItsShape() {
        var visited: Set<ObjectIdentifier> = []
        func verify(_ context: any TemplateContext, path: String) {
            let type = Swift.type(of: context)
            guard visited.insert(ObjectIdentifier(type)).inserted else { return }
            #expect(context.child(named: "noSuchName") == nil, "\(path)")
            for name in type.fieldNames {
                let answer = context.child(named: name)
                switch type.fieldShape(of: name)! {
                case .text: #expect(answer is String, "\(path).\(name)")
                case .flag: #expect(answer is Bool, "\(path).\(name)")
                case .object(let declared):
                    let object = answer as? any TemplateContext
                    #expect(object.map { ObjectIdentifier(Swift.type(of: $0)) } == ObjectIdentifier(declared), "\(path).\(name)")
                    if let object { verify(object, path: "\(path).\(name)") }
                case .list(let declared):
                    let items = answer as? [any TemplateContext]
                    #expect(items?.isEmpty == false, "\(path).\(name) needs a sample item")
                    if let item = items?.first {
                        #expect(ObjectIdentifier(Swift.type(of: item)) == ObjectIdentifier(declared), "\(path).\(name)")
                        verify(item, path: "\(path).\(name)[0]")
                    }
                }
            }
        }
        let samples = Self.samplePages()
        #expect(samples.map { Swift.type(of: $0).template } == TemplateSet.pageTemplates)
        for page in samples { verify(page, path: Swift.type(of: page).template) }

        // Every type a schema can reach was verified with a value.
        var reachable: Set<ObjectIdentifier> = []
        var queue: [any TemplateContext.Type] = TemplateSet.pages
        while let type = queue.popLast() {
            guard reachable.insert(ObjectIdentifier(type)).inserted else { continue }
            for name in type.fieldNames {
                switch type.fieldShape(of: name)! {
                case .object(let inner), .list(let inner): queue.append(inner)
                case .text, .flag: break
                }
            }
        }
        #expect(reachable == visited)
    }

    @Test func theRealTemplatesAndStringsCheckClean() throws {
        let templates = TestSupport.packageRoot.appendingPathComponent("Templates").path
        let loaded = try DirectoryLoader().load(templates)
        let (set, diagnostics) = TemplateSet.make(from: loaded.snapshot, languages: ["en", "zh-Hans", "ar"].compactMap(LanguageTag.init))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(set != nil)
    }
}
