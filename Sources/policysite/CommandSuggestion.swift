import ArgumentParser
import PolicyCore

/// `policysite biuld`: ArgumentParser reports "Unexpected argument 'biuld'", with a suggestion
/// for a misspelt option but none for a misspelt command. This names the nearest command.
enum CommandSuggestion {
    /// The error for a first argument that names no command: "unknown command 'biuld'; did you
    /// mean 'build'? …" with the usage, as ArgumentParser prints its errors. Nil when the first
    /// argument is an option or a command, so that the parser's own message stands.
    ///
    /// The root command takes no arguments of its own, so a first word that is not a command is
    /// always what the parse failed on.
    static func unknownCommandMessage(arguments: [String], root: any ParsableCommand.Type = PolicysiteCommand.self) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        // From the configuration, not a list of our own, so a command added there is suggested too.
        let commands = root.configuration.subcommands
        let names = commands.map { $0._commandName }
        let aliases = commands.flatMap { $0.configuration.aliases }
        // ArgumentParser adds `help` to every command tree.
        guard !(names + aliases + ["help"]).contains(word) else { return nil }
        let advice = NameSuggestion.advice(for: word, among: names + aliases, list: "the commands are: \(names.joined(separator: ", "))")
        return """
            Error: unknown command '\(word)'; \(advice)
            Usage: \(root.usageString())
              See '\(root._commandName) --help' for more information.
            """
    }
}
