/// One level of the context stack while a template renders, as the checker sees it.
struct TemplateScope: Sendable {
    /// The names open at this level; nil when a section over text pushed the text itself.
    var schema: TemplateSchema?
    /// Pushed by a section over a list, so `index()`, `first()` and the like can read the
    /// item's place in it.
    var isListItem: Bool

    static func context(_ type: any TemplateContext.Type, isListItem: Bool = false) -> TemplateScope {
        TemplateScope(schema: TemplateSchema(type), isListItem: isListItem)
    }

    static let text = TemplateScope(schema: nil, isListItem: false)
}

/// Why a name in a tag does not resolve.
struct TemplateNameProblem: Error, Hashable {
    enum Kind: Sendable, Hashable {
        /// No scope has the name: `shown` as written up to the unknown part, `within` the
        /// dotted prefix it was looked up in (nil at the first part), `names` what was open.
        case unknown(within: String?, names: [String])
        /// Anything else, said in full.
        case other(String)
    }

    var kind: Kind
    /// The part of the name the diagnostic is about: `txet`, `notice.txet`.
    var shown: String
    /// Where that part starts in the tag's name, in UTF-8 bytes.
    var offset: Int
}

/// Resolves names as swift-mustache does: the first part of a dotted name in the innermost
/// scope that has it, then outward to the page; each further part inside the object before it.
/// A leading `.` looks only at the innermost scope; `.` alone is the current item.
/// `f(g(name))` applies the transforms `g` then `f`; `index()` with no name reads the list
/// position.
enum TemplateNameResolver {
    /// What the name holds in `scopes`, or why it does not resolve.
    /// - Parameter listItemFloor: scopes below this index were pushed before a partial or block
    ///   began, where swift-mustache forgets the list position.
    static func resolve(_ written: String, in scopes: [TemplateScope], listItemFloor: Int) -> Result<TemplateShape, TemplateNameProblem> {
        guard let (transforms, path, pathOffset) = splitTransforms(written) else {
            return .failure(TemplateNameProblem(kind: .other("'\(written)' is not a name; write a name, or a transform around one like lowercased(title)"), shown: written, offset: 0))
        }
        var shape: TemplateShape
        if path.isEmpty {
            // `index()`, `first()` …: the position in the innermost list.
            guard let innermost = scopes.last, innermost.isListItem, scopes.count - 1 >= listItemFloor, let transform = transforms.last else {
                return .failure(TemplateNameProblem(kind: .other("'\(written)' reads the position in a list, which is known only directly inside a section over a list; move it there"), shown: written, offset: 0))
            }
            guard let result = listPositionTransforms[transform] else {
                return .failure(TemplateNameProblem(kind: .other("'\(transform)()' is not a list position; use one of \(listPositionTransforms.keys.sorted().map { "\($0)()" }.joined(separator: ", "))"), shown: written, offset: 0))
            }
            shape = result
            return applyTransforms(transforms.dropLast(), to: shape, written: written)
        } else if path == "." {
            guard let innermost = scopes.last else { return .success(.text) }
            shape = innermost.schema.map { TemplateShape.object($0.type) } ?? .text
        } else {
            let parts = splitPath(path)
            guard let first = parts.first else {
                return .failure(TemplateNameProblem(kind: .other("'\(written)' is not a name"), shown: written, offset: 0))
            }
            // A leading dot keeps the lookup in the innermost scope.
            let searched = path.hasPrefix(".") ? Array(scopes.suffix(1)) : scopes
            guard let found = searched.reversed().lazy.compactMap({ $0.schema?.shape(of: first.name) }).first else {
                let open = Set(searched.flatMap { $0.schema?.names ?? [] }).sorted()
                return .failure(TemplateNameProblem(kind: .unknown(within: nil, names: open), shown: first.name, offset: pathOffset + first.offset))
            }
            shape = found
            for (index, part) in parts.enumerated().dropFirst() {
                let prefix = parts[..<index].map(\.name).joined(separator: ".")
                let shown = prefix + "." + part.name
                switch shape {
                case .object(let type):
                    let schema = TemplateSchema(type)
                    guard let next = schema.shape(of: part.name) else {
                        return .failure(TemplateNameProblem(kind: .unknown(within: prefix, names: schema.names), shown: shown, offset: pathOffset + part.offset))
                    }
                    shape = next
                case .list:
                    return .failure(TemplateNameProblem(kind: .other("'\(prefix)' is a list, so '\(shown)' names nothing; show its items with {{#\(prefix)}}…{{\(part.name)}}…{{/\(prefix)}}"), shown: shown, offset: pathOffset + part.offset))
                case .text, .flag:
                    return .failure(TemplateNameProblem(kind: .other("'\(prefix)' is \(describe(shape)), so '\(shown)' names nothing; write '\(prefix)' alone"), shown: shown, offset: pathOffset + part.offset))
                }
            }
        }
        return applyTransforms(transforms[...], to: shape, written: written)
    }

