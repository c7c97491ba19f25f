import PolicyCore

/// A template the checker can read: its tags and the path diagnostics name.
struct CheckableTemplate: Sendable {
    var file: String
    var tags: [TemplateTag]
}

/// A problem the checker found while following one page's templates.
struct TemplateFinding: Sendable, Hashable {
    var location: SourceLocation
    /// The part of the tag the finding is about, as written: `txet`, `t.skipToContnt`, `tco`.
    var shown: String
    var kind: TemplateNameProblem.Kind
}

/// Follows a page template through its sections, partials and layouts with the context each
/// part renders in, and reports every name that the context does not provide and every partial
/// or layout that does not exist.
///
/// The walk is iterative (an explicit stack of frames), and each template is entered once per
/// distinct context stack and set of block overrides, so recursive partials terminate and the
/// work stays proportional to the templates' size.
struct TemplateChecker {
    /// By template name (file name without `.mustache`).
    let templates: [String: CheckableTemplate]
    /// Templates that exist but did not parse (already reported): not followed.
    let unreadable: Set<String>

    /// The findings of one page, and the templates it reached.
    struct PageResult {
        var findings: [TemplateFinding] = []
        var reached: Set<String> = []
    }

    /// A block definition `{{$name}}…{{/name}}` inside a `{{<layout}}` tag.
    private struct BlockOverride: Hashable {
        var template: String
        var tag: Int
    }

    /// A run of tags being walked: a whole template, or the body of a block override.
    private struct Frame {
        var template: String
        var index: Int
        var end: Int
        var scopes: [TemplateScope]
        /// Open sections of this frame, innermost last: their closing tag, whether they pushed
        /// a scope, and the list-position floor to restore.
        var open: [(close: Int, pushed: Bool, floor: Int)] = []
        var listItemFloor: Int
        var overrides: [String: BlockOverride]
        /// True for a frame that entered a template (page, partial or layout).
        var entersTemplate: Bool
        /// How many list items were open when the frame began.
        var entryListItems: Int
    }

    /// A cap on tags visited, far above what real templates need, so a pathological set of
    /// layouts cannot make the check slow.
    static let maximumSteps = 1_000_000

    func check(page: String, root: any TemplateContext.Type) -> PageResult {
        var result = PageResult()
        var found: Set<TemplateFinding> = []
        var entered: Set<String> = []
        var blockNameCache: [String: [String]] = [:]
        var frames: [Frame] = []
        var steps = 0

        func finding(_ template: String, _ tag: TemplateTag, offset: Int = 0, shown: String, _ kind: TemplateNameProblem.Kind) {
            let file = templates[template]?.file ?? template
            let value = TemplateFinding(location: SourceLocation(file: file, line: tag.line, column: tag.column + offset), shown: shown, kind: kind)
            if found.insert(value).inserted { result.findings.append(value) }
        }

        /// Pushes a frame for `name`, unless it was already walked in an equivalent context.
        func enter(_ name: String, scopes: [TemplateScope], overrides: [String: BlockOverride], from caller: (template: String, tag: TemplateTag)?) {
            guard let template = templates[name] else { return }
            // A partial that includes itself before any list was entered renders forever.
            let lists = scopes.filter(\.isListItem).count
            if let caller, frames.contains(where: { $0.entersTemplate && $0.template == name && $0.entryListItems == lists }) {
                finding(caller.template, caller.tag, shown: name, .other("partial '\(name)' includes itself without entering a list first, so rendering it would never end; include it only inside a section over a list of nested items, like {{#children}}{{> \(name)}}{{/children}}"))
                return
            }
            let key = Self.key(name, scopes, overrides)
            guard entered.insert(key).inserted else { return }
            result.reached.insert(name)
            frames.append(Frame(template: name, index: 0, end: template.tags.count, scopes: scopes, listItemFloor: scopes.count,
                                overrides: overrides, entersTemplate: true, entryListItems: lists))
        }

        enter(page, scopes: [.context(root)], overrides: [:], from: nil)
        while !frames.isEmpty {
            let top = frames.count - 1
            guard frames[top].index < frames[top].end else {
                frames.removeLast()
                continue
            }
            steps += 1
            guard steps <= Self.maximumSteps else {
                let file = templates[page]?.file ?? page
                result.findings.append(TemplateFinding(location: SourceLocation(file: file), shown: page, kind: .other("the templates of page '\(page)' include each other in too many ways to check; simplify its layouts and partials")))
                break
            }
            let name = frames[top].template
            guard let tags = templates[name]?.tags else {
                frames.removeLast()
                continue
            }
            let index = frames[top].index
            let tag = tags[index]
            frames[top].index += 1

            switch tag.kind {
            case .comment, .pragma, .setDelimiters:
                break

            case .variable, .unescaped:
                switch TemplateNameResolver.resolve(tag.name, in: frames[top].scopes, listItemFloor: frames[top].listItemFloor) {
                case .failure(let problem):
                    finding(name, tag, offset: problem.offset, shown: problem.shown, problem.kind)
                case .success(let shape):
                    if let message = TemplateNameResolver.variableProblem(tag.name, shape) {
                        finding(name, tag, shown: tag.name, .other(message))
                    }
                }

            case .section, .inverted:
                guard let close = tag.close else { break }
                switch TemplateNameResolver.resolve(tag.name, in: frames[top].scopes, listItemFloor: frames[top].listItemFloor) {
                case .failure(let problem):
                    finding(name, tag, offset: problem.offset, shown: problem.shown, problem.kind)
                    // The body's names would belong to a context that does not exist: skip it,
                    // rather than report each of them.
                    frames[top].index = close + 1
                case .success(let shape):
                    var pushed: TemplateScope?
                    if tag.kind == .section {
                        switch shape {
                        case .list(let type): pushed = .context(type, isListItem: true)
                        case .object(let type): pushed = .context(type)
                        case .text: pushed = .text
                        case .flag: pushed = nil
                        }
                    }
                    frames[top].open.append((close, pushed != nil, frames[top].listItemFloor))
                    if let pushed {
                        frames[top].scopes.append(pushed)
                    }
                }

            case .close:
                if let last = frames[top].open.last, last.close == index {
                    frames[top].open.removeLast()
                    if last.pushed { frames[top].scopes.removeLast() }
                    frames[top].listItemFloor = last.floor
                }

            case .block:
                guard let close = tag.close else { break }
                if let override = frames[top].overrides[tag.name], let body = templates[override.template]?.tags[override.tag], let bodyEnd = body.close {
                    // The page's content for this block renders here, in this context.
                    frames[top].index = close + 1
                    let frame = frames[top]
                    frames.append(Frame(template: override.template, index: override.tag + 1, end: bodyEnd, scopes: frame.scopes,
                                        listItemFloor: frame.scopes.count, overrides: frame.overrides, entersTemplate: false,
                                        entryListItems: frame.scopes.filter(\.isListItem).count))
                } else {
                    // The default content renders; swift-mustache forgets the list position.
                    frames[top].open.append((close, false, frames[top].listItemFloor))
                    frames[top].listItemFloor = frames[top].scopes.count
                }

            case .partial:
                if let problem = missingTemplate(tag.name, what: "includes partial") {
                    finding(name, tag, shown: tag.name, .other(problem))
                } else {
                    let frame = frames[top]
                    enter(tag.name, scopes: frame.scopes, overrides: frame.overrides, from: (name, tag))
                }

            case .parent:
                guard let close = tag.close else { break }
                frames[top].index = close + 1
                if let problem = missingTemplate(tag.name, what: "extends layout") {
                    finding(name, tag, shown: tag.name, .other(problem))
                    break
                }
                // The blocks this tag fills; an override from further out wins, as in swift-mustache.
                var overrides = frames[top].overrides
                let declared = declaredBlocks(tag.name, cache: &blockNameCache)
                var definition = index + 1
                while definition < close {
                    let inner = tags[definition]
                    if inner.kind == .block {
                        // A layout that did not parse was reported already; its blocks are unknown.
                        if templates[tag.name] != nil, !declared.contains(inner.name) {
                            let hint = declared.isEmpty
                                ? "layout '\(tag.name)' has no blocks ({{$name}}…{{/name}}) to fill"
                                : NameSuggestion.advice(for: inner.name, among: declared, list: "the blocks of '\(tag.name)' are: \(declared.joined(separator: ", "))")
                            finding(name, inner, shown: inner.name, .other("block '\(inner.name)' is not in layout '\(tag.name)', so this content is never shown; \(hint)"))
                        }
                        if overrides[inner.name] == nil { overrides[inner.name] = BlockOverride(template: name, tag: definition) }
                    }
                    definition = (inner.close ?? definition) + 1
                }
                let frame = frames[top]
                enter(tag.name, scopes: frame.scopes, overrides: overrides, from: (name, tag))
            }
        }
        return result
    }

