import Foundation
import PolicyDiagnostics
import PolicyModel

/// Refuses an output directory that is, or contains, an input directory: the writer replaces
/// the output directory whole, and `--output .` must not take Content/ with it.
enum OutputGuard {
    static func problem(output: String, inputs: [String]) -> Diagnostic? {
        let outputPath = canonical(output)
        for input in inputs {
            let inputPath = canonical(input)
            if inputPath == outputPath || inputPath.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
                return .error(.output, "the output directory '\(output)' holds '\(input)' and would replace it; choose another --output", at: SourceLocation(file: output))
            }
        }
        return nil
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
