/// Compiles a page template, with the partials and layouts it reaches, into a RenderPlan for
/// the page's context type, following swift-mustache's rendering rules: which context each
/// part renders in, which block override wins, where indentation goes and whether a variable
/// is escaped.
///
/// Partials and blocks are inlined. A template that includes itself (a nested list rendered by
/// a recursive partial) becomes a procedure the first time it recurs, keyed by what its code
/// depends on: the template, the scope types open (each once, innermost first), the block
/// overrides and whether it is indented. Those come from finite sets, so compiling ends.
struct RenderPlanCompiler {
    /// Templates by name, as swift-mustache's library names them.
    let texts: [String: String]

    /// Far more ops than any real page needs: beyond it, the page is left to swift-mustache.
    static let maximumOps = 200_000

    private var parsed: [String: [MustacheNode]] = [:]
    private var nextBlockID = 0
    private var bytes: [UInt8] = []
    private var procedures: [[RenderOp]] = []
    private var procedureByKey: [String: Int] = [:]
    /// The ops being written: the procedure being compiled.
    private var ops: [RenderOp] = []
    /// Keys of the templates being inlined, outermost first, to notice one that recurs, with
    /// the number of list sections open when each was entered.
    private var entered: [(key: String, lists: Int)] = []
    /// List sections open around the op being compiled: a template that recurs inside none
    /// would render forever.
    private var lists = 0
    private var opCount = 0

    /// One level of the context stack, as far as the compiler knows it.
    enum Scope {
        case item(any TemplateContext.Type)
        /// A section over text pushed the text.
        case text
        /// An inverted section over an empty list pushed the list.
        case emptyList(any TemplateContext.Type)
    }

    /// What a template body renders with.
    private struct Frame {
        var scopes: [Scope]
        var overrides: [String: MustacheBlock]
        /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the body.
        var escapes = true
        /// Inside a partial or block with indentation: token boundaries matter.
        var indented = false
    }

    init(texts: [String: String]) {
        self.texts = texts
    }

