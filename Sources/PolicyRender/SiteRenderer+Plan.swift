import PolicyCore
import PolicyModel

extension SiteRenderer {
    /// Every file of the site, with the inputs each is made from, in a fixed order.
    public func plan() -> SitePlan {
        var files: [PlannedFile] = []
        func add(_ page: PagePath, _ kind: PlannedFileKind, _ inputs: Set<RenderInput>) {
            files.append(PlannedFile(location: page, kind: kind, inputs: inputs.sorted()))
        }
        let everyTimeline = Set(site.policies.map { RenderInput.timeline($0.slug) })

        add(SiteLayout.languagePicker, .languagePicker, [])
        for language in site.settings.languages {
            add(SiteLayout.languageHome(language), .languageHome(language), everyTimeline)
            for policy in site.policies {
                guard let timeline = timelines[policy.slug] else { continue }
                for entry in timeline.entries {
                    let shown = document(of: entry.version, in: language)
                    add(SiteLayout.version(language, policy.slug, entry.effective),
                        .version(language, policy.slug, entry.effective, atPolicyHome: false),
                        inputs(showing: [shown], of: policy, effective: entry.effective))
                    if let previousDate = entry.previous, let previous = timeline.entry(for: previousDate) {
                        // The change page compares the texts `comparedTexts` picks, and reads the
                        // texts the reader's pages show (their summary, and their anchors, to
                        // tell which page a link goes to): it depends on all of them.
                        let readerOld = document(of: previous.version, in: language)
                        let compared = site.settings.comparedTexts(old: previous.version, new: entry.version, for: language)
                        var changeInputs = inputs(showing: [shown] + [compared?.new].compactMap { $0 }, of: policy, effective: entry.effective)
                        changeInputs.formUnion(inputs(showing: [readerOld] + [compared?.old].compactMap { $0 }, of: policy, effective: previous.effective))
                        add(SiteLayout.changes(language, policy.slug, entry.effective), .changes(language, policy.slug, entry.effective), changeInputs)
                    }
                }
                if let featured = timeline.featured {
                    add(SiteLayout.policyHome(language, policy.slug), .version(language, policy.slug, featured.effective, atPolicyHome: true),
                        inputs(showing: [document(of: featured.version, in: language)], of: policy, effective: featured.effective))
                }
                add(SiteLayout.versionsIndex(language, policy.slug), .versionsIndex(language, policy.slug), [.timeline(policy.slug)])
                // versions.json and the feed carry the SHA-256 of every text shown.
                var everyText: Set<RenderInput> = [.timeline(policy.slug)]
                for entry in timeline.entries {
                    let shown = document(of: entry.version, in: language)
                    everyText.insert(.document(VersionFilePath(slug: policy.slug, effective: entry.effective, language: shown.language)))
                }
                add(SiteLayout.versionsJSON(language, policy.slug), .versionsJSON(language, policy.slug), everyText)
                add(SiteLayout.feed(language, policy.slug), .feed(language, policy.slug), everyText)
            }
        }
        add(SiteLayout.sitemap, .sitemap, [.pageList])
        for (index, asset) in templates.assets.enumerated() {
            add(SiteLayout.asset(asset.path), .asset(index), [])
        }
        add(SiteLayout.notFound, .notFound, [])
        // A static file never takes a generated file's place (`staticClashes` reports it).
        let generated = Set(files.map(\.path))
        for (index, file) in templates.staticFiles.enumerated() where !generated.contains(file.path) {
            add(SiteLayout.staticFile(file.path), .staticFile(index), [])
        }
        return SitePlan(files: files)
    }

    /// Each file of the theme's `static/` whose path a generated file also takes: an error
    /// naming both, since either choice would silently lose one of them.
    public func staticClashes() -> [Diagnostic] {
        guard !templates.staticFiles.isEmpty else { return [] }
        let generated = plan().files.filter { if case .staticFile = $0.kind { false } else { true } }.map(\.path)
        var taken = Set(generated)
        // A generated file's folders are taken too: a static file `en` would stand where the
        // folder `en/` must be.
        for path in generated {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                taken.insert(folder)
            }
        }
        return templates.staticFiles.compactMap { file in
            if taken.contains(file.path) {
                return .error(.staticClash, "'\(file.path)' is also a path policysite generates (Output/\(file.path)); rename or remove \(file.display)", at: SourceLocation(file: file.display))
            }
            // The reverse: a static file inside what must be a generated file (`404.html/x`).
            if let clash = generated.first(where: { file.path.hasPrefix($0 + "/") }) {
                return .error(.staticClash, "'\(file.path)' lies inside '\(clash)', a file policysite generates; rename or remove \(file.display)", at: SourceLocation(file: file.display))
            }
            return nil
        }
    }

    /// What a page showing these texts of one version (`effective`) depends on: the texts, the policy's
    /// timeline, and the timelines of the policies its `policy:` links point to (they resolve to
    /// the version in force on the linking date).
    private func inputs(showing documents: [PolicyDocument], of policy: Policy, effective: CalendarDate) -> Set<RenderInput> {
        var inputs: Set<RenderInput> = [.timeline(policy.slug)]
        for document in documents {
            inputs.insert(.document(VersionFilePath(slug: policy.slug, effective: effective, language: document.language)))
            for linked in document.referencedPolicies { inputs.insert(.timeline(linked)) }
        }
        return inputs
    }
}
