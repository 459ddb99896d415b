using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

/// <summary>The requester's way in: a review requested from an agreement's row, and what the row then says of its reviews.</summary>
public sealed class ReviewRequestTests : ComponentTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task RequestReview_DueDateInThePast_ShowsTheDomainsMessageAtTheDueDate_AndRequestsNothing()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        var (page, dialogs) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-request-review").Click();
        dialogs.WaitForElement("#review-due-on").Change(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(Review.ValidateDueOn(Today.AddDays(-1), Today)!, FieldText(dialogs, "#review-due-on"), StringComparison.Ordinal));
        Assert.Equal("The due date cannot be in the past.", Review.ValidateDueOn(Today.AddDays(-1), Today));
        Assert.Empty(dialogs.FindAll("#form-error"));
        Assert.False(await HasReviewsAsync(team.WorkspaceId));
    }

    [Fact]
    public async Task RequestReview_NoAttorneyHasThePracticeInScope_SaysWhoCanAddOne_AndAsksForTheAttorneyAtItsField()
    {
        var team = await ArrangeAsync(MemberRole.Consultant, attorneyScopedToAnotherPractice: true);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        var (page, dialogs) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-request-review").Click();

        var notice = dialogs.WaitForElement("#review-no-attorney").TextContent;
        Assert.Contains("No Attorney member of this workspace has this practice in scope", notice, StringComparison.Ordinal);
        Assert.Contains("Ask an Owner to add an Attorney member with this practice in scope on the Members page.", notice, StringComparison.Ordinal);
        dialogs.Find("#form-save").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Choose the attorney to ask.", FieldText(dialogs, "#review-attorney"), StringComparison.Ordinal));
        Assert.False(await HasReviewsAsync(team.WorkspaceId));
    }

    [Fact]
    public async Task RequestReview_AsOwnerWithNoAttorney_LinksToTheMembersPage()
    {
        var team = await ArrangeAsync(MemberRole.Owner, attorneyScopedToAnotherPractice: true);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        var (page, dialogs) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-request-review").Click();

        Assert.Equal("workspace/members", dialogs.WaitForElement("#review-no-attorney a").GetAttribute("href"));
    }

    [Fact]
    public async Task RequestReview_AttorneyLeftTheWorkspaceWhileTheDialogWasOpen_TheRefusalShowsAtTheAttorneyField()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        var (page, dialogs) = OpenAgreements(practice.Id);
        page.Find($"#agreement-{msa.Key}-request-review").Click();
        dialogs.WaitForElement("#review-attorney");
        await using (var db = Contexts.CreateForWorkspace(team.WorkspaceId))
        {
            await db.Members.Where(m => m.UserId == team.Attorney.Id).ExecuteDeleteAsync();
        }

        dialogs.Find("#form-save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains($"No member of this workspace has the email {team.Attorney.Email}.", FieldText(dialogs, "#review-attorney"), StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("#form-error"));
        Assert.False(await HasReviewsAsync(team.WorkspaceId));
    }

    [Fact]
    public async Task RequestReview_Valid_PutsTheAgreementInReview_AndItsRowShowsTheOpenReview()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        var snackbars = Render<MudSnackbarProvider>();
        var (page, dialogs) = OpenAgreements(practice.Id);
        var due = Today.AddDays(7);

        // The one attorney in scope is already chosen.
        page.Find($"#agreement-{msa.Key}-request-review").Click();
        dialogs.WaitForElement("#review-due-on").Change(due.ToString("yyyy-MM-dd"));
        dialogs.Find("#review-message").Change("Please look at the fee first.");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal("In review", page.Find($"#agreement-{msa.Key}-status").TextContent.Trim()));
        await using var db = Contexts.CreateForWorkspace(team.WorkspaceId);
        var review = await db.Reviews.AsNoTracking().SingleAsync();
        Assert.Equal((team.Attorney.Id, due, "Please look at the fee first.", 1), (review.AttorneyUserId, review.DueOn!.Value, review.Message, review.VersionRead));
        var line = page.Find($"#agreement-{msa.Key}-review").TextContent;
        Assert.Contains("In review by Ada", line, StringComparison.Ordinal);
        Assert.Contains($"reading version 1, due {due:yyyy-MM-dd}", line, StringComparison.Ordinal);
        Assert.Equal($"reviews/{review.Id}", page.Find($"#agreement-{msa.Key}-open-review").GetAttribute("href"));
        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-request-review"));
        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-review-overdue"));
        snackbars.WaitForAssertion(() => Assert.Contains("Review of Glow MSA requested from Ada", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgreementRow_ForAViewer_ShowsTheOverdueOpenReviewAndTheLastDecisionWithItsReason()
    {
        var team = await ArrangeAsync(MemberRole.Viewer);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        await AddReviewAsync(team.WorkspaceId, msa.Id, team.Attorney, team.Owner, requestedOn: Today.AddDays(-20),
            decision: (ReviewDecision.RequestChanges, "Reserve clinical staffing to the PC."));
        await AddReviewAsync(team.WorkspaceId, msa.Id, team.Attorney, team.Owner, dueOn: Today.AddDays(-3), requestedOn: Today.AddDays(-10));
        var (page, _) = OpenAgreements(practice.Id);

        var decision = page.Find($"#agreement-{msa.Key}-decision").TextContent;
        Assert.Contains($"Changes requested by Ada on {Today.AddDays(-20):yyyy-MM-dd} ", decision, StringComparison.Ordinal);
        Assert.Contains("UTC (version 1): Reserve clinical staffing to the PC.", decision, StringComparison.Ordinal);
        Assert.Contains("In review by Ada", page.Find($"#agreement-{msa.Key}-review").TextContent, StringComparison.Ordinal);
        Assert.Equal("Overdue by 3 days", page.Find($"#agreement-{msa.Key}-review-overdue").TextContent.Trim());
        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-request-review, #agreement-{msa.Key}-edit, #agreement-{msa.Key}-withdraw-review"));
    }

    [Fact]
    public async Task WithdrawReview_AsksForTheReasonAtItsField_ThenTheAgreementIsADraftAgain_AndTheRowSaysWhoWithdrewItAndWhy()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        await AddReviewAsync(team.WorkspaceId, msa.Id, team.Attorney, team.Owner);
        var (page, dialogs) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-withdraw-review").Click();
        Assert.Contains("Ada will no longer be asked to review Glow MSA, and the agreement returns to Draft",
            dialogs.WaitForElement("#review-withdraw-explanation").TextContent, StringComparison.Ordinal);
        dialogs.Find("#form-save").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(Review.ValidateWithdrawalReason(null)!, FieldText(dialogs, "#review-withdraw-reason"), StringComparison.Ordinal));
        await using (var db = Contexts.CreateForWorkspace(team.WorkspaceId))
        {
            Assert.True((await db.Reviews.AsNoTracking().SingleAsync()).IsOpen);
        }

        dialogs.Find("#review-withdraw-reason").Change("The wrong attorney was asked.");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal("Draft", page.Find($"#agreement-{msa.Key}-status").TextContent.Trim()));
        var line = page.Find($"#agreement-{msa.Key}-decision").TextContent;
        Assert.Contains("The review by Ada (version 1) was withdrawn by Pat on ", line, StringComparison.Ordinal);
        Assert.Contains("UTC: The wrong attorney was asked.", line, StringComparison.Ordinal);
        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-review, #agreement-{msa.Key}-withdraw-review"));
        Assert.Single(page.FindAll($"#agreement-{msa.Key}-request-review"));
    }

    [Fact]
    public async Task EditInReview_SaysTheOpenReviewWillReadAnOlderVersion()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        await AddReviewAsync(team.WorkspaceId, msa.Id, team.Attorney, team.Owner);
        var (page, dialogs) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();

        Assert.Equal(
            "Ada is reviewing version 1. Saving makes version 2: the open review then reads an older version until Ada looks at the new one.",
            dialogs.WaitForElement("#agreement-edit-in-review").TextContent.Trim());
    }

    [Fact]
    public async Task EditApproved_AsksFirst_BecauseTheApprovalLapses_ThenTheAgreementIsADraftAgain()
    {
        var team = await ArrangeAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(team.WorkspaceId);
        await AddReviewAsync(team.WorkspaceId, msa.Id, team.Attorney, team.Owner, decision: (ReviewDecision.Approve, null));
        var (page, dialogs) = OpenAgreements(practice.Id);
        Assert.Contains("Approved by Ada", page.Find($"#agreement-{msa.Key}-decision").TextContent, StringComparison.Ordinal);

        page.Find($"#agreement-{msa.Key}-edit").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(
            "Ada approved version 1. Its approval will no longer hold: the agreement returns to Draft.", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Edit").Click();
        dialogs.WaitForElement("#agreement-title").Change("Glow MSA (revised)");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal("Draft", page.Find($"#agreement-{msa.Key}-status").TextContent.Trim()));
        Assert.Single(page.FindAll($"#agreement-{msa.Key}-request-review"));
    }

    private sealed record Team(Guid WorkspaceId, ApplicationUser Owner, ApplicationUser Attorney);

    /// <summary>
    /// A workspace of Olga (Owner) with Ada (Attorney, every practice, or only another practice) and the
    /// signed-in member in <paramref name="role"/> (Olga herself for an Owner).
    /// </summary>
    private async Task<Team> ArrangeAsync(MemberRole role, bool attorneyScopedToAnotherPractice = false)
    {
        var owner = await AddUserAsync("Olga");
        var attorney = await AddUserAsync("Ada");
        var member = role == MemberRole.Owner ? owner : await AddUserAsync("Pat");
        var members = new List<(ApplicationUser, MemberRole, bool)> { (attorney, MemberRole.Attorney, attorneyScopedToAnotherPractice) };
        if (role != MemberRole.Owner)
        {
            members.Add((member, role, false));
        }

        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, attorneyScopedToAnotherPractice ? ["Other Spa"] : [], [.. members]);
        await SignInAsync(member);
        return new Team(workspace.Id, owner, attorney);
    }

    private (IRenderedComponent<PracticeView> Page, IRenderedComponent<MudDialogProvider> Dialogs) OpenAgreements(Guid practiceId)
    {
        var (page, dialogs) = OpenPractice(practiceId, "agreements");
        page.WaitForElement("#agreements-table");
        return (page, dialogs);
    }

    private static string FieldText(IRenderedComponent<MudDialogProvider> dialogs, string field) =>
        dialogs.Find(field).Closest(".mud-input-control")!.TextContent;

    private async Task<bool> HasReviewsAsync(Guid workspaceId)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        return await db.Reviews.AnyAsync();
    }
}
