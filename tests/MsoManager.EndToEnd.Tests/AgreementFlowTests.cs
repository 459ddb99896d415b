using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

/// <summary>An agreement's status in the browser: who may move it, and an MSA recorded as executed after counsel's outside review.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AgreementFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task Consultant_RecordsAnMsaAsExecutedAfterOutsideReview_AndTheAgreementSaysSo()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("consultant@demo.test", app.DemoPassword);
        var practiceUrl = await NewPracticeWithPartiesAsync(page, "Lumen Aesthetics");

        await page.OpenPracticeAsync(practiceUrl, "agreements");
        await page.ClickAsync("#add-agreement");
        await page.FillAsync("#agreement-title", "Lumen MSA");
        await page.FillAsync("#agreement-effective-on", "2025-03-01");
        await page.SaveDialogAsync();
        await page.WaitForTextAsync("#agreement-lumen-msa-status", "Draft");
        // A Consultant submits, executes and terminates; approving is an attorney's, so there is no Approve here.
        Assert.Empty(await page.Locator("#agreement-lumen-msa-approve").AllAsync());

        await page.ClickAsync("#agreement-lumen-msa-outside-review");
        await page.ClickAsync("#form-save");
        await page.GetByText("Counsel is required.").WaitForAsync();
        await page.FillAsync("#outside-review-counsel", "Jane Roe, Roe & Partners LLP");
        await page.FillAsync("#outside-review-on", "2025-02-20");
        await page.SaveDialogAsync();

        await page.WaitForTextAsync("#agreement-lumen-msa-status", "Executed");
        await page.WaitForTextAsync("#agreement-lumen-msa-provenance", "Reviewed outside MSO Manager by Jane Roe, Roe & Partners LLP on 2025-02-20");
        // The confirmations fade in and out; axe would measure their contrast mid-animation.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "agreement-outside-review.png"), FullPage = true });
        await page.AssertAccessibleAsync();
    }

    /// <summary>Creates a Texas practice with one professional entity and one management company; returns its address.</summary>
    private static async Task<string> NewPracticeWithPartiesAsync(IPage page, string name)
    {
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#new-practice");
        await page.FillAsync("#practice-name", name);
        await page.PickAsync("practice-state", "TX: Texas");
        await page.ClickAsync("#create-practice");
        await page.WaitForURLAsync(PracticeUrl());
        await page.Locator("#practice-heading").Filter(new() { HasText = name }).WaitForAsync();
        var practiceUrl = page.Url;
        await page.OpenPracticeAsync(practiceUrl, "entities");
        await page.ClickAsync("#add-professional-entity");
        await page.FillAsync("#entity-legal-name", $"{name} Medical PLLC");
        await page.SaveDialogAsync();
        await page.ClickAsync("#add-management-company");
        await page.FillAsync("#entity-legal-name", $"{name} Management LLC");
        await page.SaveDialogAsync();
        await page.Locator("#entities-table").GetByText($"{name} Management LLC").WaitForAsync();
        return practiceUrl;
    }

    [GeneratedRegex(@"/practices/[0-9a-f-]{36}$")]
    private static partial Regex PracticeUrl();
}
