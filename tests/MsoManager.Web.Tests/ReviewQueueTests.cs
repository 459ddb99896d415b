using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Reviews;

namespace MsoManager.Web.Tests;

/// <summary>The Reviews page: an attorney's reviews assigned to them across workspaces, a requester's reviews asked by them.</summary>
public sealed class ReviewQueueTests : ComponentTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Attorney_SeesTheReviewsAssignedToHerInEveryWorkspace_TheOverdueOneInRedWithWords()
    {
        var team = await ArrangeAsync();
        var overdue = await AddReviewAsync(team.FirmId, team.FirmMsa, team.Ada, team.Carlos, dueOn: Today.AddDays(-3), requestedOn: Today.AddDays(-10));
        var elsewhere = await AddReviewAsync(team.OtherFirmId, team.OtherFirmMsa, team.Ada, team.Otto, dueOn: Today.AddDays(5));
        await SignInAsync(team.Ada);

        var page = Render<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#reviews-table tbody tr").Count));
        Assert.Equal("Assigned to me", page.Find("#reviews-heading").TextContent);
        Assert.Equal("2 open reviews, 1 overdue.", page.Find("#reviews-summary").TextContent);
        var late = Row(page, overdue);
        Assert.Equal("Firm", Cell(late, "Workspace"));
        Assert.Equal("Glow Spa", Cell(late, "Practice"));
        Assert.Equal("Glow MSA", Cell(late, "Agreement"));
        Assert.Equal("Carlos", Cell(late, "Requested by"));
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd"), Cell(late, "Requested on"));
        var due = late.QuerySelector(".review-overdue")!;
        Assert.Equal("Overdue by 3 days", due.TextContent.Trim());
        Assert.Contains("mud-error-text", due.ClassName, StringComparison.Ordinal);
        Assert.Equal($"reviews/{overdue.Id}", late.QuerySelector("a.review-open")!.GetAttribute("href"));
        var other = Row(page, elsewhere);
        Assert.Equal("Other Firm", Cell(other, "Workspace"));
        Assert.Null(other.QuerySelector(".review-overdue"));
        // Open reviews come by due date: the overdue one first.
        Assert.Contains($"review-{overdue.Id}", page.FindAll("#reviews-table tbody tr")[0].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attorney_OpensAReviewInAnotherWorkspace_TheWorkspaceSwitchesFirst()
    {
        var team = await ArrangeAsync();
        var elsewhere = await AddReviewAsync(team.OtherFirmId, team.OtherFirmMsa, team.Ada, team.Otto);
        var session = await SignInAsync(team.Ada);
        Assert.Equal(team.FirmId, session.Current!.WorkspaceId);
        var page = Render<ReviewQueue>();

        var open = page.WaitForElement($"tr.review-{elsewhere.Id} button.review-open");
        Assert.Equal("Open in Other Firm", open.TextContent.Trim());
        open.Click();

        page.WaitForAssertion(() => Assert.Equal(team.OtherFirmId, session.Current!.WorkspaceId));
        Assert.EndsWith($"/reviews/{elsewhere.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncludeDecided_AddsTheDecidedReviewsWithTheirStatus()
    {
        var team = await ArrangeAsync();
        var decided = await AddReviewAsync(team.FirmId, team.FirmMsa, team.Ada, team.Carlos, decision: (ReviewDecision.RequestChanges, "Reserve clinical staffing to the PC."));
        await SignInAsync(team.Ada);
        var page = Render<ReviewQueue>();
        page.WaitForAssertion(() => Assert.Equal(
            "No review is waiting for you. When an Owner or Consultant asks you to review an agreement, it appears here.", page.Find("#reviews-empty").TextContent));

        page.Find("input#reviews-include-decided").Change(true);

        page.WaitForAssertion(() => Assert.Contains("Changes requested", Cell(Row(page, decided), "Status"), StringComparison.Ordinal));
        Assert.Equal("0 open reviews, 1 decided.", page.Find("#reviews-summary").TextContent);
    }

    [Fact]
    public async Task Consultant_SeesTheReviewsTheyRequested_WithTheAttorneyAsked()
    {
        var team = await ArrangeAsync();
        var requested = await AddReviewAsync(team.FirmId, team.FirmMsa, team.Ada, team.Carlos, dueOn: Today.AddDays(-1), requestedOn: Today.AddDays(-5));
        await SignInAsync(team.Carlos);

        var page = Render<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#reviews-table tbody tr")));
        Assert.Equal("Requested by me", page.Find("#reviews-heading").TextContent);
        Assert.Empty(page.FindAll("#reviews-assigned, #reviews-requested"));
        var row = Row(page, requested);
        Assert.Equal("Ada", Cell(row, "Attorney"));
        Assert.Null(row.QuerySelector("[data-label='Workspace']"));
        Assert.Equal("Overdue by 1 day", row.QuerySelector(".review-overdue")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(MemberRole.Consultant, "You have no open review requests. Request one from an agreement's row, on a practice's Agreements tab.")]
    [InlineData(MemberRole.Viewer, "Owners and Consultants request reviews of agreements from attorneys; your role does not, so there is nothing here for you.")]
    public async Task NoReviews_SaysWhyInWords(MemberRole role, string words)
    {
        var owner = await AddUserAsync("Olga");
        var member = await AddUserAsync("Pat");
        await AddWorkspaceAsync("Firm", owner, ["Glow Spa"], (member, role, false));
        await SignInAsync(member);

        var page = Render<ReviewQueue>();

        page.WaitForAssertion(() => Assert.Equal(words, page.Find("#reviews-empty").TextContent));
    }

    private sealed record Team(
        Guid FirmId, Guid FirmMsa, Guid OtherFirmId, Guid OtherFirmMsa, ApplicationUser Ada, ApplicationUser Carlos, ApplicationUser Otto);

    /// <summary>Ada is the attorney of two workspaces: Firm (Olga's, where Carlos consults) and Other Firm (Otto's); each has a practice with a draft MSA.</summary>
    private async Task<Team> ArrangeAsync()
    {
        var olga = await AddUserAsync("Olga");
        var otto = await AddUserAsync("Otto");
        var ada = await AddUserAsync("Ada");
        var carlos = await AddUserAsync("Carlos");
        var (firm, _) = await AddWorkspaceAsync("Firm", olga, [], (ada, MemberRole.Attorney, false), (carlos, MemberRole.Consultant, false));
        var (otherFirm, _) = await AddWorkspaceAsync("Other Firm", otto, [], (ada, MemberRole.Attorney, false));
        var (_, firmMsa) = await AddPracticeWithMsaAsync(firm.Id);
        var (_, otherFirmMsa) = await AddPracticeWithMsaAsync(otherFirm.Id);
        return new Team(firm.Id, firmMsa.Id, otherFirm.Id, otherFirmMsa.Id, ada, carlos, otto);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ReviewQueue> page, Review review) => page.Find($"#reviews-table tr.review-{review.Id}");

    private static string Cell(AngleSharp.Dom.IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
