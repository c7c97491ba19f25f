/// A page template compiled once, when the template set is made, for the page's context type:
/// its partials and layouts inlined, every name resolved to the readers of the context types
/// that can answer it, every piece of text a slice of one byte buffer. Rendering runs the ops
/// over the page with an explicit stack (RenderPlanRunner), with no name lookups by string.
///
/// It writes what swift-mustache writes for the same template and context; where it cannot be
/// sure to (a construct it does not compile, or a value of a shape the plan did not expect),
/// there is no plan, or rendering gives nil, and the page is left to swift-mustache.
struct RenderPlan: Sendable {
    /// Runs of ops: the page's first, then templates that include themselves (a recursive
    /// partial), called by index.
    var procedures: [[RenderOp]]
    /// Every text and indentation the ops write, end to end.
    var bytes: [UInt8]
}

/// How a name is found at render time.
enum RenderLookup: Sendable {
    /// No scope can have it: it shows nothing.
    case none
    /// `{{.}}`: the innermost scope itself.
    case current
    /// `{{.name}}`: only the innermost scope is asked.
    case innermost(TemplateScopeReader)
    /// Scopes are asked from the innermost out, each with the reader of its type if it has one;
    /// the first value present wins.
    case scopes([TemplateScopeReader])
}

/// What the compiler expected a section's name to hold, and so compiled its body for.
enum RenderShape: Sendable {
    case text, flag, object, list
    /// Nothing can answer (or a dotted name goes through something that is not an object).
    case absent
}

enum RenderOp: Sendable {
    /// Writes `bytes[start..<end]`.
    case text(start: Int, end: Int)
    case variable(RenderLookup, escaped: Bool)
    /// Opens a section: skips to the op after `end` when it shows nothing.
    case section(RenderLookup, RenderShape, end: Int)
    case inverted(RenderLookup, RenderShape, end: Int)
    /// Closes the section opened at `begin`: the next item of a list goes back there.
    case end(begin: Int)
    case call(procedure: Int)
    // The ops below keep swift-mustache's indentation of standalone partials and blocks; they
    // are compiled only where the indentation is not empty (RenderPlanRunner has the rules).
    /// Indentation `bytes[start..<end]` added for a partial or block.
    case pushIndent(start: Int, end: Int)
    case popIndent
    /// A template body starts (swift-mustache renders it into a string of its own).
    case frameBegin
    case frameEnd
    /// One of the body's tokens starts or ends.
    case tokenBegin
    case tokenEnd
}
