import PolicyCore
import PolicyMarkdown

/// One problem as the overlay shows it: the diagnostic and the source line it points at, read
/// by the caller (the file system stays at the edge).
struct OverlayEntry: Sendable, Equatable {
    var diagnostic: Diagnostic
    var sourceLine: String?
}

/// The panel every served page shows while the content or templates fail their checks: each
/// problem with its file:line:column, message and source line, over the last good page, which
/// stays readable and clickable below it. Everything from the content is HTML-escaped.
///
/// Its styles are scoped to its id and reset what the site's stylesheet may set, so any
/// template shows it alike; it is left to right and English whatever the page's language, as
/// the diagnostics are.
enum ErrorOverlay {
    static let elementID = "policysite-overlay"
    /// More than this many problems are summarised: one broken file can report hundreds.
    static let maximumShown = 50

    static func html(_ entries: [OverlayEntry]) -> String {
        // Errors first: they are why the page is not updating; warnings follow.
        let errors = entries.filter { $0.diagnostic.severity == .error }
        let others = entries.filter { $0.diagnostic.severity != .error }
        var heading = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        if !others.isEmpty { heading += others.count == 1 ? " and 1 warning" : " and \(others.count) warnings" }
        var items = ""
        for entry in (errors + others).prefix(maximumShown) {
            items += item(entry)
        }
        if entries.count > maximumShown {
            items += "<li class=\"ps-more\">… and \(entries.count - maximumShown) more; the terminal lists them all.</li>\n"
        }
        return """
        <div id="\(elementID)" role="alert" lang="en" dir="ltr">
        <style>
        #\(elementID), #\(elementID) * { all: revert; box-sizing: border-box; }
        #\(elementID) { position: fixed; inset-block-start: 0; inset-inline: 0; z-index: 2147483647; max-block-size: 75vh; overflow: auto; margin: 0; padding: 1rem 1.25rem 1.25rem; background: #fff8f7; color: #1d232a; border-block-end: 4px solid #b42318; box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; text-align: left; }
        #\(elementID) .ps-head { display: flex; align-items: baseline; gap: 1rem; margin: 0 0 .25rem; }
        #\(elementID) h2 { flex: 1; margin: 0; font-size: 1.15rem; font-weight: 700; color: #b42318; }
        #\(elementID) button { font: inherit; font-size: .875rem; padding: .2rem .75rem; border: 1px solid #b9c1ca; border-radius: .375rem; background: #fff; color: #1d232a; cursor: pointer; }
        #\(elementID) .ps-hint { margin: 0 0 .75rem; color: #3a424c; }
        #\(elementID) ol { list-style: none; margin: 0; padding: 0; }
        #\(elementID) li { margin: 0 0 .75rem; padding: .6rem .8rem; background: #fff; border: 1px solid #f0c7c2; border-inline-start: 4px solid #b42318; border-radius: .375rem; }
        #\(elementID) li.ps-warning { border-color: #ecd9a9; border-inline-start-color: #b45309; }
        #\(elementID) .ps-where { margin: 0; font: 600 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; color: #3a424c; overflow-wrap: anywhere; }
        #\(elementID) .ps-severity { color: #b42318; text-transform: uppercase; margin-inline-start: .5rem; }
        #\(elementID) li.ps-warning .ps-severity { color: #92400e; }
        #\(elementID) .ps-message { margin: .25rem 0 0; overflow-wrap: anywhere; }
        #\(elementID) .ps-code { color: #5a636e; font-size: .85em; }
        #\(elementID) pre { direction: ltr; unicode-bidi: isolate; margin: .5rem 0 0; padding: .5rem .75rem; background: #1d232a; color: #f5f7f9; border-radius: .25rem; overflow-x: auto; font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: pre; }
        #\(elementID) .ps-caret { color: #ff8a80; font-weight: 700; }
        #\(elementID) li.ps-more { border: 0; background: none; padding: 0; color: #3a424c; }
        </style>
        <div class="ps-head">
        <h2>policysite: \(heading). Showing the last good pages.</h2>
        <button type="button" onclick="document.getElementById('\(elementID)').remove()">Hide</button>
        </div>
        <p class="ps-hint">Fix the file and save: this page updates by itself.</p>
        <ol>
        \(items)</ol>
        </div>

        """
    }

    private static func item(_ entry: OverlayEntry) -> String {
        let diagnostic = entry.diagnostic
        let location = diagnostic.location
        var place = location.file
        if let line = location.line {
            place += ":\(line)"
            if let column = location.column { place += ":\(column)" }
        }
        let severity = diagnostic.severity.rawValue
        var html = "<li class=\"ps-\(severity)\">\n"
        html += "<p class=\"ps-where\">\(HTMLEscaping.escape(place))<span class=\"ps-severity\">\(severity)</span></p>\n"
        html += "<p class=\"ps-message\">\(HTMLEscaping.escape(diagnostic.message)) <span class=\"ps-code\">[\(HTMLEscaping.escape(diagnostic.code.name))]</span></p>\n"
        if let line = location.line, let source = entry.sourceLine {
            html += "<pre>" + sourceExcerpt(source, line: line, column: location.column) + "</pre>\n"
        }
        return html + "</li>\n"
    }

    /// `  12 | text` and, under it, a caret at the column: the terminal's excerpt
    /// (`SourceExcerpt`), HTML-escaped.
    static func sourceExcerpt(_ source: String, line: Int, column: Int?) -> String {
        let excerpt = SourceExcerpt(line: source, number: line, column: column)
        var result = HTMLEscaping.escape(excerpt.gutter + excerpt.text)
        if let indent = excerpt.caretIndent {
            result += "\n" + HTMLEscaping.escape(excerpt.caretGutter + indent) + "<span class=\"ps-caret\">" + excerpt.caret + "</span>"
        }
        return result
    }
}
