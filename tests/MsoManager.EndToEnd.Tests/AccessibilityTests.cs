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
}
