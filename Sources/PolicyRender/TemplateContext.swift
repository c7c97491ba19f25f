import Mustache

/// A value a template renders: a page, or an item of a list or an object in it.
///
/// Each context type declares its names once, in `fields`: how to read each one and what it
/// holds. A compiled render plan reads names through typed readers made from the table
/// (TemplateValue.swift), swift-mustache (for what the plan compiler leaves to it) through
/// `child(named:)`, and the template checker reads the same table as the type's schema, so what
/// a template may name and what rendering answers cannot drift apart.
protocol TemplateContext: MustacheParent, Sendable {
    static var fields: TemplateFields<Self> { get }
    // The three below read `fields` for a type known only at run time (the checker's schemas,
    // the render plan compiler); the defaults are the only implementations.
    static var fieldNames: [String] { get }
    static func fieldShape(of name: String) -> TemplateShape?
    static func scopeReader(for path: ArraySlice<String>) -> TemplateScopeReader?
}

extension TemplateContext {
    func child(named name: String) -> Any? { Self.fields.value(of: name, in: self) }
    static var fieldNames: [String] { fields.names }
    static func fieldShape(of name: String) -> TemplateShape? { fields.shape(of: name) }
}

/// A page of the site: a context rendered by one of the page templates.
protocol PageTemplateContext: TemplateContext {
    /// The page template that renders it.
    static var template: String { get }
}

/// What a name holds, as much as the template checker needs: how a section over it behaves and
/// which names are open inside it.
enum TemplateShape: Sendable {
    /// Text (or a number): `{{name}}` shows it; `{{#name}}…{{/name}}` shows its body when the text
    /// is there, with the text as `{{.}}`.
    case text
    /// True or false: `{{#name}}…{{/name}}` shows its body when true, in the same context.
    case flag
    /// One object: `{{#name}}` opens it, and `name.field` reads one of its names.
    case object(any TemplateContext.Type)
    /// A list: `{{#name}}…{{/name}}` repeats its body for each item, in the item's context.
    case list(any TemplateContext.Type)
}

/// One name a template may use in a context. The constructors tie the shape to the type the
/// getter returns, so a list's element schema is the type of its elements.
///
/// Each field is read two ways: `value` as swift-mustache asks (`child(named:)`, an `Any`), and
/// `read` / `readInside` as a compiled render plan asks (a typed `TemplateValue`, for one name
/// or the rest of a dotted one), both made here from the one getter.
struct TemplateField<Context>: Sendable {
    let name: String
    let shape: TemplateShape
    let value: @Sendable (Context) -> Any?
    /// nil when the value is absent (an optional text that is nil).
    let read: @Sendable (Context) -> TemplateValue?
    /// For `name.rest`: nil when this value is absent, `.nothing` when `rest` names nothing in it.
    let readInside: @Sendable (ArraySlice<String>) -> @Sendable (Context) -> TemplateValue?

    /// A field whose value has no names inside it (text, a flag, a list).
    private init(name: String, shape: TemplateShape, value: @escaping @Sendable (Context) -> Any?,
                 read: @escaping @Sendable (Context) -> TemplateValue?) {
        self.init(name: name, shape: shape, value: value, read: read, readInside: { _ in
            { read($0) == nil ? nil : .nothing }
        })
    }

    private init(name: String, shape: TemplateShape, value: @escaping @Sendable (Context) -> Any?,
                 read: @escaping @Sendable (Context) -> TemplateValue?,
                 readInside: @escaping @Sendable (ArraySlice<String>) -> @Sendable (Context) -> TemplateValue?) {
        self.name = name
        self.shape = shape
        self.value = value
        self.read = read
        self.readInside = readInside
    }

    static func text(_ name: String, _ value: @escaping @Sendable (Context) -> String) -> Self {
        Self(name: name, shape: .text, value: { value($0) }, read: { .text(value($0)) })
    }

    /// Text that some pages leave out: a section over it shows only where it is present.
    static func optionalText(_ name: String, _ value: @escaping @Sendable (Context) -> String?) -> Self {
        Self(name: name, shape: .text, value: { value($0) }, read: { value($0).map(TemplateValue.text) })
    }

    static func flag(_ name: String, _ value: @escaping @Sendable (Context) -> Bool) -> Self {
        Self(name: name, shape: .flag, value: { value($0) }, read: { .flag(value($0)) })
    }

    static func object<Item: TemplateContext>(_ name: String, _ value: @escaping @Sendable (Context) -> Item) -> Self {
        Self(name: name, shape: .object(Item.self), value: { value($0) },
             read: { .object(TemplateItemList([value($0)]), 0) },
             readInside: { rest in
                 let inner = Item.fields.readerInside(for: rest)
                 return { inner(value($0)) }
             })
    }

    static func list<Item: TemplateContext>(_ name: String, _ value: @escaping @Sendable (Context) -> [Item]) -> Self {
        Self(name: name, shape: .list(Item.self), value: { value($0) }, read: { .list(TemplateItemList(value($0))) })
    }

    /// The same name, read from a part of a larger context (the fields every page shares).
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Context) -> TemplateField<Outer> {
        let value = self.value
        let read = self.read
        let readInside = self.readInside
        return TemplateField<Outer>(name: name, shape: shape, value: { value(part($0)) }, read: { read(part($0)) },
                                    readInside: { rest in
                                        let inner = readInside(rest)
                                        return { inner(part($0)) }
                                    })
    }
}

/// The names of a context type: its schema, and how `child(named:)` answers.
struct TemplateFields<Context>: Sendable {
    private let byName: [String: TemplateField<Context>]
    /// Sorted, for messages.
    let names: [String]

    init(_ fields: [TemplateField<Context>]) {
        var byName: [String: TemplateField<Context>] = [:]
        for field in fields {
            precondition(byName[field.name] == nil, "\(Context.self) declares '\(field.name)' twice")
            byName[field.name] = field
        }
        self.byName = byName
        self.names = byName.keys.sorted()
    }

    func value(of name: String, in context: Context) -> Any? { byName[name]?.value(context) }

    func shape(of name: String) -> TemplateShape? { byName[name]?.shape }

    func field(named name: String) -> TemplateField<Context>? { byName[name] }
}

/// A context type seen by the checker, without its values: `names`, and the shape of each.
struct TemplateSchema: Sendable {
    let type: any TemplateContext.Type

    init(_ type: any TemplateContext.Type) { self.type = type }

    var names: [String] { type.fieldNames }
    func shape(of name: String) -> TemplateShape? { type.fieldShape(of: name) }
    var id: ObjectIdentifier { ObjectIdentifier(type) }
}