    /// Why `name` cannot be included, or nil when it can.
    private func missingTemplate(_ name: String, what: String) -> String? {
        if name.hasPrefix("*") {
            return "template \(what) '\(name)' chosen at render time, which cannot be checked; name the template itself"
        }
        if templates[name] != nil || unreadable.contains(name) { return nil }
        let known = (Set(templates.keys).union(unreadable)).sorted()
        if let last = name.split(separator: "/").last.map(String.init), name.contains("/"), known.contains(last) {
            return "template \(what) '\(name)', which does not exist: templates are named by file name alone; write '\(last)'"
        }
        return "template \(what) '\(name)', which does not exist; " + NameSuggestion.advice(for: name, among: known, list: "the templates are: \(known.joined(separator: ", "))")
    }

    /// The blocks (`{{$name}}`) a layout can show: its own and those of the partials and layouts
    /// it includes, found breadth first.
    private func declaredBlocks(_ layout: String, cache: inout [String: [String]]) -> [String] {
        if let cached = cache[layout] { return cached }
        var names: Set<String> = []
        var seen: Set<String> = [layout]
        var queue = [layout]
        while let next = queue.popLast() {
            for tag in templates[next]?.tags ?? [] {
                switch tag.kind {
                case .block: names.insert(tag.name)
                case .partial, .parent:
                    if templates[tag.name] != nil, seen.insert(tag.name).inserted { queue.append(tag.name) }
                default: break
                }
            }
        }
        let sorted = names.sorted()
        cache[layout] = sorted
        return sorted
    }

    /// Identifies an entry into a template: its name, the context stack (each level once, in
    /// the order of its innermost occurrence: an outer repeat of a level can never answer a
    /// name the inner one does not), and the block overrides.
    private static func key(_ name: String, _ scopes: [TemplateScope], _ overrides: [String: BlockOverride]) -> String {
        var levels: [String] = []
        for scope in scopes.reversed() {
            let level = scope.schema.map { "\($0.id)" } ?? "text"
            if !levels.contains(level) { levels.append(level) }
        }
        let blocks = overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.template)#\($0.value.tag)" }
        return name + "|" + levels.joined(separator: ",") + "|" + blocks.joined(separator: ",")
    }
}
