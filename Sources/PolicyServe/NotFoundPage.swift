import Foundation
import PolicyMarkdown

/// The preview server's 404 page: says what was asked for (escaped) and links to the site's
/// home. It uses the site's own stylesheet (when the templates have one), so it looks like the
/// site; the live reload script is added to it like to any page, so a page that appears after an
/// edit shows up by itself.
enum NotFoundPage {
    static func html(requestedPath: String, hasFile: (String) -> Bool) -> String {
        let stylesheet = hasFile("assets/style.css") ? "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n" : ""
        // The path is shown as text, decoded where it is valid UTF-8; never as markup.
        let shown = requestedPath.removingPercentEncoding ?? requestedPath
        return """
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Not found · policysite preview</title>
        \(stylesheet)<style>
        .ps-not-found { max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; font-family: system-ui, sans-serif; }
        .ps-not-found code { overflow-wrap: anywhere; }
        </style>
        </head>
        <body>
        <main class="ps-not-found">
        <h1>Page not found</h1>
        <p>The site has no page at <code>\(HTMLEscaping.escape(String(shown.prefix(300))))</code>.</p>
        <p><a href="/">Go to the site’s home page</a></p>
        </main>
        </body>
        </html>

        """
    }
}
