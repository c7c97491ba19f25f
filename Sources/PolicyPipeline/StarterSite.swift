import PolicyModel

/// The site `policysite init` writes: site settings, a privacy policy and a cookie policy with
/// one version each, every section their `policy.yml` requires present, so that it checks clean
/// with `--strict` and builds as it is. Each file starts with a comment saying what to edit.
enum StarterSite {
    /// Paths relative to the new site's folder, in the order they are written.
    static func files(effective: CalendarDate) -> [(path: String, text: String)] {
        [
            ("Content/site.yml", siteSettings),
            ("Content/privacy/policy.yml", privacySettings),
            ("Content/privacy/\(effective)/en.md", privacyText),
            ("Content/cookies/policy.yml", cookieSettings),
            ("Content/cookies/\(effective)/en.md", cookieText),
        ]
    }

    static let siteSettings = """
        # Site settings. Edit the title and the address the site will be published at.
        # To publish in more languages, list them here (the first is the default language, whose
        # text the others fall back to) and add a file per language beside each en.md, e.g. de.md.
        title: Example Co. Policies         # or one per language: { en: Example Co. Policies, de: Richtlinien von Example Co. }
        baseURL: https://policies.example.com/
        languages: [en]
        # governingLanguage: en             # once translations are published: the text that prevails

        """

    static let privacySettings = """
        # The privacy policy's settings: its title, and the sections (by {#id}) that its current and
        # every later version must have; `policysite check` reports a missing one.
        title: Privacy Policy
        required: [collection, use, sharing, retention, security, children, rights, changes, contact]

        """

    static let cookieSettings = """
        # The cookie policy's settings: its title, and the sections (by {#id}) that its current and
        # every later version must have; `policysite check` reports a missing one.
        title: Cookie Policy
        required: [cookies, choices, changes, contact]

        """

    static let privacyText = """
        ---
        # A version of your privacy policy, in force from the date in its folder's name.
        # Replace "Example Co." and the example text with your own. Keep the {#id} at the end of
        # each heading: it names the section across versions and languages (policy.yml requires
        # these). To change a published version, start a new one: policysite new privacy
        title: Privacy Policy
        ---

        This Privacy Policy explains how Example Co. ("we", "us") collects, uses and protects personal information when you use our website and services. It also explains [your rights](#rights) and how to [contact us](#contact).

        ## Information we collect {#collection}

        We collect the information you give us, such as your name and email address when you create an account or write to us, and limited technical information, such as your device type and IP address, when you use our services.

        ## How we use your information {#use}

        We use personal information to provide and improve our services, to answer your questions, to keep our services secure, and to meet our legal obligations.

        ## How we share your information {#sharing}

        We do not sell personal information. We share it only with service providers who process it for us under contract, and with authorities when the law requires it.

        ## How long we keep your information {#retention}

        We keep personal information only as long as we need it for the purposes above, and then delete or anonymise it.

        ## How we protect your information {#security}

        We protect personal information with technical and organisational measures, such as encryption in transit and at rest and access limited to the people who need it.

        ## Children {#children}

        Our services are not directed at children under 16, and we do not knowingly collect their personal information.

        ## Your rights {#rights}

        You may ask us for access to, correction of or deletion of your personal information, and object to or restrict how we use it. How we use cookies, and how to choose which ones we set, is explained in our [Cookie Policy](policy:cookies#choices).

        ## Changes to this policy {#changes}

        When we change this policy, we publish the new version here with its effective date and a summary of what changed, and keep every earlier version online.

        ## Contact us {#contact}

        Write to privacy@example.com, or to Example Co., 1 Example Street, Example City.

        """

    static let cookieText = """
        ---
        # A version of your cookie policy, in force from the date in its folder's name.
        # Replace the example text and list the cookies your site really sets. Keep the {#id} at
        # the end of each heading (policy.yml requires these).
        title: Cookie Policy
        ---

        This Cookie Policy explains which cookies Example Co. sets when you visit our website, and how you can choose which ones we use.

        ## Cookies we use {#cookies}

        - **session**: keeps you signed in while you use the website; deleted when you close your browser.
        - **consent**: remembers your cookie choices; kept for 12 months.
        - **analytics**: counts visits to improve the website, only with your consent; kept for 13 months.

        ## Your choices {#choices}

        You can change your cookie choices at any time in the cookie settings linked at the bottom of every page, and block or delete cookies in your browser's settings.

        ## Changes to this policy {#changes}

        When we change this policy, we publish the new version here with its effective date and keep every earlier version online.

        ## Contact us {#contact}

        Write to privacy@example.com. Our [Privacy Policy](policy:privacy) explains how we handle personal information.

        """
}
