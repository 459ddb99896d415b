using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

/// <summary>The state rules page in the browser: an Owner corrects a state's row for the workspace.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StateRulesFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task Owner_CorrectsARow_AndSeesItMarkedCorrectedWithTheShippedValue()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("state-rules");
        await page.WaitForInteractiveAsync();
        Assert.Contains("not legal advice", await page.InnerTextAsync("#state-rules-notice"), StringComparison.Ordinal);

        await page.FillAsync("#state-search", "Oregon");
        // The list narrows as the circuit re-renders: wait until the second row is gone.
        await page.Locator("#state-rules-table tbody tr").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("Oregon", await page.InnerTextAsync("#state-rules-table tbody tr td strong"));
        await page.ClickAsync("#correct-OR");
        await page.PickAsync("correction-cpom", "Weak");
        await page.FillAsync("#correction-reason", "Counsel's memo of 2026-11-20 on Oregon's CPOM doctrine");
        await page.SaveDialogAsync();

        var note = page.Locator("#correction-note-OR");
        await note.WaitForAsync();
        Assert.Contains("Counsel's memo of 2026-11-20", await note.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Olivia Owner", await note.InnerTextAsync(), StringComparison.Ordinal);
        var row = await page.InnerTextAsync("#state-rules-table tbody tr");
        Assert.Contains("Weak", row, StringComparison.Ordinal);
        Assert.Contains("Shipped: Strict", row, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#state-rules-table tbody tr .corrected-chip").CountAsync());
        Assert.True(await page.Locator("#revert-OR").IsVisibleAsync());
    }
}
