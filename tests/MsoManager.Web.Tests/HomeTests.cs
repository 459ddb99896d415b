using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Home;

namespace MsoManager.Web.Tests;

public sealed class HomeTests : ComponentTest
{
    [Fact]
    public async Task Home_ForOwnerAlone_InvitesTheTeam()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, ["Alpha Spa", "Beta Spa"]);
        await SignInAsync(owner);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("2", home.Find("#practice-count").TextContent.Trim()));
        Assert.Equal("Firm", home.Find("h1").TextContent);
        Assert.Contains("Invite your team", home.Find("a[href='workspace/members']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ForViewer_SaysItIsReadOnly()
    {
        var owner = await AddUserAsync("Olga");
        var viewer = await AddUserAsync("Vic");
        await AddWorkspaceAsync("Firm", owner, ["Alpha Spa"], (viewer, MemberRole.Viewer, false));
        await SignInAsync(viewer);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Contains("ask an Owner if you need to change something", home.Markup, StringComparison.Ordinal));
        Assert.Empty(home.FindAll("a[href='workspace/members']"));
    }

    [Fact]
    public async Task Home_ForClientWithOnePractice_ShowsOnlyThatPractice()
    {
        var owner = await AddUserAsync("Olga");
        var client = await AddUserAsync("Cleo");
        await AddWorkspaceAsync("Firm", owner, ["Alpha Spa", "Beta Spa", "Gamma Spa"], (client, MemberRole.Client, true));
        await SignInAsync(client);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("1", home.Find("#practice-count").TextContent.Trim()));
        Assert.Contains("Practices in your scope", home.Markup, StringComparison.Ordinal);
        Assert.Contains("Alpha Spa", home.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta Spa", home.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ForAttorney_CountsTheReviewsAssignedAndOverdue_LinkingToThem()
    {
        var (workspaceId, msa, attorney, consultant) = await ArrangeReviewsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddReviewAsync(workspaceId, msa, attorney, consultant, dueOn: today.AddDays(-2), requestedOn: today.AddDays(-9));
        await SignInAsync(attorney);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("1 review assigned to you (1 overdue)", home.Find("#home-assigned-reviews a").TextContent.Trim()));
        Assert.Equal("reviews", home.Find("#home-assigned-reviews a").GetAttribute("href"));
        Assert.Contains("mud-error-text", home.Find("#home-assigned-reviews a").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ForConsultant_CountsTheirOpenRequests()
    {
        var (workspaceId, msa, attorney, consultant) = await ArrangeReviewsAsync();
        await AddReviewAsync(workspaceId, msa, attorney, consultant);
        await SignInAsync(consultant);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.Equal("1 review you requested is open", home.Find("#home-requested-reviews a").TextContent.Trim()));
        Assert.Empty(home.FindAll("#home-assigned-reviews"));
    }

    /// <summary>Olga's workspace with Ada (Attorney) and Carlos (Consultant), and a practice with a draft MSA.</summary>
    private async Task<(Guid WorkspaceId, Guid MsaId, ApplicationUser Attorney, ApplicationUser Consultant)> ArrangeReviewsAsync()
    {
        var owner = await AddUserAsync("Olga");
        var attorney = await AddUserAsync("Ada");
        var consultant = await AddUserAsync("Carlos");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, [], (attorney, MemberRole.Attorney, false), (consultant, MemberRole.Consultant, false));
        var (_, msa) = await AddPracticeWithMsaAsync(workspace.Id);
        return (workspace.Id, msa.Id, attorney, consultant);
    }
}
