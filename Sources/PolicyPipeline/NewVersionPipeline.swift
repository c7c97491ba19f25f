import PolicyDiagnostics
import PolicyLoad
import PolicyModel
import PolicyParse

/// What `new` is asked to do.
public struct NewVersionOptions: Sendable {
    public var contentDirectory: String
    /// The policy's folder name, as the user typed it.
    public var policy: String
    /// The new version's effective date: its folder name.
    public var effective: CalendarDate

    public init(contentDirectory: String = "Content", policy: String, effective: CalendarDate) {
        self.contentDirectory = contentDirectory
        self.policy = policy
        self.effective = effective
    }
}

/// What `new` did.
public struct NewVersionReport: Sendable {
    /// Problems reading `Content/` (exit 2).
    public var diagnostics: [Diagnostic]
    /// Why nothing was created, in words for the user (exit 2); nil on success.
    public var refusal: String?
    /// The new folder, e.g. `Content/privacy/2027-06-01`.
    public var folder: String
    /// The files created, as the user would type their paths.
    public var created: [String]
    /// The version that was copied.
    public var copiedFrom: CalendarDate?

    public var exitStatus: ExitStatus { refusal == nil && diagnostics.isEmpty ? .success : .usageOrConfiguration }
}

/// `new` as named steps: read the policy's folder, plan the new version from its latest one
/// (pure: every language file with its front matter rewritten for a draft), then create the
/// folder and files, never overwriting anything.
public enum NewVersionPipeline {
    /// The new version's files, relative to `Content/`, before anything is written.
    public struct Plan: Sendable {
        /// Relative to `Content/`, e.g. `privacy/2027-06-01`.
        public var folder: String
        /// Paths relative to `Content/`, in path order.
        public var files: [(path: String, bytes: [UInt8])]
        public var copiedFrom: CalendarDate
    }

    public static func create(_ options: NewVersionOptions) -> NewVersionReport {
        let folderGuess = options.contentDirectory + "/" + options.policy + "/" + options.effective.description
        func refuse(_ reason: String?, diagnostics: [Diagnostic] = []) -> NewVersionReport {
            NewVersionReport(diagnostics: diagnostics, refusal: reason, folder: folderGuess, created: [], copiedFrom: nil)
        }

        let loaded: DirectoryLoader.Result
        do {
            loaded = try DirectoryLoader().load(options.contentDirectory)
        } catch {
            return refuse(nil, diagnostics: [error])
        }
        let content = loaded.snapshot
        let plan: Plan
        switch self.plan(content, policy: options.policy, effective: options.effective) {
        case .success(let planned): plan = planned
        case .failure(let refusal): return refuse(refusal.reason)
        }

        let folder = content.displayPath(plan.folder)
        let files = plan.files.map { (name: String($0.path.split(separator: "/").last!), bytes: $0.bytes) }
        do {
            try ContentWriter.createFolder(folder, files: files)
        } catch {
            switch error {
            case .exists: return refuse("\(folder) already exists; nothing was changed. Choose another date with --effective, or edit the version that is there")
            case .failed(let reason): return refuse("\(reason); nothing was changed")
            }
        }
        return NewVersionReport(diagnostics: [], refusal: nil, folder: folder, created: plan.files.map { content.displayPath($0.path) }, copiedFrom: plan.copiedFrom)
    }

    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The new version's files: a copy of every `<lang>.md` of the policy's latest version, each
    /// with its front matter rewritten for a draft. Refuses an unknown policy, a date that is not
    /// after the latest version, and a folder that already holds files.
    public static func plan(_ content: DirectorySnapshot, policy: String, effective: CalendarDate) -> Result<Plan, Refusal> {
        let policies = Set(content.files.compactMap { file in
            file.components.count > 1 ? PolicySlug(String(file.components[0])) : nil
        }).sorted()
        let known = policies.isEmpty ? "there are none yet" : "the policies are \(policies.map(\.rawValue).joined(separator: ", "))"
        guard let slug = PolicySlug(policy), policies.contains(slug) else {
            return .failure(Refusal(reason: "there is no policy '\(policy)' in \(content.root); \(known). To start a new policy, create \(content.root)/<policy>/YYYY-MM-DD/<lang>.md by hand"))
        }

        // Version folders with at least one language file, by date.
        var versions: [CalendarDate: [SnapshotFile]] = [:]
        for file in content.files {
            let components = file.components
            guard components.count == 3, components[0] == slug.rawValue, components[2].hasSuffix(".md"),
                  let date = CalendarDate(iso: String(components[1])) else { continue }
            versions[date, default: []].append(file)
        }
        guard let latest = versions.keys.max(), let sources = versions[latest] else {
            return .failure(Refusal(reason: "policy '\(slug)' has no version to start from; create \(content.displayPath("\(slug)/YYYY-MM-DD/<lang>.md")) by hand"))
        }
        let folder = "\(slug)/\(effective)"
        if content.files.contains(where: { $0.path.hasPrefix(folder + "/") }) {
            return .failure(Refusal(reason: "\(content.displayPath(folder)) already exists; nothing was changed. Choose another date with --effective, or edit the version that is there"))
        }
        guard effective > latest else {
            return .failure(Refusal(reason: "the new version must take effect after the latest version of '\(slug)', \(latest); \(effective) is not after it. Pass a later date with --effective YYYY-MM-DD"))
        }

        var files: [(path: String, bytes: [UInt8])] = []
        for source in sources {
            let display = content.displayPath(source.path)
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                return .failure(Refusal(reason: "\(display) is not valid UTF-8, so it cannot be copied; run policysite check and fix it first"))
            }
            let rewritten: String
            do {
                rewritten = try NewVersionFrontMatter.rewrite(text, previous: latest)
            } catch {
                return .failure(Refusal(reason: "cannot start the new version from \(display): \(error.reason); copy the folder by hand and set draft: true"))
            }
            files.append(("\(folder)/\(source.components[2])", Array(rewritten.utf8)))
        }
        return .success(Plan(folder: folder, files: files, copiedFrom: latest))
    }
}
