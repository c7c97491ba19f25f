extension RenderPlan {
    /// The page rendered, as UTF-8, or why the plan left it to swift-mustache.
    func run<Page: TemplateContext>(_ page: Page) -> Result<[UInt8], RenderPlanRunner.GiveUp> {
        var runner = RenderPlanRunner(plan: self, root: TemplateItemList([page]))
        if let giveUp = runner.run() { return .failure(giveUp) }
        // The buffer grew by doubling; a site keeps every page until it is written, so keep
        // only the bytes.
        let output = runner.output
        return .success([UInt8](unsafeUninitializedCapacity: output.count) { buffer, count in
            count = output.withUnsafeBufferPointer { buffer.initialize(from: $0).1 }
        })
    }

    func render<Page: TemplateContext>(_ page: Page) -> String? {
        (try? run(page).get()).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs a RenderPlan: one loop over the ops, with the context stack, the open sections and the
/// procedure calls on explicit stacks, so neither nesting nor recursive partials use the call
/// stack; everything is written to one byte buffer.
struct RenderPlanRunner {
    /// One level of the context stack.
    enum Scope {
        case item(TemplateItems, Int)
        /// A section over text pushed the text; it has no names.
        case text(String)
        /// An inverted section over an empty list pushed the list; it has no names.
        case emptyList(TemplateItems)
    }

    /// An open section, closed by its `.end` op.
    enum Open {
        /// It pushed nothing (a true flag, an inverted section showing).
        case plain
        /// It pushed one scope.
        case pushed
        /// It goes through a list: the scope on top is item `index`.
        case loop(TemplateItems, index: Int)
    }

    static let maximumCallDepth = 1_000

    let plan: RenderPlan
    private(set) var output: [UInt8] = []
    private var scopes: [Scope]
    private var open: [Open] = []
    private var returns: [(procedure: Int, next: Int)] = []
    // swift-mustache's indentation: each template body renders into a string of its own, and a
    // token's non-empty output gets the indentation when that string so far ends with "\n" (a
    // Character, so not after "\r\n"). `frames` hold where each body's output started;
    // `pending` is the indentation owed by the token that started at body depth `depth`,
    // written before its first byte, dropped if it writes none.
    private var indentation: [UInt8] = []
    private var indentationEnds: [Int] = []
    private var frames: [Int] = []
    private var pending: (length: Int, depth: Int)?

    init(plan: RenderPlan, root: TemplateItems) {
        self.plan = plan
        self.scopes = [.item(root, 0)]
        output.reserveCapacity(plan.bytes.count * 2)
    }

    /// Why a plan left a page to swift-mustache.
    enum GiveUp: Error {
        /// A value did not have the shape the plan was compiled for, or is shown as Swift
        /// describes it (`{{.}}` on an object).
        case unexpectedShape
        /// Partials nest more than `maximumCallDepth` deep: a template that includes itself
        /// inside a list that does not end (the same list each time).
        case tooDeep
    }

    /// nil when the page was rendered.
    mutating func run() -> GiveUp? {
        var procedure = 0
        var ops = plan.procedures[0]
        var index = 0
        while true {
            guard index < ops.count else {
                guard let back = returns.popLast() else { return nil }
                procedure = back.procedure
                ops = plan.procedures[procedure]
                index = back.next
                continue
            }
            switch ops[index] {
            case .text(let start, let end):
                writeLiteral(start, end)

            case .variable(let lookup, let escaped):
                switch find(lookup) {
                case nil, .nothing?: break
                case .text(let text)?: write(text, escaped: escaped)
                case .flag(let flag)?: write(flag ? "true" : "false", escaped: false)
                // swift-mustache shows an empty array as Swift describes it.
                case .list(let items)? where items.count == 0: write("[]", escaped: false)
                case .list?, .object?: return .unexpectedShape
                }

            case .section(let lookup, let shape, let end):
                switch (find(lookup), shape) {
                case (nil, _), (.nothing?, _): index = end
                case (.text(let text)?, .text):
                    scopes.append(.text(text))
                    open.append(.pushed)
                case (.flag(let flag)?, .flag):
                    if flag { open.append(.plain) } else { index = end }
                case (.object(let items, let item)?, .object):
                    scopes.append(.item(items, item))
                    open.append(.pushed)
                case (.list(let items)?, .list):
                    if items.count == 0 {
                        index = end
                    } else {
                        scopes.append(.item(items, 0))
                        open.append(.loop(items, index: 0))
                    }
                default: return .unexpectedShape
                }

            case .inverted(let lookup, let shape, let end):
                switch (find(lookup), shape) {
                case (.list(let items)?, .list):
                    if items.count == 0 {
                        scopes.append(.emptyList(items))
                        open.append(.pushed)
                    } else {
                        index = end
                    }
                case (_, .list), (.list?, _): return .unexpectedShape
                case (nil, _), (.nothing?, _), (.flag(false)?, _): open.append(.plain)
                case (.flag(true)?, _), (.text?, _), (.object?, _): index = end
                }

            case .end(let begin):
                switch open.removeLast() {
                case .plain: break
                case .pushed: scopes.removeLast()
                case .loop(let items, let item):
                    if item + 1 < items.count {
                        scopes[scopes.count - 1] = .item(items, item + 1)
                        open.append(.loop(items, index: item + 1))
                        index = begin
                    } else {
                        scopes.removeLast()
                    }
                }

            case .call(let callee):
                // Each call is inside one more list item than the last; this deep, leave the
                // page to swift-mustache rather than grow without bound.
                guard returns.count < Self.maximumCallDepth else { return .tooDeep }
                returns.append((procedure, index + 1))
                procedure = callee
                ops = plan.procedures[callee]
                index = 0
                continue

            case .pushIndent(let start, let end):
                indentationEnds.append(indentation.count)
                indentation.append(contentsOf: plan.bytes[start..<end])
            case .popIndent:
                indentation.removeSubrange(indentationEnds.removeLast()...)
            case .frameBegin:
                frames.append(output.count)
            case .frameEnd:
                frames.removeLast()
            case .tokenBegin:
                if bodyEndsWithLineFeed() { pending = (indentation.count, frames.count) }
            case .tokenEnd:
                if pending?.depth == frames.count { pending = nil }
            }
            index += 1
        }
    }

    /// The value of a name, searched as swift-mustache searches it.
    private func find(_ lookup: RenderLookup) -> TemplateValue? {
        switch lookup {
        case .none:
            return nil
        case .current:
            switch scopes[scopes.count - 1] {
            case .item(let items, let index): return .object(items, index)
            case .text(let text): return .text(text)
            case .emptyList(let items): return .list(items)
            }
        case .innermost(let reader):
            guard case .item(let items, let index) = scopes[scopes.count - 1], items.type == reader.type else { return nil }
            return reader.read(items, index)
        case .scopes(let readers):
            var level = scopes.count - 1
            while level >= 0 {
                if case .item(let items, let index) = scopes[level] {
                    for reader in readers where reader.type == items.type {
                        if let value = reader.read(items, index) { return value }
                        break
                    }
                }
                level -= 1
            }
            return nil
        }
    }

    // MARK: - Writing

    private mutating func writeLiteral(_ start: Int, _ end: Int) {
        guard start < end else { return }
        payIndentation()
        plan.bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        payIndentation()
        MustacheEscaping.append(text, escaped: escaped, to: &output)
    }

    private mutating func payIndentation() {
        guard let owed = pending else { return }
        pending = nil
        output.append(contentsOf: indentation[..<owed.length])
    }

    /// Whether the current body's output so far ends with a "\n" Character.
    private func bodyEndsWithLineFeed() -> Bool {
        guard let start = frames.last, output.count > start, output[output.count - 1] == UInt8(ascii: "\n") else { return false }
        return output.count - 2 < start || output[output.count - 2] != UInt8(ascii: "\r")
    }
}
