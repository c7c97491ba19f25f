import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floor the benchmark compares policysite with: libcmark alone parsing a Markdown body
/// and rendering it to HTML (`CMARK_OPT_DEFAULT`, safe mode), with no Swift tree, no outline
/// and no templates. Nothing policysite does to a body can cost less than this.
public enum RawCmark {
    /// Parses and renders `body`; returns the length of the HTML in bytes (the benchmark keeps
    /// a checksum of it, so the work cannot be skipped). Zero when cmark fails to allocate.
    public static func renderedLength(_ body: UnsafeBufferPointer<UInt8>) -> Int {
        body.withMemoryRebound(to: CChar.self) { chars in
            guard let document = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return 0 }
            defer { cmark_node_free(document) }
            guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return 0 }
            defer { free(html) }
            return strlen(html)
        }
    }
}
