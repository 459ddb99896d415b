namespace MsoManager.EndToEnd.Tests;

/// <summary>axe-core on every page a user can reach today: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData("Account/Lockout")]
    [InlineData("Account/AcceptInvitation?token=unknown")]
    public async Task PublicPage_IsAccessible(string path)
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(path);

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("workspace/members")]
    [InlineData("practices")]
    [InlineData("state-rules")]
    [InlineData("Account/Manage/ChangePassword")]
    [InlineData("not-found")]
    public async Task SignedInPage_IsAccessible(string path)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);

        await page.GotoAsync(path);
        if (!path.StartsWith("Account/", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync();
        }

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("entities")]
    [InlineData("ownership")]
    [InlineData("people")]
    [InlineData("agreements")]
    [InlineData("locations")]
    [InlineData("financials")]
    [InlineData("tasks")]
    [InlineData("history")]
    public async Task PracticeSection_IsAccessible(string section)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText("Glow Aesthetics", new() { Exact = true }).ClickAsync();
        await page.Locator("#practice-heading").WaitForAsync();

        await page.OpenPracticeAsync(page.Url.Split('?')[0], section);

        await page.AssertAccessibleAsync();
    }
}
