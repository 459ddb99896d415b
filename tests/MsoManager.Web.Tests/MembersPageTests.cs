using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Workspaces;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class MembersPageTests : ComponentTest
{
    [Fact]
    public async Task MembersPage_ForOwner_ListsMembersWithRolesAndScopes()
    {
        var owner = await AddUserAsync("Olga");
        var client = await AddUserAsync("Cleo");
        await AddWorkspaceAsync("Firm", owner, ["Alpha Spa", "Beta Spa"], (client, MemberRole.Client, true));
        await SignInAsync(owner);

        var page = Render<Members>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#members-table tbody tr").Count));
        var cleo = page.FindAll("#members-table tbody tr").Single(row => row.TextContent.Contains("Cleo", StringComparison.Ordinal));
        Assert.Contains("Alpha Spa", cleo.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta Spa", cleo.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersPage_ForAttorney_SaysOnlyOwnersManageMembers()
    {
        var owner = await AddUserAsync("Olga");
        var attorney = await AddUserAsync("Ada");
        await AddWorkspaceAsync("Firm", owner, [], (attorney, MemberRole.Attorney, false));
        await SignInAsync(attorney);

        var page = Render<Members>();

        Assert.Contains("Only the workspace's Owners manage its members.", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#members-table"));
        Assert.Empty(page.FindAll("#add-member"));
    }

    [Fact]
    public async Task AddMemberDialog_BadEmail_ShowsTheMessageAtTheFieldAndWritesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var provider = await SubmitAddMemberAsync("not-an-email");

        provider.WaitForAssertion(() => Assert.Contains("Email must be a valid email address.", provider.Markup, StringComparison.Ordinal));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        Assert.Single(await db.Members.ToListAsync());
        Assert.Empty(await db.Invitations.ToListAsync());
    }

    [Fact]
    public async Task AddMemberDialog_UnknownEmail_ShowsAnInvitationLink()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var provider = await SubmitAddMemberAsync("newcomer@x.test");

        provider.WaitForAssertion(() => Assert.Contains("Account/AcceptInvitation?token=", provider.Find("#invitation-link").GetAttribute("value"), StringComparison.Ordinal));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        Assert.Equal("newcomer@x.test", (await db.Invitations.SingleAsync()).Email);
    }

    /// <summary>Opens the add-member dialog as the members page does, types an email and submits.</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> SubmitAddMemberAsync(string email)
    {
        var provider = Render<MudDialogProvider>();
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AddMemberDialog>("Add"));
        provider.Find("#member-email").Change(email);
        provider.Find("#add-member-submit").Click();
        return provider;
    }
}
