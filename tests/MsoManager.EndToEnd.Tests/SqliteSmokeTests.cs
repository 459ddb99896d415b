using MsoManager.Testing;

namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// The zero-setup configuration a newcomer runs (SQLite with demo data), driven through the same
/// browser: sign in, open a practice, change it, and see the change in its history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SqliteSmokeTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"mso-e2e-{Guid.NewGuid():N}.db");
    private AppHost? _app;

    public Task InitializeAsync()
    {
        _app = AppHost.OnSqlite(_databasePath, kestrel: true);
        _ = _app.ServerAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    [Fact]
    public async Task OnSqlite_AConsultantChangesAPractice_AndTheHistoryShowsIt()
    {
        var page = await SignedInAsync("consultant@demo.test");
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText("Hudson Laser & Skin").ClickAsync();
        await page.Locator("#practice-heading").WaitForAsync();
        var practiceUrl = page.Url.Split('?')[0];

        await page.OpenPracticeAsync(practiceUrl, "entities");
        await page.ClickAsync("#add-professional-entity");
        await page.FillAsync("#entity-legal-name", "Hudson Medical PC");
        await page.FillAsync("#entity-ein", "12-34");
        await page.ClickAsync("#form-save");
        await page.GetByText("EIN must look like 12-3456789").First.WaitForAsync();
        await page.FillAsync("#entity-ein", "13-1234567");
        await page.SaveDialogAsync();
        await page.Locator("#entities-table").GetByText("Hudson Medical PC").WaitForAsync();

        await page.OpenPracticeAsync(practiceUrl, "history");
        await page.Locator("#history-table").GetByText("consultant@demo.test").First.WaitForAsync();
        await page.ClickAsync("#verify-chain");
        Assert.Contains("intact", await page.InnerTextAsync("#verify-result"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnSqlite_TheDemoAttorneyFindsTheirReview_FromHomeToTheQueueToTheReviewWithItsHistory()
    {
        var page = await SignedInAsync("attorney@demo.test");

        await page.WaitForInteractiveAsync();
        Assert.Equal("1 review assigned to you", (await page.InnerTextAsync("#home-assigned-reviews a")).Trim());
        await page.ClickAsync("#home-assigned-reviews a");
        var row = page.Locator("#reviews-table tbody tr").Filter(new() { HasText = "Pacific Skin Studio" });
        await row.WaitForAsync();
        Assert.Contains("Carlos Consultant", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator(".review-open").ClickAsync();

        await page.Locator("#review-earlier").WaitForAsync();
        Assert.Contains("Changes requested by Ada Attorney", await page.InnerTextAsync("#review-earlier"), StringComparison.Ordinal);
        Assert.Contains("only clinical protocols", await page.InnerTextAsync("#review-threads-ClinicalAuthority"), StringComparison.Ordinal);
        Assert.Contains("We lowered the fee to 40%", await page.InnerTextAsync("#review-message"), StringComparison.Ordinal);
    }

    private async Task<Microsoft.Playwright.IPage> SignedInAsync(string email)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = _app!.ServerAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, browser.DemoPassword);
        return page;
    }
}
