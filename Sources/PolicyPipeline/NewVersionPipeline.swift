import PolicyCore
import PolicySource
import PolicyModel

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
    /// What the user should know about the versions around the new one, in words.
    public var notes: [String] = []

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
        /// The upcoming version dated after the new one, if any: it now follows the new one.
        public var followedBy: CalendarDate?
        /// The version in force on the day the plan was made, if any.
        public var current: CalendarDate?
    }

    /// A new version of `policy` effective on `effective`, in `options.contentDirectory`;
    /// `options.asOf` decides which version is current (the caller's today).
    public static func create(_ options: SiteOptions, policy: String, effective: CalendarDate) -> NewVersionReport {
        let folderGuess = options.contentDirectory + "/" + policy + "/" + effective.description
        func refuse(_ reason: String?, diagnostics: [Diagnostic] = []) -> NewVersionReport {
            NewVersionReport(diagnostics: diagnostics, refusal: reason, folder: folderGuess, created: [], copiedFrom: nil)
        }

        // The engine's load and parse: the new version is planned from the files as read, so a
        // broken file elsewhere in the content does not stop it.
        let read = SiteEngine(options).read(through: .parse)
        guard let content = read.snapshot else { return refuse(nil, diagnostics: read.diagnostics) }
        let plan: Plan
        switch self.plan(content, policy: policy, effective: effective, asOf: options.asOf) {
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
        var notes: [String] = []
        if let following = plan.followedBy {
            // Its summary was written against the version it followed until now, and its text
            // does not hold the change being made here.
            let replaced = plan.copiedFrom == plan.current ? "the current version, \(plan.copiedFrom)" : "the version of \(plan.copiedFrom)"
            notes.append("the upcoming version of \(following) (\(content.displayPath("\(policy)/\(following)"))) now follows this one: it will change \(effective) rather than \(replaced), so its summary may need updating, and its text needs this version's changes too if they are to last")
        }
        return NewVersionReport(diagnostics: [], refusal: nil, folder: folder, created: plan.files.map { content.displayPath($0.path) }, copiedFrom: plan.copiedFrom, notes: notes)
    }

    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The new version's files: a copy of every `<lang>.md` of the version before its date (the
    /// latest, unless it comes before an upcoming one), each with its front matter rewritten for
    /// a draft. Refuses an unknown policy, a folder that already holds files, and a date that is
    /// not after the version in force on `asOf` (see `NewVersionPlace`).
    public static func plan(_ content: DirectorySnapshot, policy: String, effective: CalendarDate, asOf: CalendarDate) -> Result<Plan, Refusal> {
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
        guard !versions.isEmpty else {
            return .failure(Refusal(reason: "policy '\(slug)' has no version to start from; create \(content.displayPath("\(slug)/YYYY-MM-DD/<lang>.md")) by hand"))
        }
        let folder = "\(slug)/\(effective)"
        if content.files.contains(where: { $0.path.hasPrefix(folder + "/") }) {
            return .failure(Refusal(reason: "\(content.displayPath(folder)) already exists; nothing was changed. Choose another date with --effective, or edit the version that is there"))
        }
        let place: NewVersionPlace
        switch NewVersionPlace.find(for: effective, among: Array(versions.keys), asOf: asOf, policy: slug) {
        case .success(let found): place = found
        case .failure(let refusal): return .failure(refusal)
        }
        let previous = place.copiedFrom
        let sources = versions[previous] ?? []

        var files: [(path: String, bytes: [UInt8])] = []
        for source in sources {
            let display = content.displayPath(source.path)
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                return .failure(Refusal(reason: "\(display) is not valid UTF-8, so it cannot be copied; run policysite check and fix it first"))
            }
            let rewritten: String
            do {
                rewritten = try NewVersionFrontMatter.rewrite(text, previous: previous)
            } catch {
                return .failure(Refusal(reason: "cannot start the new version from \(display): \(error.reason); copy the folder by hand and set draft: true"))
            }
            files.append(("\(folder)/\(source.components[2])", Array(rewritten.utf8)))
        }
        return .success(Plan(folder: folder, files: files, copiedFrom: previous, followedBy: place.followedBy, current: place.current))
    }
}
