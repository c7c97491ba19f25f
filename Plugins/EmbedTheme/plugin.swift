import Foundation
import PackagePlugin

/// Compiles the repository's `Templates/` (the built-in theme's source) into the `PolicyTheme`
/// module, so the binary carries its theme and needs no resource folder beside it.
///
/// Every file under `Templates/` is an input of the command, so editing, adding or removing a
/// theme file regenerates the embedded copy on the next build.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        let inputs = Self.files(under: templates)
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme: \(inputs.count) files from Templates",
                executable: try context.tool(named: "policysite-embed-theme").url,
                arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `root`, dotfiles left out, in a fixed order.
    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
