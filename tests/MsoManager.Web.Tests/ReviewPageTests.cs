using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Reviews;

namespace MsoManager.Web.Tests;

/// <summary>
/// The review page with its real service over SQLite: what the assigned attorney, the other roles
/// and a viewer see and may do on one review of the "Glow MSA".
/// </summary>
public sealed class ReviewPageTests : ComponentTest
{
    private static readonly MsaTerms FeeAboveFmv = new()
    {
        InitialTermMonths = 36,
        FeeMethod = FeeMethod.FlatMonthly,
        FlatMonthly = 20_000m,
        FmvLow = 60_000m,
        FmvHigh = 120_000m,
    };

    [Fact]
    public async Task ReviewPage_AssignedAttorney_AssessesAnItemAndSeesWhatApprovalWaitsFor()
    {
        var arranged = await ArrangeAsync();
        var page = await OpenAsync(arranged, arranged.Attorney);

        Assert.Equal("0 of 13 assessed", page.Find("#review-progress").TextContent.Trim());
        Assert.True(page.Find("#review-approve").HasAttribute("disabled"));
        Assert.Contains("Not yet assessed (13): Parties, Services specific", page.Find("#review-blocker-unassessed").TextContent, StringComparison.Ordinal);
        Assert.False(page.Find("#review-request-changes").HasAttribute("disabled"));

        page.Find("input#review-item-PARTIES-assessment-Pass").Click();
        page.Find("#review-item-PARTIES-note").Input("Both entities are formed in Florida.");
        page.Find("#review-item-PARTIES-save").Click();

        page.WaitForAssertion(() => Assert.Equal("1 of 13 assessed", page.Find("#review-progress").TextContent.Trim()));
        var saved = (await LoadReviewAsync(arranged)).Item("PARTIES");
        Assert.Equal((Assessment.Pass, "Both entities are formed in Florida."), (saved.Assessment, saved.Note));
        Assert.Contains("Not yet assessed (12)", page.Find("#review-blocker-unassessed").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ConcernWithoutNote_SaysSoAtTheNoteAndBlocksApproval()
    {
        var arranged = await ArrangeAsync(then: (review, _, people) =>
        {
            foreach (var code in ReviewChecklist.Codes)
            {
                review.Assess(code, code == "FEE_WITHIN_FMV" ? Assessment.Concern : Assessment.Pass, null, people.Attorney, DateTimeOffset.UtcNow);
            }
        });
        var page = await OpenAsync(arranged, arranged.Attorney);

        Assert.Contains(ReviewLabels.ConcernNeedsNote, page.Find("#review-item-FEE_WITHIN_FMV").TextContent, StringComparison.Ordinal);
        Assert.Equal("Concerns without a note (1): Fee within FMV", page.Find("#review-blocker-concerns").TextContent.Trim());
        Assert.True(page.Find("#review-approve").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ReviewPage_Consultant_ReadsTheChecklistAndComments()
    {
        var arranged = await ArrangeAsync(MemberRole.Consultant);
        var page = await OpenAsync(arranged, arranged.Member);

        Assert.Empty(page.FindAll("#review-item-PARTIES-save"));
        Assert.Empty(page.FindAll("#review-item-PARTIES-note"));
        Assert.Equal("Not yet assessed", page.Find("#review-item-PARTIES-assessment").TextContent.Trim());
        Assert.Empty(page.FindAll("#review-approve"));
        Assert.Contains("awaiting the decision of Ada", page.Find("#review-awaiting").TextContent, StringComparison.Ordinal);

        page.Find("#comment-box-Fee").Input("Is the fee\nannual or monthly?");
        page.Find("#comment-submit-Fee").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#review-threads-Fee .review-comment")));
        var comment = page.Find("#review-threads-Fee .review-comment");
        Assert.Contains("Pat, Consultant", comment.TextContent, StringComparison.Ordinal);
        Assert.Equal("Is the fee\nannual or monthly?", comment.QuerySelector(".comment-text")!.TextContent);
        Assert.Equal(ReviewSection.Fee, Assert.Single((await LoadReviewAsync(arranged)).Comments).Section);
    }

    [Fact]
    public async Task ReviewPage_Viewer_ReadsTheCommentsWithoutABox()
    {
        var arranged = await ArrangeAsync(MemberRole.Viewer, then: (review, _, people) =>
            review.Comment(ReviewSection.General, "Looks fine overall.", null, people.Owner, DateTimeOffset.UtcNow));
        var page = await OpenAsync(arranged, arranged.Member);

        Assert.Contains("Looks fine overall.", page.Find("#review-threads-General").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[id^='comment-box-']"));
        Assert.Empty(page.FindAll("[id$='-resolve']"));
        Assert.Empty(page.FindAll("#review-item-PARTIES-save"));
    }

    [Fact]
    public async Task ReviewPage_Suggestions_AreInWordsWithTheFindingsBehindThem()
    {
        var arranged = await ArrangeAsync(terms: FeeAboveFmv);
        var page = await OpenAsync(arranged, arranged.Member);

        var fee = page.Find("#review-item-FEE_WITHIN_FMV-suggestion").TextContent;
        Assert.Contains("Suggested: Concern", fee, StringComparison.Ordinal);
        Assert.Contains("FEE_ABOVE_FMV: The fee of the", fee, StringComparison.Ordinal);
        Assert.Contains("Suggested: Pass", page.Find("#review-item-PARTIES-suggestion").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#review-item-CONTROL_AGREEMENTS-suggestion"));
    }

    [Fact]
    public async Task ReviewPage_Decided_ShowsTheDecisionToEveryoneAndNothingChanges()
    {
        var arranged = await ArrangeAsync(MemberRole.Client, then: (review, agreement, people) =>
            review.Decide(agreement, ReviewDecision.RequestChanges, "Lower the fee to the FMV range.", people.Attorney, DateTimeOffset.UtcNow));
        var decidedAt = ReviewLabels.Time((await LoadReviewAsync(arranged)).DecidedAt!.Value);

        var client = await OpenAsync(arranged, arranged.Member);
        Assert.Equal($"Changes requested by Ada on {decidedAt} (version 1): Lower the fee to the FMV range.", client.Find("#review-decision-banner").TextContent.Trim());
        Assert.Equal("Changes requested", client.Find("#review-status").TextContent.Trim());

        var attorney = await OpenAsync(arranged, arranged.Attorney);
        Assert.Single(attorney.FindAll("#review-decision-banner"));
        Assert.Empty(attorney.FindAll("#review-approve"));
        Assert.Empty(attorney.FindAll("[id$='-save']"));
    }

    [Fact]
    public async Task ReviewPage_RequestChanges_NeedsAReasonAtTheField()
    {
        var arranged = await ArrangeAsync();
        var page = await OpenAsync(arranged, arranged.Attorney);

        page.Find("#review-request-changes").Click();
        page.Find("#review-confirm").Click();

        Assert.Contains(Review.ValidateReason(ReviewDecision.RequestChanges, null)!, page.Find("#review-confirm-panel").TextContent, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Open, (await LoadReviewAsync(arranged)).Status);

        page.Find("#review-reason").Input("Reserve clinical staffing to the PC.");
        page.Find("#review-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Changes requested by Ada", page.Find("#review-decision-banner").TextContent, StringComparison.Ordinal));
        Assert.Equal(ReviewStatus.ChangesRequested, (await LoadReviewAsync(arranged)).Status);
        Assert.Empty(page.FindAll("#review-request-changes"));
    }

    [Fact]
    public async Task ReviewPage_DecidedMeanwhile_SaysWhoDecidedAndShowsTheDecision()
    {
        var arranged = await ArrangeAsync();
        var page = await OpenAsync(arranged, arranged.Attorney);
        page.Find("#review-request-changes").Click();
        page.Find("#review-reason").Input("Second thoughts.");

        // The same attorney, in another tab, decided first.
        await Services.GetRequiredService<ReviewService>().DecideAsync(arranged.Review.Id, ReviewDecision.RequestChanges, "First thoughts.");
        page.Find("#review-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("already sent back with changes requested by Ada", page.Find("#review-conflict").TextContent, StringComparison.Ordinal));
        Assert.EndsWith("(version 1): First thoughts.", page.Find("#review-decision-banner").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_AgreementChangedSinceTheVersionRead_ShowsThatVersionLinksTheComparisonAndMovesOn()
    {
        var arranged = await ArrangeAsync(terms: FeeAboveFmv, then: (_, agreement, _) =>
            agreement.Revise(FeeAboveFmv with { InitialTermMonths = 60 }, agreement.Title, DateTimeOffset.UtcNow));
        var page = await OpenAsync(arranged, arranged.Attorney);

        Assert.StartsWith("The agreement changed since version 1, which you are reading: now version 2 (saved ", page.Find("#review-behind").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"practices/{arranged.Practice.Id}/agreements/{arranged.Agreement.Key}/compare?from=1&to=2", page.Find("#review-compare").GetAttribute("href"));
        Assert.Equal("Version 1 of 2", page.Find("#review-version").TextContent.Trim());
        Assert.Contains("36 months", page.Find("#review-section-Term").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("#review-request-changes").HasAttribute("disabled"));

        page.Find("#review-mark-read").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#review-behind")));
        Assert.Equal(2, (await LoadReviewAsync(arranged)).VersionRead);
        Assert.Contains("60 months", page.Find("#review-section-Term").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_AgreementChanged_AnotherRoleSeesTheWarningWithoutTheButton()
    {
        var arranged = await ArrangeAsync(then: (_, agreement, _) =>
            agreement.Revise(new MsaTerms { InitialTermMonths = 12 }, agreement.Title, DateTimeOffset.UtcNow));
        var page = await OpenAsync(arranged, arranged.Member);

        Assert.Contains("which this review reads: now version 2", page.Find("#review-behind").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#review-mark-read"));
    }

    [Fact]
    public async Task ReviewPage_AfterAnEarlierDecision_ListsItAndLinksWhatChangedSince()
    {
        var arranged = await ArrangeAsync(
            then: (review, agreement, people) =>
            {
                review.Decide(agreement, ReviewDecision.RequestChanges, "Reserve clinical staffing.", people.Attorney, DateTimeOffset.UtcNow.AddMinutes(-10));
                agreement.Revise(new MsaTerms { InitialTermMonths = 48 }, agreement.Title, DateTimeOffset.UtcNow.AddMinutes(-5));
            },
            later: (agreement, people) => Review.Request(agreement, people.Attorney, PracticeScope.AllPractices, people.Owner, false, null, null,
                DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow));
        var page = await OpenAsync(arranged, arranged.Attorney);

        var since = page.Find("#review-since-last");
        Assert.Equal("What changed since the version I last reviewed (version 1)", since.TextContent.Trim());
        Assert.EndsWith("compare?from=1&to=2", since.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Changes requested by Ada on ", page.Find("#review-earlier").TextContent, StringComparison.Ordinal);
        Assert.Contains("(version 1): Reserve clinical staffing.", page.Find("#review-earlier").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#review-behind"));
    }

    [Fact]
    public async Task ReviewPage_Comments_OwnLatestIsEditableUntilSomeoneReplies()
    {
        Guid first = default, reply = default;
        var arranged = await ArrangeAsync(then: (review, _, people) =>
        {
            var now = DateTimeOffset.UtcNow;
            first = review.Comment(ReviewSection.Fee, "Why $20,000?", null, people.Attorney, now.AddMinutes(-2)).Id;
            reply = review.Comment(ReviewSection.Fee, "It covers billing.", first, people.Member, now.AddMinutes(-1)).Id;
        });

        var attorney = await OpenAsync(arranged, arranged.Attorney);
        Assert.Empty(attorney.FindAll($"#comment-{first}-edit"));
        Assert.Empty(attorney.FindAll($"#comment-{reply}-edit"));

        var member = await OpenAsync(arranged, arranged.Member);
        member.Find($"#comment-{reply}-edit").Click();
        member.Find($"#edit-box-{reply}").Input("It covers billing and coding.");
        member.Find($"#edit-submit-{reply}").Click();

        member.WaitForAssertion(() => Assert.Equal("It covers billing and coding.", member.Find($"#comment-{reply} .comment-text").TextContent));
        Assert.Contains(", edited ", member.Find($"#comment-{reply}").TextContent, StringComparison.Ordinal);
        Assert.Equal("It covers billing and coding.", (await LoadReviewAsync(arranged)).Comments.Single(c => c.Id == reply).Text);
    }

    [Fact]
    public async Task ReviewPage_ResolvedThread_IsCollapsedSayingWhoResolvedIt()
    {
        Guid thread = default;
        var arranged = await ArrangeAsync(then: (review, _, people) =>
        {
            thread = review.Comment(ReviewSection.Parties, "Is the PC active?", null, people.Member, DateTimeOffset.UtcNow).Id;
            review.Resolve(thread, true, people.Owner, DateTimeOffset.UtcNow);
        });
        var page = await OpenAsync(arranged, arranged.Member);

        Assert.StartsWith("Resolved by Olga on ", page.Find($"#thread-{thread}-resolved").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll($"#comment-{thread}"));

        page.Find($"#thread-{thread}-reopen").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll($"#comment-{thread}")));
        Assert.False((await LoadReviewAsync(arranged)).Comments.Single().IsResolved);
    }

    [Fact]
    public async Task ReviewPage_CommentText_IsShownAsTextNotMarkup()
    {
        var arranged = await ArrangeAsync(then: (review, _, people) =>
            review.Comment(ReviewSection.General, "<b>bold</b> <script>alert(1)</script>", null, people.Member, DateTimeOffset.UtcNow));
        var page = await OpenAsync(arranged, arranged.Attorney);

        var text = page.Find("#review-threads-General .comment-text");
        Assert.Equal("<b>bold</b> <script>alert(1)</script>", text.TextContent);
        Assert.Empty(text.QuerySelectorAll("b, script"));
    }

    [Fact]
    public async Task ReviewPage_LinkNamingTheWorkspace_OpensTheReviewFromAnotherWorkspace()
    {
        var arranged = await ArrangeAsync();
        var (elsewhere, _) = await AddWorkspaceAsync("Elsewhere", arranged.Attorney, []);
        var session = await SignInAsync(arranged.Attorney);
        await session.SwitchAsync(elsewhere.Id);

        Services.GetRequiredService<NavigationManager>().NavigateTo($"{ReviewLinks.Review(arranged.Review.Id)}?workspace={arranged.WorkspaceId}");
        var page = Render<ReviewPage>(p => p.Add(v => v.ReviewId, arranged.Review.Id));

        page.WaitForElement("#review-heading");
        Assert.Equal(arranged.WorkspaceId, session.Current!.WorkspaceId);
    }

    [Fact]
    public async Task ReviewPage_UnknownReview_SaysSoInWords()
    {
        var arranged = await ArrangeAsync();
        await SignInAsync(arranged.Member);

        var page = Render<ReviewPage>(p => p.Add(v => v.ReviewId, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("does not exist or is not shared with you", page.Find("#review-not-found").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewPage_FortyCommentsAndTenVersions_RendersEveryComment()
    {
        var arranged = await ArrangeAsync(terms: FeeAboveFmv, then: (review, agreement, people) =>
        {
            var start = DateTimeOffset.UtcNow.AddHours(-2);
            for (var version = 2; version <= 10; version++)
            {
                agreement.Revise(FeeAboveFmv with { InitialTermMonths = 30 + version }, agreement.Title, start.AddMinutes(version));
            }

            var sections = Enum.GetValues<ReviewSection>();
            Guid? thread = null;
            for (var i = 0; i < 40; i++)
            {
                var by = i % 2 == 0 ? people.Attorney : people.Member;
                var comment = review.Comment(sections[i / 5 % sections.Length], $"Comment {i}\nwith a second line.", i % 5 == 0 ? null : thread, by, start.AddMinutes(20 + i));
                thread = i % 5 == 0 ? comment.Id : thread;
            }
        });
        await SignInAsync(arranged.Attorney);
        var page = Render<ReviewPage>(p => p.Add(v => v.ReviewId, arranged.Review.Id));
        page.WaitForElement("#review-heading");
        Assert.Equal(40, page.FindAll(".review-comment").Count);

        // Its speed is measured by scripts/benchmark.sh reviews (a figure, not a timed assertion here).
        Assert.Contains("Version 1 of 10", page.Find("#review-version").TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Olga (Owner) asks Ada (Attorney) to review the Glow MSA; Pat is a member in <paramref name="memberRole"/>.
    /// <paramref name="then"/> acts on the review and agreement (through the domain) before they are saved; <paramref name="later"/>
    /// requests a later review, which is then the one opened.
    /// </summary>
    private async Task<Arranged> ArrangeAsync(
        MemberRole memberRole = MemberRole.Consultant, MsaTerms? terms = null, Action<Review, Agreement, Participants>? then = null,
        Func<Agreement, Participants, Review>? later = null)
    {
        var owner = await AddUserAsync("Olga");
        var attorney = await AddUserAsync("Ada");
        var member = await AddUserAsync("Pat");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, [], (attorney, MemberRole.Attorney, false), (member, memberRole, false));
        var participants = new Participants(
            new(owner.Id, owner.DisplayName, MemberRole.Owner), new(attorney.Id, attorney.DisplayName, MemberRole.Attorney), new(member.Id, member.DisplayName, memberRole));
        Review review = null!;
        Review? next = null;
        var (practice, msa) = await AddPracticeWithMsaAsync(workspace.Id, terms: terms ?? new MsaTerms { InitialTermMonths = 36 }, arrange: p =>
        {
            var agreement = p.Agreements.Single();
            var now = DateTimeOffset.UtcNow;
            review = Review.Request(agreement, participants.Attorney, PracticeScope.AllPractices, participants.Owner, false, null, "Please look at the fee.",
                DateOnly.FromDateTime(now.UtcDateTime), now);
            then?.Invoke(review, agreement, participants);
            next = later?.Invoke(agreement, participants);
        });
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        db.Reviews.Add(review);
        if (next is not null)
        {
            db.Reviews.Add(next);
        }

        await db.SaveChangesAsync();
        return new Arranged(workspace.Id, practice, msa, next ?? review, owner, attorney, member);
    }

    private async Task<IRenderedComponent<ReviewPage>> OpenAsync(Arranged arranged, ApplicationUser user)
    {
        await SignInAsync(user);
        var page = Render<ReviewPage>(p => p.Add(v => v.ReviewId, arranged.Review.Id));
        page.WaitForElement("#review-heading");
        return page;
    }

    private async Task<Review> LoadReviewAsync(Arranged arranged)
    {
        await using var db = Contexts.CreateForWorkspace(arranged.WorkspaceId);
        return await db.Reviews.AsNoTracking().Include(r => r.Checklist).Include(r => r.Comments).SingleAsync(r => r.Id == arranged.Review.Id);
    }

    private sealed record Participants(ReviewParticipant Owner, ReviewParticipant Attorney, ReviewParticipant Member);

    private sealed record Arranged(
        Guid WorkspaceId, Practice Practice, Agreement Agreement, Review Review, ApplicationUser Owner, ApplicationUser Attorney, ApplicationUser Member);
}
