import PolicyModel

/// The heading texts that name a section, per section id and language, used to suggest which
/// heading should carry a missing required id. Built-in lists cover the usual sections of
/// privacy and cookie policies in English and Simplified Chinese; site.yml's `aliases`
/// replaces a list per id and language, or adds ids and languages (`SiteSettings.sectionAliases`).
struct SectionAliases {
    /// Normalised texts (`HeadingText.normalize`) per id and language tag.
    private let texts: [SectionID: [String: Set<String>]]

    init(site: SiteSettings) {
        var texts: [SectionID: [String: Set<String>]] = [:]
        for (id, perLanguage) in Self.builtIn {
            guard let id = SectionID(id) else { continue }
            for (language, names) in perLanguage {
                texts[id, default: [:]][language] = Set(names.map(HeadingText.normalize))
            }
        }
        for (id, perLanguage) in site.sectionAliases {
            for (language, names) in perLanguage {
                texts[id, default: [:]][language.rawValue] = Set(names.map(HeadingText.normalize).filter { !$0.isEmpty })
            }
        }
        self.texts = texts
    }

    /// True when a heading's text, normalised with `HeadingText.normalize`, is as a whole one of
    /// the names of `id` in `language`: the language's own list, else its primary language's
    /// (`en` for `en-GB`).
    func heading(normalized heading: String, names id: SectionID, in language: LanguageTag) -> Bool {
        guard let perLanguage = texts[id] else { return false }
        let tag = language.rawValue
        let primary = String(tag.prefix { $0 != "-" })
        guard let names = perLanguage[tag] ?? perLanguage[primary] else { return false }
        return !heading.isEmpty && names.contains(heading)
    }

    static let builtIn: [String: [String: [String]]] = [
        "collection": [
            "en": ["information we collect", "the information we collect", "what information we collect", "personal information we collect",
                   "data we collect", "what data we collect", "personal data we collect", "information collection", "data collection",
                   "collection of information", "collection of personal information", "collection of personal data"],
            "zh-Hans": ["我们收集的信息", "我们收集哪些信息", "我们收集的个人信息", "信息收集", "个人信息的收集", "收集的信息"],
        ],
        "use": [
            "en": ["how we use your information", "how we use information", "how we use your personal information", "how we use your data",
                   "how we use your personal data", "how we use your information and why", "use of information", "use of your information",
                   "use of personal information", "use of personal data", "how we use information we collect"],
            "zh-Hans": ["我们如何使用您的信息", "我们如何使用信息", "我们如何使用您的个人信息", "我们如何使用您的信息及原因", "信息的使用", "信息使用"],
        ],
        "cookies": [
            "en": ["cookies", "cookies and similar technologies", "cookies and tracking technologies", "cookies and other tracking technologies",
                   "use of cookies", "our use of cookies", "how we use cookies"],
            "zh-Hans": ["cookie", "cookies", "cookie及类似技术", "cookie和类似技术", "cookie 的使用", "我们如何使用cookie"],
        ],
        "sharing": [
            "en": ["how we share information", "how we share your information", "how we share your personal information", "how we share your data",
                   "sharing", "sharing your information", "sharing of information", "information sharing", "data sharing",
                   "sharing and disclosure", "disclosure of information", "who we share information with", "who we share your information with"],
            "zh-Hans": ["我们如何共享信息", "我们如何共享您的信息", "我们如何共享您的个人信息", "信息共享", "信息的共享", "共享和披露",
                        "我们如何共享、转让、公开披露您的个人信息"],
        ],
        "transfers": [
            "en": ["international transfers", "international data transfers", "international transfers of personal data", "cross-border transfers",
                   "cross-border data transfers", "data transfers", "transfers of personal data"],
            "zh-Hans": ["国际数据传输", "国际传输", "跨境传输", "数据跨境传输", "个人信息跨境传输", "您的个人信息如何在全球范围转移"],
        ],
        "retention": [
            "en": ["how long we keep your data", "how long we keep your information", "how long we keep your personal data", "how long we keep information",
                   "how long we retain your information", "data retention", "retention", "retention of information", "retention of personal data",
                   "how long cookies last"],
            "zh-Hans": ["我们保留您数据的期限", "我们保留信息的期限", "数据保留", "信息保留", "保存期限", "我们如何保存您的个人信息", "个人信息的保存"],
        ],
        "security": [
            "en": ["security", "data security", "information security", "how we protect information", "how we protect your information",
                   "how we protect your data", "how we keep your information secure", "protecting your information", "keeping your information safe"],
            "zh-Hans": ["我们如何保护信息", "我们如何保护您的信息", "我们如何保护您的个人信息", "信息安全", "数据安全", "安全"],
        ],
        "children": [
            "en": ["children", "children's privacy", "childrens privacy", "children's data", "children's information", "privacy of children",
                   "minors", "protection of juveniles"],
            "zh-Hans": ["儿童", "未成年人", "儿童隐私", "未成年人保护", "儿童的个人信息", "我们如何处理儿童的个人信息", "未成年人的个人信息保护"],
        ],
        "rights": [
            "en": ["your rights", "your privacy rights", "your data protection rights", "your rights and choices", "rights", "data subject rights"],
            "zh-Hans": ["您的权利", "您的隐私权利", "您的个人信息权利", "您的权利与选择", "您的权利和选择"],
        ],
        "changes": [
            "en": ["changes", "changes to this policy", "changes to this privacy policy", "changes to this cookie policy", "changes to this notice",
                   "changes to our privacy policy", "changes to the policy", "updates to this policy", "policy changes"],
            "zh-Hans": ["变更", "本政策的变更", "本政策的更新", "本政策如何更新", "本隐私政策的变更", "隐私政策的变更", "政策更新"],
        ],
        "contact": [
            "en": ["contact", "contact us", "how to contact us", "contacting us", "contact information", "contact details", "how to reach us", "get in touch"],
            "zh-Hans": ["联系我们", "联系方式", "如何联系我们", "联系信息"],
        ],
        // The sections of a cookie policy.
        "about": [
            "en": ["what cookies are", "what are cookies", "about cookies"],
            "zh-Hans": ["什么是cookie", "什么是 cookie"],
        ],
        "types": [
            "en": ["cookies we use", "the cookies we use", "types of cookies", "types of cookies we use", "which cookies we use"],
            "zh-Hans": ["我们使用的cookie", "cookie的类型", "cookie类型"],
        ],
        "third-parties": [
            "en": ["third parties", "third-party cookies"],
            "zh-Hans": ["第三方", "第三方cookie"],
        ],
        "choices": [
            "en": ["your choices", "your cookie choices", "managing cookies", "how to manage cookies", "how to control cookies", "cookie settings"],
            "zh-Hans": ["您的选择", "管理cookie", "如何管理cookie"],
        ],
    ]
}
