@testable import PolicyValidate
import Testing

/// The small pure helpers behind the checks' hints.
@Suite struct ValidationHelpersTests {
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
