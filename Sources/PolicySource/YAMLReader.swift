import PolicyCore
import Yams

/// Reads YAML into Yams nodes and turns YAML problems into diagnostics with file positions.
///
/// Nodes are read by hand rather than through `Codable` because the contract wants positions for
/// type errors and unknown keys, which Codable's errors do not carry.
public struct YAMLReader: Sendable {
    /// The path diagnostics name.
    public var file: String
    /// The file line on which the YAML text starts (2 for front matter after `---`).
    public var firstLine: Int
    /// The code problems are reported under.
    public var code: DiagnosticCode
    /// What the YAML is, for messages: "front matter", "site.yml".
    public var what: String

    public init(file: String, firstLine: Int, code: DiagnosticCode, what: String) {
        self.file = file
        self.firstLine = firstLine
        self.code = code
        self.what = what
    }

    public func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    public func location(_ node: Node) -> SourceLocation { location(node.mark) }

    /// The root mapping, or a diagnostic saying why there is none. Empty YAML is an empty mapping.
    public func rootMapping(_ text: String) throws(Diagnostic) -> Node.Mapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw .error(code, "invalid YAML in \(what): \(error)", at: location(nil))
        }
        guard let node else { return Node.Mapping([]) }
        guard let mapping = node.mapping else {
            throw .error(code, "\(what) must be a mapping of keys to values, like 'title: Privacy Policy'", at: location(node))
        }
        return mapping
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // libyaml notices some problems only at the next line; its context says where the
            // unfinished construct began, which is where the author has to look.
            var message = "invalid YAML in \(what): \(problem)"
            if let context {
                let start = location(context.mark)
                message += " (\(context.text) that starts at line \(start.line ?? 0), column \(start.column ?? 0))"
            }
            return .error(code, message + "; check the quoting, brackets and indentation there", at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(code, "key '\(duplicates.joined(separator: "', '"))' appears twice in \(what); keep one", at: location(context.mark))
        case .reader(let problem, _, _, _):
            return .error(code, "\(what) is not readable YAML: \(problem)", at: location(nil))
        default:
            return .error(code, "invalid YAML in \(what): \(error)", at: location(nil))
        }
    }

    // MARK: - Typed values

    public func string(_ node: Node, key: String) throws(Diagnostic) -> String {
        guard let scalar = node.scalar else {
            throw .error(code, "'\(key)' must be text", at: location(node))
        }
        return scalar.string
    }

    public func bool(_ node: Node, key: String) throws(Diagnostic) -> Bool {
        guard let scalar = node.scalar else {
            throw .error(code, "'\(key)' must be true or false", at: location(node))
        }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw .error(code, "'\(key)' must be true or false, not '\(scalar.string)'", at: location(node))
        }
    }

    public func strings(_ node: Node, key: String) throws(Diagnostic) -> [(String, Node)] {
        guard let sequence = node.sequence else {
            throw .error(code, "'\(key)' must be a list, like [a, b]", at: location(node))
        }
        var result: [(String, Node)] = []
        for item in sequence {
            result.append((try string(item, key: key), item))
        }
        return result
    }

    /// Keys authors write that no YAML file of a site takes, because the value comes from a
    /// path, with where it comes from: suggested like known keys, so `efective:` is told about
    /// the folder name rather than left with a bare list.
    public static let keysFromPaths: [String: String] = [
        "effective": "a version's effective date is not a key: it is the name of its folder, Content/<policy>/<YYYY-MM-DD>/",
    ]

    /// Reports keys that are not in `known`, with a hint at the closest known key
    /// (`NameSuggestion`, as for every name a user writes).
    /// - Parameter fromPaths: keys that are not keys here, with why (see `keysFromPaths`).
    public func checkKeys(_ mapping: Node.Mapping, known: [String], unknownCode: DiagnosticCode,
                          fromPaths: [String: String] = YAMLReader.keysFromPaths) -> [Diagnostic] {
        mapping.keys.compactMap { keyNode in
            let key = keyNode.scalar?.string ?? "\(keyNode)"
            guard !known.contains(key) else { return nil }
            let list = "the keys are \(known.joined(separator: ", "))"
            var message = "unknown key '\(key)' in \(what); "
            if let why = fromPaths[key] {
                message += why + "; " + list
            } else if let suggestion = NameSuggestion.closest(to: key, among: known + fromPaths.keys.sorted()) {
                message += "did you mean '\(suggestion)'? "
                if let why = fromPaths[suggestion] { message += why.prefix(1).uppercased() + why.dropFirst() + "; " + list }
                else { message += list.prefix(1).uppercased() + list.dropFirst() }
            } else {
                message += list
            }
            return .error(unknownCode, message, at: location(keyNode))
        }
    }
}
