import PolicyCore
@testable import PolicyRender
import Testing

// Small contexts standing in for pages, so each rule of name resolution is tested alone.
private struct Page: TemplateContext {
    static let fields = TemplateFields<Page>([
        .text("title") { _ in "T" },
        .optionalText("note") { _ in nil },
        .flag("show") { _ in true },
        .list("items") { _ in [Item]() },
        .object("group") { _ in Group() },
    ])
}

private struct OtherPage: TemplateContext {
    static let fields = TemplateFields<OtherPage>([
        .text("title") { _ in "T" },
        .text("only") { _ in "O" },
    ])
}

private struct Item: TemplateContext {
    static let fields = TemplateFields<Item>([
        .text("label") { _ in "L" },
        .list("children") { _ in [Item]() },
    ])
}

private struct Group: TemplateContext {
    static let fields = TemplateFields<Group>([
        .text("name") { _ in "N" },
    ])
}

@Suite struct TemplateCheckerTests {
    /// The diagnostics of checking `page` (and the templates it uses) as `root`, as
    /// `file:line:column: message`.
    func check(_ sources: [String: String], pages: [(String, any TemplateContext.Type)] = [("page", Page.self)]) -> [String] {
        var templates: [String: CheckableTemplate] = [:]
        var templateOfFile: [String: String] = [:]
        for (name, source) in sources {
            let tokenized = TemplateTokenizer.tokenize(source)
            #expect(tokenized.problem == nil, "\(name)")
            templates[name] = CheckableTemplate(file: name + ".mustache", tags: tokenized.tags)
            templateOfFile[name + ".mustache"] = name
        }
        let checker = TemplateChecker(templates: templates, unreadable: [])
        let results = pages.map { (page: $0.0, result: checker.check(page: $0.0, root: $0.1)) }
        return Diagnostic.sortedForReport(TemplateCheckReport.diagnostics(pages: results, templateOfFile: templateOfFile)).map {
            "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0): \($0.message)"
        }
    }

