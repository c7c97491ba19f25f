import Mustache
@testable import PolicyRender
import Testing

/// Small templates that exercise swift-mustache's corners, rendered with a compiled plan and
/// with swift-mustache over the same contexts: the output must be the same to the byte.
@Suite struct RenderPlanTemplateTests {
    struct Page: TemplateContext {
        var title = "Terms & <Conditions>"
        var note: String? = "page note"
        var missing: String?
        var html = "<b class=\"x\">'&'</b>"
        var on = true
        var off = false
        var items: [Item] = [
            Item(name: "one", note: "first", children: [Item(name: "one.a"), Item(name: "one.b", children: [Item(name: "one.b.i")])]),
            Item(name: "two"),
            Item(name: "three", children: [Item(name: "three.a")]),
        ]
        var none: [Item] = []
        var child = Item(name: "child", note: "child note", children: [Item(name: "grandchild")])
        var lines = "line 1\nline 2\r\nline 3"
        var empty = ""

        static let fields = TemplateFields<Page>([
            .text("title") { $0.title }, .optionalText("note") { $0.note }, .optionalText("missing") { $0.missing },
            .text("html") { $0.html }, .flag("on") { $0.on }, .flag("off") { $0.off },
            .list("items") { $0.items }, .list("none") { $0.none }, .object("child") { $0.child },
            .text("lines") { $0.lines }, .text("empty") { $0.empty },
        ])
    }

    struct Item: TemplateContext {
        var name: String
        var note: String?
        var children: [Item] = []

        static let fields = TemplateFields<Item>([
            .text("name") { $0.name }, .optionalText("note") { $0.note }, .list("children") { $0.children },
            .flag("hasChildren") { !$0.children.isEmpty },
        ])
    }

    /// Renders `templates["page"]` both ways; the plan must exist and render.
    func compare(_ templates: [String: String], _ page: Page = Page(), sourceLocation: SourceLocation = #_sourceLocation) throws {
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        let expected = try #require(library.render(page, withTemplate: "page"), sourceLocation: sourceLocation)
        let plan = try RenderPlanCompiler.compile(page: "page", root: Page.self, texts: templates).get()
        let actual = try #require(plan.render(page), "the plan gave up", sourceLocation: sourceLocation)
        #expect(actual == expected, "\(templates)", sourceLocation: sourceLocation)
        #expect(Array(actual.utf8) == Array(expected.utf8), sourceLocation: sourceLocation)
    }

    @Test func standaloneLines() throws {
        try compare(["page": "a\n{{#on}}\nb\n{{/on}}\nc\n  {{^off}}  \n d\n\t{{/off}}\ne"])
        try compare(["page": "a\r\n{{#on}}\r\nb\r\n  {{/on}}\r\nc\r\n{{#items}}\r\n{{name}}\r\n{{/items}}\r\n"])
        try compare(["page": "{{#on}}\n{{#off}}\nx\n{{/off}}\n{{/on}}"])
        // A tag that does not stand alone, closed by one that does: the next line cannot.
        try compare(["page": "x {{#on}}\n{{/on}}\n  {{#on}}\ny\n{{/on}}\n"])
        // Standalone at the very end, with and without white space after it.
        try compare(["page": "a\n{{#on}}\nb\n{{/on}}"])
        try compare(["page": "a\n{{#on}}\nb\n{{/on}}  "])
        try compare(["page": "a\n  "])
        try compare(["page": "{{title}}\n  {{#on}}  x\n  {{/on}}\n"])
        // A lone carriage return is text, not a line end; other Unicode line ends too.
        try compare(["page": "a\r{{#on}}\rb\r{{/on}}\r\u{2028}{{#on}}\u{2028}c{{/on}}\u{85}"])
    }

