import Mustache
@testable import PolicyRender
import Testing

/// Random templates (sections, inverted sections, partials, layouts and blocks, comments, with
/// white space and line ends of every kind around the tags) rendered with a compiled plan and
/// with swift-mustache: wherever both render, the output must be the same.
@Suite struct RenderPlanRandomTests {
    typealias Page = RenderPlanTemplateTests.Page

    /// A small deterministic generator (xorshift), so a failure can be replayed by its seed.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }

        mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }
    }

    static let texts = ["x", " ", "  ", "\t", "\n", "\n", "\r\n", "<&>", "é", "a b", "\r", "{", "}"]
    static let variables = ["{{title}}", "{{{html}}}", "{{&note}}", "{{missing}}", "{{name}}", "{{.}}", "{{child.name}}", "{{ note }}",
                            "{{on}}", "{{lines}}", "{{.name}}", "{{empty}}"]
    static let sections = ["items", "none", "on", "off", "note", "missing", "child", "title", "children", "hasChildren", "empty", "child.children"]

    /// A body of up to `length` pieces, nesting at most `depth` more sections.
    static func body(_ random: inout Generator, depth: Int, length: Int, partials: [String], blocks: [String]) -> String {
        var text = ""
        for _ in 0..<random.next(length + 1) {
            switch random.next(12) {
            case 0...3: text += random.pick(texts)
            case 4...5: text += random.pick(variables)
            case 6...7 where depth > 0:
                let name = random.pick(sections)
                let sigil = random.pick(["#", "#", "^"])
                text += "{{\(sigil)\(name)}}" + random.pick(["", "\n", "  \n", "\r\n"])
                text += body(&random, depth: depth - 1, length: length, partials: partials, blocks: blocks)
                text += random.pick(["", "\n", "  "]) + "{{/\(name)}}"
            case 8 where !partials.isEmpty: text += "{{> \(random.pick(partials))}}"
            case 9 where !blocks.isEmpty:
                let name = random.pick(blocks)
                text += "{{$\(name)}}" + random.pick(["", "\n"]) + body(&random, depth: 0, length: 2, partials: [], blocks: []) + "{{/\(name)}}"
            case 10: text += random.pick(["{{! note }}", "{{!\n}}", "{{% CONTENT_TYPE: TEXT }}"])
            default: text += random.pick(["\n", "  ", "\r\n"])
            }
        }
        return text
    }

    /// Templates for one case: a page, maybe extending a layout, with two partials.
    static func templates(seed: UInt64) -> [String: String] {
        var random = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        var templates: [String: String] = [:]
        templates["leaf"] = body(&random, depth: 1, length: 4, partials: [], blocks: ["b"])
        templates["mid"] = body(&random, depth: 2, length: 5, partials: ["leaf"], blocks: ["a"])
        if random.next(3) == 0 {
            templates["base"] = body(&random, depth: 2, length: 6, partials: ["mid", "leaf"], blocks: ["a", "b"])
            var page = random.pick(["", "  ", "x"]) + "{{<base}}" + random.pick(["", "\n", "\r\n"])
            for block in ["a", "b"] where random.next(2) == 0 {
                page += random.pick(["", "  ", "\n"]) + "{{$\(block)}}" + random.pick(["", "\n"])
                page += body(&random, depth: 2, length: 4, partials: ["leaf"], blocks: []) + "{{/\(block)}}" + random.pick(["", "\n"])
            }
            templates["page"] = page + "{{/base}}" + random.pick(["", "\n"])
        } else {
            templates["page"] = body(&random, depth: 3, length: 8, partials: ["mid", "leaf"], blocks: ["a"])
        }
        return templates
    }

    @Test func randomTemplatesRenderTheSameBothWays() throws {
        var compared = 0
        var unparsed = 0
        for seed in UInt64(1)...10_000 {
            let templates = Self.templates(seed: seed)
            var library = MustacheLibrary()
            do {
                for (name, text) in templates { try library.register(text, named: name) }
            } catch {
                unparsed += 1
                continue
            }
            let plan: RenderPlan
            switch RenderPlanCompiler.compile(page: "page", root: Page.self, texts: templates) {
            case .success(let compiled): plan = compiled
            case .failure(let problem) where problem.reason.contains("without entering a list"):
                // A block whose override includes the partial that expands it: swift-mustache
                // would recurse until it crashes (the checker refuses such templates).
                continue
            case .failure(let problem):
                Issue.record("seed \(seed): not compiled (\(problem.reason)): \(templates)")
                continue
            }
            let page = Page()
            let rendered = plan.run(page)
            if case .failure(.tooDeep) = rendered {
                // A partial inside a list that is the same list at every level: swift-mustache
                // would recurse until it crashes.
                continue
            }
            guard let expected = library.render(page, withTemplate: "page") else { continue }
            // The plan gives up only where swift-mustache would print a Swift value ({{.}} on an item).
            guard case .success(let bytes) = rendered else {
                #expect(expected.contains("Item(") || expected.contains("Page("), "seed \(seed): the plan gave up: \(templates)")
                continue
            }
            let actual = String(decoding: bytes, as: UTF8.self)
            compared += 1
            if Array(actual.utf8) != Array(expected.utf8) {
                Issue.record("seed \(seed): \(templates)\n--- plan\n\(actual.debugDescription)\n--- swift-mustache\n\(expected.debugDescription)")
            }
        }
        #expect(compared > 6_000, "\(compared) compared, \(unparsed) not parsed by swift-mustache")
    }
}
