namespace MsoManager.EndToEnd.Tests;

/// <summary>axe-core on every page a user can reach today: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    [Theory]
    [MemberData(nameof(AppPages.SignedOutData), MemberType = typeof(AppPages))]
    public async Task PublicPage_IsAccessible(string path)
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(path);

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(AppPages.SignedInData), MemberType = typeof(AppPages))]
    public async Task SignedInPage_IsAccessible(string path)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);

        await page.GotoAsync(path);
        if (AppPages.IsInteractive(path))
        {
            await page.WaitForInteractiveAsync();
        }

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(AppPages.PracticeSectionData), MemberType = typeof(AppPages))]
    public async Task PracticeSection_IsAccessible(string section)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText(AppPages.DemoPractice, new() { Exact = true }).ClickAsync();
        await page.Locator("#practice-heading").WaitForAsync();

        await page.OpenPracticeAsync(page.Url.Split('?')[0], section);

        await page.AssertAccessibleAsync();
    }
}