    @Test func partialsAndIndentation() throws {
        try compare(["page": "<ul>\n  {{> item}}\n</ul>\n", "item": "<li>{{title}}</li>\n<li>two</li>\n"])
        // swift-mustache indents only the start of each token's output: a list's later items
        // are not indented.
        try compare(["page": "<ul>\n  {{> list}}\n</ul>\n", "list": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n"])
        try compare(["page": "  {{> p}}\r\n", "p": "a\r\nb\r\n{{title}}\r\n"])
        try compare(["page": "\t{{> outer}}\nend", "outer": "o1\n  {{> inner}}\no2\n", "inner": "i1\n{{empty}}\ni2 {{lines}}\n{{missing}}\n"])
        // Not standalone: no indentation.
        try compare(["page": "  {{> p}} x\n  y {{> p}}\n", "p": "a\nb\n"])
        try compare(["page": "{{#items}}{{> item}}{{/items}}", "item": "<{{name}}>{{title}}\n"])
        try compare(["page": "{{#items}}\n  {{> item}}\n{{/items}}", "item": "<{{name}}>\n{{#children}}\n  - {{name}}\n{{/children}}\n"])
        try compare(["page": "  {{> p}}\n", "p": "{{#on}}\n{{title}}\n{{/on}}\n{{^on}}\nno\n{{/on}}\n{{missing}}x\n"])
    }

    @Test func recursivePartials() throws {
        try compare(["page": "{{#items}}{{> node}}{{/items}}", "node": "{{name}}({{#children}}{{> node}}{{/children}})"])
        try compare(["page": "<ul>\n{{#items}}\n  {{> node}}\n{{/items}}\n</ul>\n",
                     "node": "<li>{{name}} {{title}}\n{{#hasChildren}}\n  <ul>\n  {{#children}}\n    {{> node}}\n  {{/children}}\n  </ul>\n{{/hasChildren}}\n</li>\n"])
    }

    @Test func sectionsOverListsTextAndFlags() throws {
        try compare(["page": "{{#items}}{{name}}:{{#children}}[{{name}}{{#children}}<{{name}}>{{/children}}]{{/children}};{{/items}}"])
        try compare(["page": "{{^none}}no items{{/none}}{{^items}}x{{/items}}{{^off}}off{{/off}}{{^on}}on{{/on}}{{^missing}}nil{{/missing}}{{^note}}note{{/note}}{{^child}}c{{/child}}{{^empty}}e{{/empty}}"])
        try compare(["page": "{{#note}}[{{.}}]{{/note}}{{#title}}<{{.}}>{{{.}}}{{/title}}{{#missing}}never{{/missing}}{{#empty}}({{.}}){{/empty}}"])
        try compare(["page": "{{#note}}{{#.}}{{.}}{{/.}}{{^.}}-{{/.}}{{title}}{{/note}}"])
        try compare(["page": "{{^none}}[{{.}}]{{#.}}x{{/.}}{{^.}}y{{/.}}{{title}}{{/none}}"])
        try compare(["page": "{{on}} {{off}} {{#on}}{{on}}{{/on}}"])
        // Names resolved outside the list, and an optional that is nil falls back outward.
        try compare(["page": "{{#items}}{{title}}-{{name}}-{{note}}|{{#note}}({{.}}){{/note}}{{/items}}"])
        try compare(["page": "{{#items}}{{.name}}/{{.title}}/{{.note}};{{/items}}"])
        try compare(["page": "{{#child}}{{name}} {{title}} {{note}}{{#children}}{{name}}{{note}}{{/children}}{{/child}}"])
    }

    @Test func variablesAndEscaping() throws {
        try compare(["page": "{{html}}|{{{html}}}|{{&html}}|{{& html }}|{{title}}|{{lines}}"])
        try compare(["page": "{{ title }}{{# on }}y{{/ on }}{{^ off }}n{{/ off }}{{> p }}{{{ html }}}{{! c }}{{  missing  }}", "p": "p"])
        var page = Page()
        // swift-mustache escapes Characters: a `<` with a combining mark, or after a prepended
        // mark, is not `<`.
        page.title = "a<\u{338}b \u{600}<c & \u{301}\"d' e\u{301}'f <g>"
        try compare(["page": "{{title}}"], page)
        page.title = "\u{1F600}<\u{1F600}&é>\u{0301}"
        try compare(["page": "{{title}}"], page)
    }

    @Test func dottedNames() throws {
        try compare(["page": "{{child.name}}|{{child.note}}|{{child.missing}}|{{#child.children}}{{name}}{{/child.children}}|{{child.children.name}}|{{title.x}}|{{missing.x}}|{{note.x}}"])
        try compare(["page": "{{#child}}{{#children}}{{child.name}}{{/children}}{{/child}}{{#child.note}}[{{.}}]{{/child.note}}{{^child.missing}}none{{/child.missing}}"])
    }

    @Test func commentsAndPragmas() throws {
        try compare(["page": "a {{! comment }} b\n  {{! standalone }}\nc\n{{!\nmulti\nline\n}}\nd\n  {{! a }} {{! b }}\ne"])
        try compare(["page": "{{html}}{{% CONTENT_TYPE: TEXT }}{{html}}{{> p}}{{#on}}{{html}}{{/on}}\n  {{% CONTENT_TYPE: HTML }}\n{{html}}", "p": "{{html}}"])
        try compare(["page": "{{#on}}{{% CONTENT_TYPE: TEXT }}{{html}}{{/on}}{{html}}"])
    }

    @Test func layoutsAndBlocks() throws {
        let base = "<h>{{$head}}default head{{/head}}</h>\n{{$main}}\ndefault main\n{{/main}}\n<f>{{$foot}}foot {{title}}{{/foot}}</f>\n"
        try compare(["base": base, "page": "{{<base}}\n{{$main}}\n  main {{title}}\n  second\n{{/main}}\n{{$head}}H{{/head}}\n{{/base}}\n"])
        try compare(["base": base, "page": "{{<base}}{{/base}}"])
        // Definitions lose the indentation of their first line.
        try compare(["base": "  {{$main}}x{{/main}}\n  {{$other}}\n  default\n  {{/other}}\n",
                     "page": "{{<base}}\n  {{$main}}\n    deep\n      deeper\n  less\n  {{/main}}\n    {{$other}}\n      o\n    {{/other}}\n{{/base}}"])
        // Nested layouts: the outer override wins.
        try compare(["root": "[{{$a}}root a{{/a}}|{{$b}}root b{{/b}}|{{$c}}root c{{/c}}]\n",
                     "mid": "{{<root}}{{$a}}mid a{{/a}}{{$b}}mid b{{/b}}{{/root}}",
                     "page": "{{<mid}}{{$b}}page b {{title}}{{/b}}{{/mid}}"])
        // A block expanded in a partial of the layout, and in a list.
        try compare(["base": "{{> nav}}\n{{#items}}{{$item}}<{{name}}>{{/item}}{{/items}}\n", "nav": "  {{$nav}}default nav{{/nav}}\n",
                     "page": "{{<base}}{{$nav}}my nav {{title}}{{/nav}}{{$item}}({{name}}|{{title}}){{/item}}{{/base}}"])
        try compare(["base": "a\n  {{> p}}\nb\n", "p": "{{$x}}\nx1\nx2\n{{/x}}\n", "page": "{{<base}}\n{{$x}}\ny1\ny2\n{{/x}}\n{{/base}}"])
        try compare(["base": "{{$x}}d{{/x}}", "page": "  {{<base}}\n  {{$x}}\n  i\n  {{/x}}\n  {{/base}}\n"])
    }
}
