import PolicyChanges
import PolicyMarkdown
import Testing

/// The change engine on hand-made pairs of versions: statuses, renames, moves, structure,
/// scripts, and what does and does not count as a change.
@Suite struct VersionDiffTests {
    typealias F = ChangeFixture

    @Test func everyStatusInTheNewOrderWithRemovedSectionsWhereTheyStood() {
        let old = """
            Intro.

            ## Scope {#scope}

            The app.

            ## Payment {#payment}

            Monthly.

            ## Liability {#liability}

            Limited.
            """
        let new = """
            Intro.

            ## Scope {#scope}

            The app and the website.

            ## Liability {#liability}

            Limited.

            ## Contact {#contact}

            Write to us.
            """
        let diff = F.diff(old, new)
        #expect(F.summary(diff) == [
            " unchanged +0 -0",
            "scope changed +3 -0",
            "payment removed +0 -2",
            "liability unchanged +0 -0",
            "contact added +4 -0",
        ])
        #expect(ChangeText().render(diff) == """
            = unchanged: the text before the first heading
            ~ changed: scope "Scope" (3 words inserted, 0 deleted)
                The app{+ and the website+}.
            - removed: payment "Payment" (2 words)
                [-Monthly.-]
            = unchanged: liability "Liability"
            + added: contact "Contact" (4 words)
                {+Write to us.+}

            """)
        #expect(diff.sections.map(\.anchor) == ["", "scope", "payment", "liability", "contact"])
        #expect(diff.sections[2].blocks == [.deleted(MarkdownBlock(.paragraph([.text("Monthly.")]), at: MarkdownPosition(line: 9, column: 1)))])
    }

    @Test func aRenamedHeadingIsChangedWithHeadingChanged() {
        let diff = F.diff("## Children {#children}\n\nText.\n", "## Children's privacy {#children}\n\nText.\n")
        #expect(F.summary(diff) == ["children changed renamed +2 -1"])
        let section = diff.sections[0]
        #expect(section.oldHeading == [.text("Children")])
        #expect(section.newHeading == [.text("Children's privacy")])
        #expect(section.headingRuns == [InlineDiffRun(.delete, "Children"), InlineDiffRun(.insert, "Children's privacy")])
        #expect(section.blocks == [.unchanged(MarkdownBlock(.paragraph([.text("Text.")]), at: MarkdownPosition(line: 3, column: 1)))])
    }

    @Test func sectionsWithoutIDsAreMatchedByAnchor() {
        let diff = F.diff("## Contact us\n\nWrite.\n\n## Scope\n\nAll.\n", "## Scope\n\nAll.\n\n## Contact us\n\nCall.\n")
        // Either could be said to have moved: the longest run of sections in order keeps its
        // place, and on a tie the one later in the new version does.
        #expect(F.summary(diff) == ["scope unchanged moved +0 -0", "contact-us changed +1 -1"])
    }

    @Test func aMovedSectionIsFlaggedAndStaysUnchanged() {
        let old = "## A {#a}\n\nOne.\n\n## B {#b}\n\nTwo.\n\n## C {#c}\n\nThree.\n\n## D {#d}\n\nFour.\n"
        let new = "## A {#a}\n\nOne.\n\n## C {#c}\n\nThree.\n\n## D {#d}\n\nFour.\n\n## B {#b}\n\nTwo.\n"
        let diff = F.diff(old, new)
        #expect(F.summary(diff) == ["a unchanged +0 -0", "c unchanged +0 -0", "d unchanged +0 -0", "b unchanged moved +0 -0"])
        #expect(diff.isUnchanged)
        // The JSON has no key for moves: a section that only moved is unchanged there.
        #expect(ChangeJSON.render(diff, policy: "p", language: "en", from: "x", to: "y").contains(#"{"id": "b", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0}"#))
    }

    @Test func listItemsAddedAndRemovedStayItems() {
        let old = "## Data {#data}\n\nWe collect:\n\n- your name;\n- your email address;\n- your phone number.\n"
        let new = "## Data {#data}\n\nWe collect:\n\n- your name;\n- your phone number;\n- your country.\n"
        let diff = F.diff(old, new)
        #expect(ChangeText().render(diff) == """
            ~ changed: data "Data" (2 words inserted, 3 deleted)
                …
                - your name;
                - [-your email address;-]
                - your phone number[-.-]{+;+}
                - {+your country.+}

            """)
        guard case .changedList(_, _, let items) = diff.sections[0].blocks[1] else {
            Issue.record("expected a changed list, got \(diff.sections[0].blocks)")
            return
        }
        #expect(items.map(\.change) == [.unchanged, .deleted, .changed, .inserted])
    }

    @Test func linksAndEmphasisSurviveTheWordDiff() throws {
        let old = "## Rights {#rights}\n\nRead *all* of [our privacy notice](https://example.com/a) today.\n"
        let new = "## Rights {#rights}\n\nRead *all* of [our updated privacy notice](https://example.com/a) now.\n"
        let diff = F.diff(old, new)
        guard case .changed(_, _, let runs) = try #require(diff.sections.first?.blocks.first) else {
            Issue.record("expected a changed paragraph")
            return
        }
        let link = DiffLink(destination: "https://example.com/a")
        #expect(runs == [
            InlineDiffRun(.equal, "Read "),
            InlineDiffRun(.equal, "all", style: InlineStyle(emphasis: true)),
            InlineDiffRun(.equal, " of "),
            InlineDiffRun(.equal, "our", style: InlineStyle(link: link)),
            InlineDiffRun(.insert, " updated", style: InlineStyle(link: link)),
            InlineDiffRun(.equal, " privacy notice", style: InlineStyle(link: link)),
            InlineDiffRun(.equal, " "),
            InlineDiffRun(.delete, "today"),
            InlineDiffRun(.insert, "now"),
            InlineDiffRun(.equal, "."),
        ])
        let html = ChangeHTML(labels: .init(inserted: "inserted: ", deleted: "deleted: "), linkTarget: { link, side in
            .init(href: link.destination + (side == .old ? "?old" : ""))
        }).render(diff.sections[0].blocks)
        #expect(html == """
            <p>Read <em>all</em> of <a href="https://example.com/a">our<ins><span class="visually-hidden">inserted: </span> updated</ins> privacy notice</a> \
            <del><span class="visually-hidden">deleted: </span>today</del><ins><span class="visually-hidden">inserted: </span>now</ins>.</p>

            """)
    }

    @Test func oneChineseCharacterIsOneWord() {
        let diff = F.diff("## 保留 {#retention}\n\n我们保留数据六十天。\n", "## 保留 {#retention}\n\n我们保留数据三十天。\n", language: "zh-Hans")
        #expect(F.summary(diff) == ["retention changed +1 -1"])
        #expect(ChangeText().render(diff).contains("我们保留数据[-六-]{+三+}十天。"))
        // Japanese kana, Korean syllables and Thai letters with their marks: one token each.
        #expect(F.summary(F.diff("ひらがなです", "ひらかなです", language: "ja")) == [" changed +1 -1"])
        #expect(F.summary(F.diff("개인정보", "개인정부", language: "ko")) == [" changed +1 -1"])
        #expect(F.summary(F.diff("ข้อมูลส่วนตัว", "ข้อมูลส่วนบุคคล", language: "th")) == [" changed +4 -2"])
    }

    @Test func arabicIsDiffedWordByWord() {
        let diff = F.diff("## الاحتفاظ {#retention}\n\nنحتفظ بالنسخ الاحتياطية لمدة 90 يومًا.\n",
                          "## الاحتفاظ {#retention}\n\nنحتفظ بالنسخ الاحتياطية لمدة 35 يومًا فقط.\n", language: "ar")
        #expect(F.summary(diff) == ["retention changed +2 -1"])
        #expect(ChangeText().render(diff).contains("نحتفظ بالنسخ الاحتياطية لمدة [-90-]{+35+} يومًا{+ فقط+}."))
    }

    @Test func whitespaceAndListMarkersAreNoChange() {
        let old = """
            ## Data {#data}

            We keep   your data
            for thirty days.

            - one
            - two

            1. first
            2. second
            """
        let new = """
            ## Data   {#data}

            We keep your data for thirty days.


            * one

            * two

            1) first
            2) second
            """
        let diff = F.diff(old, new)
        #expect(F.summary(diff) == ["data unchanged +0 -0"])
    }

    @Test func formattingOnlyIsChangedWithNoWords() {
        let diff = F.diff("## Data {#data}\n\nWe keep your data for [thirty days](#a).\n",
                          "## Data {#data}\n\nWe keep *your* data for [thirty days](#b).\n")
        #expect(F.summary(diff) == ["data changed formatting +0 -0"])
        #expect(ChangeText().render(diff) == """
            ~ changed, formatting only: data "Data"
                We keep [-your-]{+your+} data for [-thirty days-]{+thirty days+}.

            """)
        // A paragraph split in two and a list made numbered: the same words, other formatting.
        #expect(F.summary(F.diff("One. Two.\n\n- a\n- b\n", "One.\n\nTwo.\n\n1. a\n2. b\n")) == [" changed formatting +0 -0"])
    }

    @Test func aChangedSubsectionIDIsAFormattingChange() {
        #expect(F.summary(F.diff("## A {#a}\n\n### Sub {#x}\n\nText.\n", "## A {#a}\n\n### Sub {#y}\n\nText.\n")) == ["a changed formatting +0 -0"])
    }

    @Test func unrelatedParagraphsAreShownReplaced() {
        let diff = F.diff("## A {#a}\n\nKeep.\n\nThe cat sat on the mat.\n", "## A {#a}\n\nKeep.\n\nPayment is due monthly in advance.\n")
        #expect(ChangeText().render(diff) == """
            ~ changed: a "A" (6 words inserted, 6 deleted)
                …
                [-The cat sat on the mat.-]
                {+Payment is due monthly in advance.+}

            """)
    }

    @Test func quotesAreAlignedInside() {
        let diff = F.diff("> Keep this.\n>\n> Change that one.\n", "> Keep this.\n>\n> Change this one.\n")
        guard case .changedQuote(let children) = diff.sections[0].blocks[0] else {
            Issue.record("expected a changed quote, got \(diff.sections[0].blocks)")
            return
        }
        #expect(children.count == 2)
        #expect(ChangeText().render(diff).contains("    > Change [-that-]{+this+} one."))
    }

    @Test func aDocumentWithoutHeadingsIsOneSection() {
        #expect(F.summary(F.diff("", "Hello.\n")) == [" added +1 -0"])
        #expect(F.summary(F.diff("Hello.\n", "")) == [" removed +0 -1"])
        #expect(F.diff("", "").sections.isEmpty)
    }

    @Test func theHighestHeadingLevelPresentMakesTheSections() {
        let diff = F.diff("### A {#a}\n\n#### A1\n\nText.\n\n### B {#b}\n\nMore.\n", "### A {#a}\n\n#### A1\n\nText!\n\n### B {#b}\n\nMore.\n")
        #expect(F.summary(diff) == ["a changed +0 -0", "b unchanged +0 -0"])
    }
}

/// The renderers' exact output for lists and colour.
@Suite struct ChangeRenderingTests {
    typealias F = ChangeFixture

    @Test func listItemsAreMarkedOnTheirListItems() {
        let diff = F.diff("- Keep.\n- Drop this one.\n- Edit me now.\n", "- Keep.\n- Edit me later.\n- Brand new & shiny.\n")
        let html = ChangeHTML(labels: .init(inserted: "inserted", deleted: "deleted"), hiddenClass: "sr-only").render(diff.sections[0].blocks)
        #expect(html == """
            <ul>
            <li>Keep.</li>
            <li class="diff-deleted"><del><span class="sr-only">deleted</span>Drop this one.</del></li>
            <li class="diff-changed">Edit me <del><span class="sr-only">deleted</span>now</del><ins><span class="sr-only">inserted</span>later</ins>.</li>
            <li class="diff-inserted"><ins><span class="sr-only">inserted</span>Brand new &amp; shiny.</ins></li>
            </ul>

            """)
        #expect(F.isWellFormed(html))
    }

    @Test func wholeBlocksAreWrappedAndOldLinksResolveAsOld() {
        let diff = F.diff("## A {#a}\n\nSee [this](policy:x).\n", "## A {#a}\n\n> Quoted.\n")
        let html = ChangeHTML(labels: .init(inserted: "+", deleted: "-"), linkTarget: { link, side in
            .init(href: "/\(side == .old ? "old" : "new")/\(link.destination)")
        }).render(diff.sections[0].blocks)
        #expect(html == """
            <del class="diff-block"><span class="diff-label">-</span><p>See <a href="/old/policy:x">this</a>.</p>
            </del>
            <ins class="diff-block"><span class="diff-label">+</span><blockquote>
            <p>Quoted.</p>
            </blockquote>
            </ins>

            """)
    }

    @Test func colourWrapsTheMarkers() {
        let diff = F.diff("## A {#a}\n\nOne two.\n", "## A {#a}\n\nOne three.\n")
        #expect(ChangeText(colour: true).render(diff) == "\u{1B}[1m~ changed: a \"A\" (1 word inserted, 1 deleted)\u{1B}[0m\n    One \u{1B}[31m[-two-]\u{1B}[0m\u{1B}[32m{+three+}\u{1B}[0m.\n")
    }
}

extension ChangeRenderingTests {
    @Test func orderedItemsAreNumberedOnTheirOwnSide() {
        #expect(F.text("1. One.\n2. Two.\n3. Three.\n", "1. One.\n2. Three.\n3. Four.\n") == """
            ~ changed: the text before the first heading (1 word inserted, 1 deleted)
                1. One.
                2. [-Two.-]
                2. Three.
                3. {+Four.+}

            """)
    }

    @Test func rawHTMLAloneIsNoSection() {
        #expect(F.summary(F.diff("<!-- draft -->\n\n## A {#a}\n\nText.\n", "## A {#a}\n\nText.\n")) == ["a unchanged +0 -0"])
    }
}
