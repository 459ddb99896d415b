using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task SignIn_AsDemoOwner_SeesTheWorkspaceAndItsPractices()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync("owner@demo.test", app.DemoPassword);

        Assert.Equal("Lumen Advisory (demo)", await page.InnerTextAsync("#workspace-heading"));
        // Other tests add practices to the shared demo workspace; the four demo ones are always there.
        Assert.True(int.Parse((await page.InnerTextAsync("#practice-count")).Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 4);
        Assert.Equal("Lumen Advisory (demo)", (await page.InnerTextAsync(".workspace-switcher button")).Trim());
    }

    [Fact]
    public async Task SignIn_AsDemoClient_SeesOnlyThePracticeInScope()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync("client@demo.test", app.DemoPassword);

        Assert.Equal("1", (await page.InnerTextAsync("#practice-count")).Trim());
        Assert.Contains("Glow Aesthetics", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hudson Laser", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[href='workspace/members']").CountAsync());
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountWithTheSameMessage()
    {
        await app.CreateUserAsync("lockme@e2e.test", "the right passphrase");
        var page = await app.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.SubmitLoginAsync("lockme@e2e.test", "a wrong passphrase");
            Assert.Contains("do not match an active account", await page.InnerTextAsync("#login-error"), StringComparison.Ordinal);
        }

        await page.SubmitLoginAsync("lockme@e2e.test", "the right passphrase");

        // Locked: refused with the words every refusal gets, which also say when to try again.
        Assert.Contains("try again in 15 minutes", await page.InnerTextAsync("#login-error"), StringComparison.Ordinal);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheAccountMenu_ReturnsToSignIn()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("viewer@demo.test", app.DemoPassword);

        await page.GetByLabel("Account menu").ClickAsync();
        await page.ClickAsync("#sign-out");
        await page.GotoAsync("");

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiTokens_FromTheAccountMenu_ListsMyTokenAndRevokesIt()
    {
        var user = await app.CreateUserAsync("tokens@e2e.test", "the right passphrase");
        var token = await app.IssueTokenAsync(user);
        var fingerprint = Infrastructure.Identity.ApiToken.Hash(token)[..8];
        var page = await app.NewPageAsync();
        await page.SignInAsync("tokens@e2e.test", "the right passphrase");

        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByText("API tokens").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/ApiTokens");

        var entry = await page.InnerTextAsync("#api-tokens li");
        Assert.Contains($"Token {fingerprint}", entry, StringComparison.Ordinal);
        Assert.Contains("Not used yet", entry, StringComparison.Ordinal);
        Assert.Matches(@"Created\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", entry);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke token {fingerprint}" }).ClickAsync();

        Assert.Contains($"Token {fingerprint} was revoked", await page.InnerTextAsync("#api-tokens-message"), StringComparison.Ordinal);
        Assert.Contains("You have no API tokens", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_InvitesANewcomer_WhoJoinsThroughTheLink()
    {
        var owner = await app.NewPageAsync();
        await owner.SignInAsync("owner@demo.test", app.DemoPassword);
        await owner.SubmitAddMemberAsync("newcomer@e2e.test");
        var link = await owner.Locator("#invitation-link").InputValueAsync();

        var newcomer = await app.NewPageAsync();
        await newcomer.GotoAsync(link);
        await newcomer.FillAsync("#display-name", "Nina Newcomer");
        await newcomer.FillAsync("#password", "a passphrase for nina");
        await newcomer.FillAsync("#confirm-password", "a passphrase for nina");
        await newcomer.ClickAsync("#create-account");
        await newcomer.WaitForInteractiveAsync();

        Assert.Equal("Lumen Advisory (demo)", await newcomer.InnerTextAsync("#workspace-heading"));
        Assert.Contains("You are Consultant here", await newcomer.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMember_WithABadEmail_ShowsTheMessageAtTheField()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.SubmitAddMemberAsync("not-an-email");

        await page.GetByText("Email must be a valid email address.").WaitForAsync();
        Assert.Equal(0, await page.Locator("#invitation-link").CountAsync());
    }
}