    /// What a section or variable tag may do with a shape: a variable shows text, not a list
    /// or an object (which would print as Swift's description of it).
    static func variableProblem(_ written: String, _ shape: TemplateShape) -> String? {
        switch shape {
        case .text, .flag: return nil
        case .list: return "'\(written)' is a list, which does not show as text; show its items with {{#\(written)}}…{{/\(written)}}"
        case .object(let type):
            let names = TemplateSchema(type).names
            let example = names.first.map { " like '\(written == "." ? "" : written + ".")\($0)'" } ?? ""
            return "'\(written)' is a group of names, which does not show as text; name one of them\(example); they are: \(names.joined(separator: ", "))"
        }
    }

    static func describe(_ shape: TemplateShape) -> String {
        switch shape {
        case .text: "text"
        case .flag: "true or false"
        case .object: "a group of names"
        case .list: "a list"
        }
    }

    // MARK: - Transforms (swift-mustache's own, by the shape they apply to)

    private static let listPositionTransforms: [String: TemplateShape] = [
        "first": .flag, "last": .flag, "even": .flag, "odd": .flag, "index": .text,
    ]

    private static func transformResult(_ transform: String, on shape: TemplateShape) -> TemplateShape? {
        switch (shape, transform) {
        case (.text, "capitalized"), (.text, "lowercased"), (.text, "uppercased"), (.text, "reversed"): .text
        case (.text, "empty"): .flag
        case (.list(let type), "first"), (.list(let type), "last"): .object(type)
        case (.list, "reversed"): shape
        case (.list, "count"): .text
        case (.list, "empty"): .flag
        default: nil
        }
    }

    private static func transformNames(for shape: TemplateShape) -> [String] {
        switch shape {
        case .text: ["capitalized", "empty", "lowercased", "reversed", "uppercased"]
        case .list: ["count", "empty", "first", "last", "reversed"]
        case .flag, .object: []
        }
    }

    /// Applies `transforms` (outermost first, as written) from the innermost out.
    private static func applyTransforms(_ transforms: ArraySlice<String>, to shape: TemplateShape, written: String) -> Result<TemplateShape, TemplateNameProblem> {
        var shape = shape
        for transform in transforms.reversed() {
            guard let next = transformResult(transform, on: shape) else {
                let possible = transformNames(for: shape)
                let advice = possible.isEmpty ? "remove it" : "use one of \(possible.joined(separator: ", "))"
                return .failure(TemplateNameProblem(kind: .other("'\(transform)' cannot transform \(describe(shape)) in '\(written)', so it would show nothing; \(advice)"), shown: written, offset: 0))
            }
            shape = next
        }
        return .success(shape)
    }

    // MARK: - Splitting names

    /// `f(g(a.b))` → (["f", "g"], "a.b", offset of `a`); nil when the brackets do not match.
    static func splitTransforms(_ written: String) -> (transforms: [String], path: String, offset: Int)? {
        guard written.contains("(") || written.contains(")") else { return ([], written, 0) }
        var transforms: [String] = []
        var rest = Substring(written)
        var offset = 0
        while let open = rest.firstIndex(of: "(") {
            let transform = rest[..<open]
            guard !transform.isEmpty, !transform.contains(")") else { return nil }
            transforms.append(String(transform))
            offset += transform.utf8.count + 1
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.drop { $0 != ")" }
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else { return nil }
        return (transforms, String(rest.dropLast(closing.count)), offset)
    }

    /// `a.b` → [("a", 0), ("b", 2)]; empty parts are skipped, as swift-mustache skips them.
    static func splitPath(_ path: String) -> [(name: String, offset: Int)] {
        var parts: [(name: String, offset: Int)] = []
        var offset = 0
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            if !part.isEmpty { parts.append((String(part), offset)) }
            offset += part.utf8.count + 1
        }
        return parts
    }
}
