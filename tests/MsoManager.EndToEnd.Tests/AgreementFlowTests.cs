namespace MsoManager.EndToEnd.Tests;

/// <summary>An agreement's status in the browser: who may move it, and an MSA recorded as executed after counsel's outside review.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task Consultant_RecordsAnMsaAsExecutedAfterOutsideReview_AndTheAgreementSaysSo()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("consultant@demo.test", app.DemoPassword);
        var practiceUrl = await page.NewPracticeWithPartiesAsync("Lumen Aesthetics", "Lumen Aesthetics");

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
}
