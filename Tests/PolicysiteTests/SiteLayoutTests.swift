import PolicyModel
import PolicyRender
import Testing

@Suite struct SiteLayoutTests {
    let en = LanguageTag("en")!
    let zh = LanguageTag("zh-Hans")!
    let privacy = PolicySlug("privacy")!
    let date = CalendarDate(iso: "2024-03-01")!

    @Test func pagesLiveWhereTheContractSays() {
        #expect(SiteLayout.languagePicker.file == "index.html")
        #expect(SiteLayout.languageHome(zh).file == "zh-Hans/index.html")
        #expect(SiteLayout.policyHome(en, privacy).file == "en/privacy/index.html")
        #expect(SiteLayout.version(en, privacy, date).file == "en/privacy/2024-03-01/index.html")
        #expect(SiteLayout.versionsIndex(en, privacy).file == "en/privacy/versions/index.html")
        #expect(SiteLayout.changes(en, privacy, date).file == "en/privacy/changes/2024-03-01/index.html")
        #expect(SiteLayout.versionsJSON(en, privacy).file == "en/privacy/versions.json")
        #expect(SiteLayout.feed(en, privacy).file == "en/privacy/feed.xml")
        #expect(SiteLayout.sitemap.file == "sitemap.xml")
        #expect(SiteLayout.asset("style.css").file == "assets/style.css")
    }

    @Test func linksAreRelativeToThePage() {
        let version = SiteLayout.version(en, privacy, date)
        #expect(version.href(to: SiteLayout.policyHome(zh, privacy)) == "../../../zh-Hans/privacy/")
        #expect(version.href(to: SiteLayout.asset("style.css")) == "../../../assets/style.css")
        #expect(SiteLayout.languagePicker.href(to: SiteLayout.languageHome(en)) == "en/")
        #expect(SiteLayout.languageHome(en).href(to: SiteLayout.languagePicker) == "../")
        #expect(SiteLayout.languagePicker.href(to: SiteLayout.languagePicker) == "./")
    }

    @Test func absoluteURLsUseTheBase() {
        #expect(SiteLayout.version(en, privacy, date).url(base: "https://p.example/") == "https://p.example/en/privacy/2024-03-01/")
        #expect(SiteLayout.languagePicker.url(base: "https://p.example/sub/") == "https://p.example/sub/")
    }
}