    /// The plan for `page` rendered with `root`, or why there is none.
    static func compile(page: String, root: any TemplateContext.Type, texts: [String: String]) -> Result<RenderPlan, MustacheSyntaxUnsupported> {
        var compiler = RenderPlanCompiler(texts: texts)
        do {
            let frame = Frame(scopes: [.item(root)], overrides: [:])
            try compiler.enterTemplate(page, frame: frame, indentation: nil, blocks: nil)
            compiler.procedures.insert(compiler.ops, at: 0)
            // Procedures were numbered from 1, the page's ops being 0.
            return .success(RenderPlan(procedures: compiler.procedures, bytes: compiler.bytes))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Templates, partials, layouts and blocks

    private mutating func nodes(of name: String) throws(MustacheSyntaxUnsupported) -> [MustacheNode] {
        if let nodes = parsed[name] { return nodes }
        // swift-mustache renders a missing partial as nothing; the checker reports it first.
        guard let text = texts[name] else { throw MustacheSyntaxUnsupported(reason: "template '\(name)' does not exist") }
        let (nodes, next) = try MustacheSyntaxReader.read(text, firstBlockID: nextBlockID)
        nextBlockID = next
        parsed[name] = nodes
        return nodes
    }

    /// A page, partial or layout: rendered in the same scopes, escaping again, with the blocks
    /// of a parent tag added under those already given (an outer override wins).
    private mutating func enterTemplate(_ name: String, frame outer: Frame, indentation: String?,
                                        blocks: [String: MustacheBlock]?) throws(MustacheSyntaxUnsupported) {
        let body = try nodes(of: name)
        var frame = outer
        frame.escapes = true
        if let blocks { frame.overrides.merge(blocks) { outer, _ in outer } }
        let pushed = pushIndent(indentation, into: &frame)
        let key = Self.key(name, frame)
        if let recursion = entered.last(where: { $0.key == key }), recursion.lists == lists {
            // swift-mustache would recurse until its stack overflows; the checker refuses this.
            throw MustacheSyntaxUnsupported(reason: "template '\(name)' includes itself without entering a list")
        }
        if let procedure = procedureByKey[key] {
            emit(.call(procedure: procedure))
        } else if entered.contains(where: { $0.key == key }) {
            emit(.call(procedure: try procedure(key, body, frame)))
        } else {
            entered.append((key, lists))
            try compileBody(body, frame)
            entered.removeLast()
        }
        if pushed { emit(.popIndent) }
    }

    /// Compiles `body` as a procedure of its own, which calls itself where it recurs.
    private mutating func procedure(_ key: String, _ body: [MustacheNode], _ frame: Frame) throws(MustacheSyntaxUnsupported) -> Int {
        let index = procedures.count + 1
        procedureByKey[key] = index
        procedures.append([])
        let outerOps = ops
        let outerEntered = entered
        ops = []
        entered = [(key, lists)]
        try compileBody(body, frame)
        procedures[index - 1] = ops
        ops = outerOps
        entered = outerEntered
        return index
    }

    private mutating func pushIndent(_ indentation: String?, into frame: inout Frame) -> Bool {
        guard let indentation, !indentation.isEmpty else { return false }
        frame.indented = true
        let (start, end) = store(indentation)
        emit(.pushIndent(start: start, end: end))
        return true
    }

    /// Identifies what a template's compiled code depends on.
    private static func key(_ name: String, _ frame: Frame) -> String {
        var levels: [String] = []
        for scope in frame.scopes.reversed() {
            let level: String
            switch scope {
            case .item(let type): level = "\(ObjectIdentifier(type))"
            case .text: level = "text"
            case .emptyList(let type): level = "empty \(ObjectIdentifier(type))"
            }
            if !levels.contains(level) { levels.append(level) }
        }
        let blocks = frame.overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.id)" }
        return [name, levels.joined(separator: ","), blocks.joined(separator: ","), frame.indented ? "indented" : ""].joined(separator: "|")
    }

    // MARK: - Bodies and tokens

    /// One template body, which swift-mustache renders into a string of its own: where it is
    /// indented, its start and each token's are marked for the runner.
    private mutating func compileBody(_ body: [MustacheNode], _ start: Frame) throws(MustacheSyntaxUnsupported) {
        try checkSize()
        var frame = start
        if frame.indented { emit(.frameBegin) }
        for node in body {
            if frame.indented { emit(.tokenBegin) }
            try compile(node, &frame)
            if frame.indented { emit(.tokenEnd) }
        }
        if frame.indented { emit(.frameEnd) }
        try checkSize()
    }

    /// Layouts and partials that include each other many times over can multiply the ops; the
    /// check at every body stops that early.
    private func checkSize() throws(MustacheSyntaxUnsupported) {
        guard opCount <= Self.maximumOps else {
            throw MustacheSyntaxUnsupported(reason: "the templates compile to more than \(Self.maximumOps) steps")
        }
    }

    private mutating func compile(_ node: MustacheNode, _ frame: inout Frame) throws(MustacheSyntaxUnsupported) {
        switch node {
        case .text(let text):
            emitText(text, merging: !frame.indented)

        case .variable(let name, let escaped):
            let (lookup, _) = resolve(name, in: frame.scopes)
            if case .none = lookup { break }
            emit(.variable(lookup, escaped: escaped && frame.escapes))

        case .section(let name, let body):
            let (lookup, shape) = resolve(name, in: frame.scopes)
            if case .none = lookup { break }
            var inner = frame
            switch shape {
            case .text: inner.scopes.append(.text)
            case .object(let type), .list(let type): inner.scopes.append(.item(type))
            case .flag, .absent: break
            }
            // A name that cannot hold anything shows nothing (the runner checks it does not).
            try compileSection(lookup, shape.kind, shape.kind == .absent ? [] : body, inner, inverted: false)

        case .inverted(let name, let body):
            let (lookup, shape) = resolve(name, in: frame.scopes)
            if case .none = lookup {
                // Nothing answers: the body always shows, in the same scopes.
                try compileBody(body, frame)
                break
            }
            var inner = frame
            if case .list(let type) = shape {
                // An empty list is pushed while the body renders.
                inner.scopes.append(.emptyList(type))
            }
            try compileSection(lookup, shape.kind, body, inner, inverted: true)

        case .partial(let name, let indentation):
            try enterTemplate(name, frame: frame, indentation: indentation, blocks: nil)

        case .parent(let name, let indentation, let blocks):
            try enterTemplate(name, frame: frame, indentation: indentation, blocks: blocks)

        case .block(let name, let indentation, let defaultBody):
            var inner = frame
            let pushed = pushIndent(indentation, into: &inner)
            try compileBody(frame.overrides[name]?.body ?? defaultBody, inner)
            if pushed { emit(.popIndent) }

        case .contentType(let escapes):
            frame.escapes = escapes
        }
    }

    private mutating func compileSection(_ lookup: RenderLookup, _ shape: RenderShape, _ body: [MustacheNode], _ inner: Frame,
                                         inverted: Bool) throws(MustacheSyntaxUnsupported) {
        let begin = ops.count
        emit(inverted ? .inverted(lookup, shape, end: -1) : .section(lookup, shape, end: -1))
        let repeats = !inverted && shape == .list
        if repeats { lists += 1 }
        try compileBody(body, inner)
        if repeats { lists -= 1 }
        let end = ops.count
        emit(.end(begin: begin))
        ops[begin] = inverted ? .inverted(lookup, shape, end: end) : .section(lookup, shape, end: end)
    }

    // MARK: - Names

    /// What a name holds, by the schema of the innermost scope that has it: what its section
    /// pushes.
    enum StaticShape {
        case text, flag, object(any TemplateContext.Type), list(any TemplateContext.Type), absent

        var kind: RenderShape {
            switch self {
            case .text: .text
            case .flag: .flag
            case .object: .object
            case .list: .list
            case .absent: .absent
            }
        }
    }

    /// How swift-mustache finds `name` in `scopes`: `.` is the innermost scope; a leading dot asks
    /// only the innermost scope; otherwise the first part is searched from the innermost scope
    /// out (text and lists pushed on the stack have no names) and the rest read inside it.
    private func resolve(_ name: String, in scopes: [Scope]) -> (RenderLookup, StaticShape) {
        let parts = name.split(separator: ".").map(String.init)
        guard let innermost = scopes.last else { return (.none, .absent) }
        if name == "." || parts.isEmpty {
            switch innermost {
            case .item(let type): return (.current, .object(type))
            case .text: return (.current, .text)
            case .emptyList(let type): return (.current, .list(type))
            }
        }
        if name.hasPrefix(".") {
            guard case .item(let type) = innermost, let reader = type.scopeReader(for: parts[...]) else { return (.none, .absent) }
            return (.innermost(reader), Self.shape(of: parts[...], in: type))
        }
        var readers: [TemplateScopeReader] = []
        var seen: Set<ObjectIdentifier> = []
        var shape: StaticShape?
        for scope in scopes.reversed() {
            guard case .item(let type) = scope, seen.insert(ObjectIdentifier(type)).inserted,
                  let reader = type.scopeReader(for: parts[...]) else { continue }
            readers.append(reader)
            if shape == nil { shape = Self.shape(of: parts[...], in: type) }
        }
        guard let shape else { return (.none, .absent) }
        return (.scopes(readers), shape)
    }

    /// The shape of `path` read in `type`, by its schema.
    private static func shape(of path: ArraySlice<String>, in type: any TemplateContext.Type) -> StaticShape {
        var type = type
        var shape: TemplateShape?
        for part in path {
            if let previous = shape {
                guard case .object(let inner) = previous else { return .absent }
                type = inner
            }
            guard let next = type.fieldShape(of: part) else { return .absent }
            shape = next
        }
        switch shape {
        case .text: return .text
        case .flag: return .flag
        case .object(let inner): return .object(inner)
        case .list(let inner): return .list(inner)
        case nil: return .absent
        }
    }

    // MARK: - Writing

    private mutating func emit(_ op: RenderOp) {
        ops.append(op)
        opCount += 1
    }

    private mutating func store(_ text: String) -> (Int, Int) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return (start, bytes.count)
    }

    /// Text, joined to the text just before it where no token boundary lies between.
    private mutating func emitText(_ text: String, merging: Bool) {
        guard !text.isEmpty else { return }
        let (start, end) = store(text)
        if merging, case .text(let previousStart, let previousEnd)? = ops.last, previousEnd == start {
            ops[ops.count - 1] = .text(start: previousStart, end: end)
        } else {
            emit(.text(start: start, end: end))
        }
    }
}
