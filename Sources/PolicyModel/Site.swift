import PolicyCore
import PolicyMarkdown

/// A heading of a policy document, with its `{#id}` removed from the text.
public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The `{#id}` the author gave, if any.
    public var id: SectionID?
    /// The `id` attribute in the page: the section id, or a unique slug of the text.
    public var anchor: String
    /// The heading's content as the reader sees it.
    public var content: [MarkdownInline]
    /// Where the heading starts in the Markdown body.
    public var position: MarkdownPosition

    public init(level: Int, id: SectionID?, anchor: String, content: [MarkdownInline], position: MarkdownPosition) {
        self.level = level
        self.id = id
        self.anchor = anchor
        self.content = content
        self.position = position
    }

    public var plainText: String { content.plainText }
}

/// One language of one version: `Content/<policy>/<date>/<lang>.md`.
public struct PolicyDocument: Sendable, Equatable {
    public var language: LanguageTag
    /// The path diagnostics name, e.g. `Content/privacy/2024-03-01/en.md`.
    public var file: String
    public var frontMatter: FrontMatter
    public var body: MarkdownDocument
    /// The top-level headings of the body, in order (headings inside lists or quotes are not sections).
    public var headings: [Heading]
    /// The line of the file on which the Markdown body starts (after the front matter).
    public var bodyStartLine: Int
    /// The file's bytes as read, for hashing published versions.
    public var source: [UInt8]
    /// The SHA-256 of `source`, set by the parser (nil for a text made in memory): with the
    /// path, what a check's result or a page is kept by between rebuilds.
    public var digest: SourceDigest?
    /// The policies its `policy:` links name (valid slugs only), sorted: a page showing this
    /// text depends on when their versions take effect, since such a link resolves to the
    /// version in force on the linking date.
    public var referencedPolicies: [PolicySlug]
    /// Every link and image of the body, in reading order: found once, read by the link check.
    public var links: [MarkdownLink]
    /// The anchors of its headings, for the link check: built once per text, where every text
    /// linking here looks them up.
    public var anchorSet: Set<String>

    public init(language: LanguageTag, file: String, frontMatter: FrontMatter, body: MarkdownDocument, headings: [Heading], bodyStartLine: Int, source: [UInt8]) {
        self.language = language
        self.file = file
        self.frontMatter = frontMatter
        self.body = body
        self.headings = headings
        self.bodyStartLine = bodyStartLine
        self.source = source
        let links = body.links
        self.links = links
        self.referencedPolicies = Set(links.compactMap { PolicyReference($0.destination)?.slug }).sorted()
        self.anchorSet = Set(headings.map(\.anchor))
    }

    /// Where a position of the body is in the file.
    public func location(of position: MarkdownPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line + bodyStartLine - 1, column: position.column)
    }

    /// The anchor of a section id in this document, if a heading declares it.
    public func anchor(for id: SectionID) -> String? {
        headings.first { $0.id == id }?.anchor
    }
}

/// A version of a policy: the files in `Content/<policy>/<YYYY-MM-DD>/`.
public struct PolicyVersion: Sendable, Equatable {
    public var effective: CalendarDate
    /// One document per language, in the site's language order.
    public var documents: [PolicyDocument]

    public init(effective: CalendarDate, documents: [PolicyDocument]) {
        self.effective = effective
        self.documents = documents
    }

    public func document(in language: LanguageTag) -> PolicyDocument? {
        documents.first { $0.language == language }
    }

    /// Whether every text of the version is a draft: it is not published (`withoutDrafts` drops
    /// it, and the published timeline gives it the status `draft`).
    public var isDraft: Bool { documents.allSatisfy(\.frontMatter.draft) }

    /// The document a language's page of this version shows: the language's own, else the first
    /// of the other site languages in order (the default language first), else the version's
    /// first document. The renderer shows it and the checks check it, so both use this rule.
    public func shownDocument(in language: LanguageTag, settings: SiteSettings) -> PolicyDocument? {
        if let own = document(in: language) { return own }
        for candidate in settings.fallbacks(for: language) {
            if let document = document(in: candidate) { return document }
        }
        return documents.first
    }
}

/// A policy: its settings and its versions, oldest first.
public struct Policy: Sendable, Equatable {
    public var slug: PolicySlug
    public var settings: PolicySettings
    public var versions: [PolicyVersion]

    public init(slug: PolicySlug, settings: PolicySettings, versions: [PolicyVersion]) {
        self.slug = slug
        self.settings = settings
        self.versions = versions.sorted { $0.effective < $1.effective }
    }

    public func version(effective: CalendarDate) -> PolicyVersion? {
        versions.first { $0.effective == effective }
    }

    /// The version in force on `date`: the latest whose effective date is on or before it.
    public func versionInForce(on date: CalendarDate) -> PolicyVersion? {
        versions.last { $0.effective <= date }
    }
}

/// Everything under `Content/`.
public struct Site: Sendable, Equatable {
    public var settings: SiteSettings
    /// Sorted by slug.
    public var policies: [Policy]
    /// `Content/published.lock`, nil when there is none.
    public var publishedLock: PublishedLock?
    /// Every version file on disk, parsed or not, with the SHA-256 of its bytes: what the lock
    /// is checked against, so a locked file that no longer parses is still found changed.
    public var sourceFiles: [VersionFilePath: HashedFile]

    public init(settings: SiteSettings, policies: [Policy], publishedLock: PublishedLock? = nil, sourceFiles: [VersionFilePath: HashedFile] = [:]) {
        self.settings = settings
        self.policies = policies.sorted { $0.slug < $1.slug }
        self.publishedLock = publishedLock
        self.sourceFiles = sourceFiles
    }

    public func policy(_ slug: PolicySlug) -> Policy? {
        policies.first { $0.slug == slug }
    }

    /// The files published on `asOf`: every document of a version effective on or before it
    /// that is not a draft, in lock order. What `lock` records, and what a site that has a lock
    /// is warned about when the lock lacks one: one rule, so the two cannot disagree.
    public func publishedFiles(asOf: CalendarDate) -> [(path: VersionFilePath, document: PolicyDocument)] {
        var files: [(path: VersionFilePath, document: PolicyDocument)] = []
        for policy in policies {
            for version in policy.versions where version.effective <= asOf {
                for document in version.documents where !document.frontMatter.draft {
                    files.append((VersionFilePath(slug: policy.slug, effective: version.effective, language: document.language), document))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The site with every text's `source` bytes let go (each text keeps its digest and its
    /// parsed body): once the checks have run, rendering reads only the parsed texts, and a
    /// build need not hold every file's bytes while it renders.
    public func withoutSourceBytes() -> Site {
        var site = self
        for p in site.policies.indices {
            for v in site.policies[p].versions.indices {
                for d in site.policies[p].versions[v].documents.indices { site.policies[p].versions[v].documents[d].source = [] }
            }
        }
        return site
    }

    /// The site without draft documents, without versions left with no document, and without
    /// policies left with no version (a policy whose every version is a draft is not published:
    /// a build without drafts writes no page of it, as a versions index or feed of nothing would
    /// link to a main page that does not exist).
    public func withoutDrafts() -> Site {
        let policies = policies.map { $0.withoutDrafts() }.filter { !$0.versions.isEmpty }
        return Site(settings: settings, policies: policies, publishedLock: publishedLock, sourceFiles: sourceFiles)
    }
}
