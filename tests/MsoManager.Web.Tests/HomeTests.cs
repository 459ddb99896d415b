using MsoManager.Domain.Workspaces;
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
}
