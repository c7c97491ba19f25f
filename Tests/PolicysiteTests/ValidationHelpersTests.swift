@testable import PolicyValidate
import Testing

/// The small pure helpers behind the checks' hints.
@Suite struct ValidationHelpersTests {
    @Test func editDistanceIsBounded() {
        #expect(EditDistance.distance("rigths", "rights", bound: 2) == 2)
        #expect(EditDistance.distance("rights", "rights", bound: 2) == 0)
        #expect(EditDistance.distance("right", "rights", bound: 2) == 1)
        #expect(EditDistance.distance("contact", "cookies", bound: 2) == nil)
        #expect(EditDistance.distance("", "ab", bound: 2) == 2)
        #expect(EditDistance.distance("abc", "", bound: 2) == nil)
        // Long hostile strings cost length × bound, and far-apart ones stop early.
        let long = String(repeating: "a", count: 200_000)
        #expect(EditDistance.distance(long, long + "b", bound: 2) == 1)
        #expect(EditDistance.distance(long, String(repeating: "b", count: 200_000), bound: 2) == nil)
    }

    @Test func closestNeedsOneClearWinner() {
        #expect(EditDistance.closest(to: "rigths", among: ["collection", "rights", "contact"]) == "rights")
        #expect(EditDistance.closest(to: "ab", among: ["ac", "ad"]) == nil)
        #expect(EditDistance.closest(to: "annex", among: ["rights"]) == nil)
    }

    @Test func headingTextIsNormalisedAsAWhole() {
        #expect(HeadingText.normalize("4. Children’s  Privacy!") == "childrens privacy")
        #expect(HeadingText.normalize("3.2 Contact us") == "contact us")
        #expect(HeadingText.normalize("2024 changes") == "2024 changes")
        #expect(HeadingText.normalize("一、联系我们") == "联系我们")
        #expect(HeadingText.normalize("Cookie 及类似技术") == "cookie及类似技术")
        #expect(HeadingText.normalize("Cross-border transfers") == "cross border transfers")
    }

    @Test func percentEncodedFragmentsAreDecoded() {
        #expect(LinkCheck.percentDecoded("%E8%81%94%E7%B3%BB") == "联系")
        #expect(LinkCheck.percentDecoded("a%2") == "a%2")
        #expect(LinkCheck.percentDecoded("%FF") == "%FF")
    }
}
