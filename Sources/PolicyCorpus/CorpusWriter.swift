import Foundation

/// The edge of the corpus generator: writes a corpus to disk as a site repository,
/// `DIR/Content/` and `DIR/Templates/` (a copy of the given templates, with derived strings
/// files for languages they lack).
public enum CorpusWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes into `directory`, which must not exist yet or be empty.
    public static func write(_ corpus: Corpus, to directory: String, templatesFrom templates: String) throws(Failure) {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: directory)
        if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw Failure(description: "\(directory) is not empty; give a new or empty directory")
        }
        let englishStrings = URL(fileURLWithPath: templates).appendingPathComponent("strings/en.yml")
        guard let english = try? String(contentsOf: englishStrings, encoding: .utf8) else {
            throw Failure(description: "cannot read \(englishStrings.path): give the repository's Templates directory (--templates-source)")
        }
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try manager.copyItem(at: URL(fileURLWithPath: templates), to: root.appendingPathComponent("Templates"))
            var created: Set<String> = []
            func write(_ text: String, to path: String) throws {
                let url = root.appendingPathComponent(path)
                let folder = url.deletingLastPathComponent().path
                if created.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try Data(text.utf8).write(to: url)
            }
            for language in corpus.spec.siteLanguages {
                let path = "Templates/strings/\(language.tag).yml"
                if !manager.fileExists(atPath: root.appendingPathComponent(path).path) {
                    try write(DerivedStrings.strings(for: language, derivedFrom: english), to: path)
                }
            }
            for file in corpus.files {
                try write(file.text, to: file.path)
            }
        } catch {
            throw Failure(description: "cannot write the corpus to \(directory): \(error.localizedDescription)")
        }
    }
}
