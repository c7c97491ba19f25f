import PolicyCore
import PolicyMarkdown
import PolicyModel

/// One version as the machine-readable files (`versions.json`, `feed.xml`) describe it, for one
/// language: built once from the timeline, so the two files cannot disagree.
struct FeedVersion {
    var effective: CalendarDate
    /// The last day in force, inclusive (`TimelineEntry.lastDayInForce`); nil unless archived.
    var inForceUntil: CalendarDate?
    var status: VersionStatus
    var url: String
    var changesURL: String?
    var summary: String?
    /// The language the summary is written in (the fallback's when untranslated).
    var summaryLanguage: LanguageTag
    var material: Bool
    /// The SHA-256 of the source file shown (a fallback language's file when untranslated).
    var sha256: String?
    /// The entry title of the feed ("Effective January 1, 2025").
    var title: String
}

extension SiteRenderer {
    /// Oldest first, as on the timeline.
    func feedVersions(_ policy: Policy, _ timeline: PolicyTimeline, language: LanguageTag) -> [FeedVersion] {
        let base = site.settings.baseURL
        return timeline.entries.map { entry in
            let document = document(of: entry.version, in: language)
            let file = VersionFilePath(slug: policy.slug, effective: entry.effective, language: document.language)
            return FeedVersion(
                effective: entry.effective,
                inForceUntil: entry.lastDayInForce,
                status: entry.status,
                url: SiteLayout.version(language, policy.slug, entry.effective).url(base: base),
                changesURL: entry.previous == nil ? nil : SiteLayout.changes(language, policy.slug, entry.effective).url(base: base),
                summary: document.frontMatter.summary,
                summaryLanguage: document.language,
                material: document.frontMatter.material,
                sha256: site.sourceFiles[file]?.digest.hex,
                title: templates.strings.format("effective", language, ["date": dates.format(entry.effective, for: language)])
            )
        }
    }
}

/// `<lang>/<policy>/versions.json`: every version, newest first, for programs that track a
/// policy. Written by hand, in a fixed key order, so the file is byte-for-byte deterministic.
enum VersionsJSON {
    static func render(policy: PolicySlug, language: LanguageTag, versions: [FeedVersion]) -> String {
        let string = JSONString.literal
        func optional(_ value: String?) -> String { value.map(string) ?? "null" }
        let objects = versions.reversed().map { version in
            """
                {
                  "effective": \(string(version.effective.description)),
                  "inForceUntil": \(optional(version.inForceUntil?.description)),
                  "status": \(string(version.status.rawValue)),
                  "url": \(string(version.url)),
                  "changesURL": \(optional(version.changesURL)),
                  "summary": \(optional(version.summary)),
                  "material": \(version.material),
                  "sha256": \(optional(version.sha256))
                }
            """
        }
        return """
        {
          "policy": \(string(policy.rawValue)),
          "lang": \(string(language.rawValue)),
          "versions": [
        \(objects.joined(separator: ",\n"))
          ]
        }

        """
    }
}

/// `<lang>/<policy>/feed.xml`: an Atom feed (RFC 4287) with one entry per version, newest
/// first, upcoming ones included, so readers hear of a change before it takes effect.
///
/// Every date is an effective date at midnight UTC, never the build time, so the same site
/// gives the same feed; ids are permanent URLs, which never change (RFC 4287 §4.2.6).
enum AtomFeed {
    static func render(title: String, author: String, language: LanguageTag, homeURL: String, feedURL: String,
                       versions: [FeedVersion], materialLabel: String) -> String {
        let newestFirst = Array(versions.reversed())
        let updated = newestFirst.first.map { timestamp($0.effective) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(text(language.rawValue))">
          <id>\(text(homeURL))</id>
          <title>\(text(title))</title>
          <updated>\(updated)</updated>
          <link rel="self" type="application/atom+xml" href="\(text(feedURL))"/>
          <link rel="alternate" type="text/html" href="\(text(homeURL))"/>
          <author><name>\(text(author))</name></author>

        """
        for version in newestFirst {
            xml += """
              <entry>
                <id>\(text(version.url))</id>
                <title>\(text(version.title))</title>
                <updated>\(timestamp(version.effective))</updated>
                <link rel="alternate" type="text/html" href="\(text(version.url))"/>

            """
            if let changes = version.changesURL {
                xml += "    <link rel=\"related\" type=\"text/html\" href=\"\(text(changes))\"/>\n"
            }
            if version.material {
                xml += "    <category term=\"material\" label=\"\(text(materialLabel))\"/>\n"
            }
            if let summary = version.summary {
                // xml:lang says when the summary is in a fallback language, not the feed's.
                let lang = version.summaryLanguage == language ? "" : " xml:lang=\"\(text(version.summaryLanguage.rawValue))\""
                xml += "    <summary type=\"text\"\(lang)>\(text(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    /// Escaped for XML text and attributes, without the characters XML 1.0 forbids (control
    /// characters other than tab and newlines), which YAML can carry and a feed reader would
    /// refuse the whole feed for.
    static func text(_ value: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            guard scalar.value != 0xFFFE, scalar.value != 0xFFFF else { continue }
            allowed.append(scalar)
        }
        return HTMLEscaping.escape(String(allowed))
    }
}
