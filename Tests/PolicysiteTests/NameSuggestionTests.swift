import PolicyCore
import Testing

/// The one "did you mean" used for every name a user writes (see also SharedRulesTests).
@Suite struct NameSuggestionTests {
    @Test func typosWithinAThirdOfTheLengthAreSuggested() {
        #expect(NameSuggestion.closest(to: "tilte", among: ["title", "summary"]) == "title")
        #expect(NameSuggestion.closest(to: "biuld", among: ["build", "check", "serve"]) == "build")
        #expect(NameSuggestion.closest(to: "annex", among: ["build", "check"]) == nil)
    }

    @Test func aCaseOnlyDifferenceIsAlwaysSuggested() {
        // Two and five edits away: too far for a typo, but plainly the same name.
        #expect(NameSuggestion.closest(to: "EN", among: ["en", "fr"]) == "en")
        #expect(NameSuggestion.closest(to: "ZH-HANS", among: ["en", "zh-Hans", "zh-Hant"]) == "zh-Hans")
        #expect(NameSuggestion.closest(to: "zh-hans", among: ["zh-Hant", "zh-Hans"]) == "zh-Hans")
        // It wins over a closer typo.
        #expect(NameSuggestion.closest(to: "Eb", among: ["en", "eb"]) == "eb")
    }

    @Test func theNameItselfAndHostileNamesGetNoSuggestion() {
        #expect(NameSuggestion.closest(to: "en", among: ["en"]) == nil)
        #expect(NameSuggestion.closest(to: String(repeating: "E", count: 100_000), among: [String(repeating: "e", count: 100_000)]) == nil)
    }
}