    @Test func aSectionOverAListOpensTheItemsNames() {
        #expect(check(["page": "{{#items}}{{label}} {{title}}{{/items}}"]).isEmpty)
        #expect(check(["page": "{{title}} {{label}}"]) == [
            "page.mustache:1:13: template names 'label', which no page provides in this place; the names here are: group, items, note, show, title",
        ])
    }

    @Test func anInvertedSectionOpensNothing() {
        #expect(check(["page": "{{^items}}{{label}}{{/items}}"]).count == 1)
        #expect(check(["page": "{{^items}}{{title}}{{/items}}{{^show}}{{title}}{{/show}}"]).isEmpty)
    }

    @Test func nestedListsResolveInnermostFirstThenOutward() {
        #expect(check(["page": "{{#items}}{{#children}}{{label}}{{title}}{{#children}}{{label}}{{/children}}{{/children}}{{/items}}"]).isEmpty)
        // A section over text shows its body with the text as `.`; names climb past it.
        #expect(check(["page": "{{#note}}{{.}} {{title}}{{/note}}{{#show}}{{title}}{{/show}}"]).isEmpty)
        // A section whose name is unknown is reported once, not once per name inside it.
        #expect(check(["page": "{{#itmes}}{{label}}{{/itmes}}"]) == [
            "page.mustache:1:4: template names 'itmes', which no page provides in this place; did you mean 'items'? The names here are: group, items, note, show, title",
        ])
    }

    @Test func dottedNamesLookInsideTheObjectBeforeTheDot() {
        #expect(check(["page": "{{group.name}}{{#group}}{{name}} {{title}}{{/group}}"]).isEmpty)
        #expect(check(["page": "{{group.nmae}}"]) == [
            "page.mustache:1:9: template names 'group.nmae', which no page provides in this place; did you mean 'group.name'? The names in 'group' are: name",
        ])
        #expect(check(["page": "{{items.label}}"]).first?.contains("'items' is a list, so 'items.label' names nothing; show its items with {{#items}}…{{label}}…{{/items}}") == true)
        #expect(check(["page": "{{title.text}}"]).first?.contains("'title' is text, so 'title.text' names nothing") == true)
        // A leading dot keeps the lookup in the innermost scope.
        #expect(check(["page": "{{#items}}{{.label}}{{/items}}"]).isEmpty)
        #expect(check(["page": "{{#items}}{{.title}}{{/items}}"]).first?.contains("names 'title'") == true)
    }

    @Test func variablesShowTextNotListsOrObjects() {
        #expect(check(["page": "{{items}}"]).first?.contains("'items' is a list, which does not show as text") == true)
        #expect(check(["page": "{{group}}"]).first?.contains("'group' is a group of names, which does not show as text; name one of them like 'group.name'") == true)
        #expect(check(["page": "{{.}}"]).count == 1)
    }

    @Test func partialsAreCheckedInTheContextTheyAreIncludedIn() {
        #expect(check(["page": "{{#items}}{{> row}}{{/items}}", "row": "{{label}} {{title}}"]).isEmpty)
        #expect(check(["page": "{{> row}}", "row": "{{label}}"]).first?.hasPrefix("row.mustache:1:3: template names 'label'") == true)
        #expect(check(["page": "{{> rwo}}", "row": ""]) == [
            "page.mustache:1:5: template includes partial 'rwo', which does not exist; did you mean 'row'? The templates are: page, row",
        ])
        #expect(check(["page": "{{> partials/row}}", "row": ""]).first?.contains("templates are named by file name alone; write 'row'") == true)
    }

    @Test func recursivePartialsEndWhenTheyDescendIntoAList() {
        #expect(check(["page": "{{#items}}{{> tree}}{{/items}}", "tree": "{{label}}{{#children}}{{> tree}}{{/children}}"]).isEmpty)
        #expect(check(["page": "{{> loop}}", "loop": "{{title}}{{#show}}{{> loop}}{{/show}}"]) == [
            "loop.mustache:1:23: partial 'loop' includes itself without entering a list first, so rendering it would never end; include it only inside a section over a list of nested items, like {{#children}}{{> loop}}{{/children}}",
        ])
    }

    @Test func layoutBlocksRenderInTheLayoutsContext() {
        let layout = "<h1>{{title}}</h1>{{$body}}{{missing}}{{/body}}<ul>{{#items}}{{$row}}{{/row}}{{/items}}</ul>"
        // The page's blocks render where the layout expands them: `row` inside an item.
        #expect(check(["layout": layout, "page": "{{<layout}}{{$body}}{{group.name}}{{/body}}{{$row}}{{label}}{{/row}}{{/layout}}"]).isEmpty)
        // A block the page does not fill shows the layout's default, which is checked.
        #expect(check(["layout": layout, "page": "{{<layout}}{{$row}}{{label}}{{/row}}{{/layout}}"]).first?.hasPrefix("layout.mustache:1:30: template names 'missing'") == true)
        #expect(check(["layout": layout, "page": "{{<layout}}{{$body}}{{/body}}{{$row}}{{title}}{{/row}}{{$bdoy}}{{/bdoy}}{{/layout}}"]) == [
            "page.mustache:1:58: block 'bdoy' is not in layout 'layout', so this content is never shown; did you mean 'body'? The blocks of 'layout' are: body, row",
        ])
        #expect(check(["page": "{{<lay}}{{/lay}}"]).first?.contains("template extends layout 'lay', which does not exist") == true)
    }

    @Test func transformsAndListPositions() {
        #expect(check(["page": "{{#items}}{{index()}}{{#first()}}!{{/first()}}{{/items}}{{count(items)}}{{lowercased(title)}}{{#reversed(items)}}{{label}}{{/reversed(items)}}"]).isEmpty)
        #expect(check(["page": "{{index()}}"]).first?.contains("reads the position in a list") == true)
        // A partial starts afresh: swift-mustache forgets the list position there.
        #expect(check(["page": "{{#items}}{{> p}}{{/items}}", "p": "{{index()}}"]).count == 1)
        #expect(check(["page": "{{bogus(title)}}"]).first?.contains("'bogus' cannot transform text in 'bogus(title)'") == true)
    }

    @Test func aNameOnlySomePagesProvideNamesThePagesThatLackIt() {
        let sources = ["layout": "{{title}} {{only}}", "page": "{{<layout}}{{/layout}}", "other": "{{<layout}}{{/layout}}"]
        #expect(check(sources, pages: [("page", Page.self), ("other", OtherPage.self)]) == [
            "layout.mustache:1:13: template names 'only', which the 'page' page does not provide in this place (the 'other' page does); the names here are: group, items, note, show, title",
        ])
    }
}
