/// What a name gives a render plan: a typed value, never an `Any`. Lists and objects are
/// handed over as a list of contexts and a position in it, so a section pushes a scope without
/// boxing each item.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    /// One object: the item at `index` of `list`.
    case object(TemplateItems, Int)
    case list(TemplateItems)
    /// A dotted name whose first part was found but a later part was not: it shows nothing, and
    /// (as in swift-mustache) the search does not go on to outer scopes.
    case nothing
}

/// The items of a list (or the one item of an object or a page), with the identity of their
/// type, which a name's readers are matched against at render time.
class TemplateItems {
    let count: Int
    let type: ObjectIdentifier

    fileprivate init(count: Int, type: ObjectIdentifier) {
        self.count = count
        self.type = type
    }
}

final class TemplateItemList<Item: TemplateContext>: TemplateItems {
    let items: [Item]

    init(_ items: [Item]) {
        self.items = items
        super.init(count: items.count, type: ObjectIdentifier(Item.self))
    }
}

/// A name (or dotted name) read from one context type, for whichever scope of that type is
/// searched at render time.
struct TemplateScopeReader: Sendable {
    /// The context type it reads.
    let type: ObjectIdentifier
    /// nil when the first part of the name is absent there (an optional text that is nil), so
    /// the search goes on outward, as swift-mustache's does.
    let read: @Sendable (TemplateItems, Int) -> TemplateValue?
}

extension TemplateContext {
    static func scopeReader(for path: ArraySlice<String>) -> TemplateScopeReader? {
        guard let read = fields.reader(for: path) else { return nil }
        return TemplateScopeReader(type: ObjectIdentifier(Self.self)) { items, index in
            // The type was matched before the call: the items are this type's.
            read(unsafeDowncast(items, to: TemplateItemList<Self>.self).items[index])
        }
    }
}

extension TemplateFields {
    /// How to read `path` (`t`, `t.skipToContent`) in a context; nil when its first part is not
    /// one of the context's names.
    func reader(for path: ArraySlice<String>) -> (@Sendable (Context) -> TemplateValue?)? {
        guard let first = path.first, let field = field(named: first) else { return nil }
        return path.count == 1 ? field.read : field.readInside(path.dropFirst())
    }

    /// The rest of a dotted name, read inside an object already found: a missing part shows
    /// nothing.
    func readerInside(for path: ArraySlice<String>) -> @Sendable (Context) -> TemplateValue {
        guard let read = reader(for: path) else { return { _ in .nothing } }
        return { read($0) ?? .nothing }
    }
}
