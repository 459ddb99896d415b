using MsoManager.Domain.Workspaces;
using MsoManager.Web.Components.Layout;

namespace MsoManager.Web.Tests;

public sealed class NavigationTests : ComponentTest
{
    [Fact]
    public async Task NavMenu_ForOwner_LinksToMembers()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, []);
        var session = await SignInAsync(owner);

        var menu = Render<NavMenu>(p => p.AddCascadingValue(session.Current!));

        Assert.NotNull(menu.Find("a[href='workspace/members']"));
        Assert.NotNull(menu.Find("a[href='state-rules']"));
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task NavMenu_ForOtherRoles_HidesMembers(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var other = await AddUserAsync("Pat");
        await AddWorkspaceAsync("Firm", owner, ["Spa"], (other, role, false));
        var session = await SignInAsync(other);

        var menu = Render<NavMenu>(p => p.AddCascadingValue(session.Current!));

        Assert.Empty(menu.FindAll("a[href='workspace/members']"));
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task NavMenu_ForEveryRole_LinksToStateRulesAndReviews(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var other = await AddUserAsync("Pat");
        await AddWorkspaceAsync("Firm", owner, ["Spa"], (other, role, false));
        var session = await SignInAsync(other);

        var menu = Render<NavMenu>(p => p.AddCascadingValue(session.Current!));

        Assert.NotNull(menu.Find("a[href='state-rules']"));
        Assert.NotNull(menu.Find("a[href='reviews']"));
    }

    [Fact]
    public async Task WorkspaceSwitcher_ShowsTheOpenWorkspace()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Olga's Firm", owner, []);
        var session = await SignInAsync(owner);

        var switcher = Render<WorkspaceSwitcher>(p => p.AddCascadingValue(session.Current!));

        Assert.Equal("Olga's Firm", switcher.Find(".workspace-switcher button").TextContent.Trim());
    }
}
