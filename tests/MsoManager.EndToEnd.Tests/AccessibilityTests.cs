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
        var practiceUrl = await page.OpenPracticeFromListAsync(AppPages.DemoPractice);

        await page.OpenPracticeAsync(practiceUrl, section);

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(AppPages.AgreementPageData), MemberType = typeof(AppPages))]
    public async Task AgreementPage_IsAccessible(string path)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        var practiceUrl = await page.OpenPracticeFromListAsync(AppPages.DemoPractice);

        await page.GotoAsync($"{practiceUrl}/{path}");
        await page.WaitForInteractiveAsync();

        await page.AssertAccessibleAsync();
    }
}
