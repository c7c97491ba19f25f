import Foundation
import PolicyCorpus

/// The speed reference: the same bodies as an equivalent Hugo site, one page per version and
/// language, with a layout that does nothing but place the rendered Markdown in a page, timed
/// as `hugo` builds it. Only when `hugo` is on the PATH (Debian's package).
enum HugoReference {
    /// `hugo` from the PATH, or nil.
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/hugo"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Writes the Hugo site into `root`: `content/<policy>/<lang>/<date>.md` holding each
    /// version file's body under a title (the corpus's own front matter is left out, as Hugo
    /// does not know its keys), and a single layout.
    static func write(_ corpus: Corpus, to root: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
        let config = """
            baseURL = "https://example.com/"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            [markup.goldmark.renderer]
            unsafe = false

            """
        try Data(config.utf8).write(to: root.appendingPathComponent("hugo.toml"))
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
        try Data(page.utf8).write(to: root.appendingPathComponent("layouts/_default/single.html"))
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body></body></html>\n".utf8)
            .write(to: root.appendingPathComponent("layouts/_default/list.html"))
        for file in corpus.versionFiles {
            // Content/<policy>/<date>/<lang>.md → content/<policy>/<lang>/<date>.md
            let parts = file.path.split(separator: "/")
            guard parts.count == 4 else { continue }
            let language = parts[3].dropLast(3)
            let url = root.appendingPathComponent("content/\(parts[1])/\(language)/\(parts[2]).md")
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = "---\ntitle: \"\(parts[1]) \(parts[2]) \(language)\"\n---\n" + CorpusBench.body(of: file.text)
            try Data(text.utf8).write(to: url)
        }
    }
}
