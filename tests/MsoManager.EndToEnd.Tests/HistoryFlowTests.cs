using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.EndToEnd.Tests;

/// <summary>The History tab in the browser: a fee change read as one line, and the CSV export holding the same rows.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HistoryFlowTests(BrowserFixture app)
{
    /// <summary>Where the History tab's screenshot is kept, to look at after a run.</summary>
    public static readonly string Screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "history-tab.png");

    [Fact]
    public async Task FeeChangedInThePage_ReadsAsOneLineInHistory_AndTheCsvHasTheSameRows()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        var practiceUrl = await NewPracticeWithAnMsaAsync(page, "Lumen Aesthetics", "Lumen");

        await page.OpenPracticeAsync(practiceUrl, "agreements");
        await page.ClickAsync("#agreement-lumen-msa-edit");
        await page.Locator("input#fee-method-FlatMonthly").CheckAsync();
        await page.FillAsync("#fee-flat-monthly", "25000");
        await page.SaveDialogAsync();
        await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });

        await page.OpenPracticeAsync(practiceUrl, "history");
        var feeLines = page.Locator("#history-table li").Filter(new() { HasTextRegex = FeeChange() });
        await feeLines.First.WaitForAsync();
        Assert.Equal(["Fee: 45% of collections → $25,000 a month"], (await feeLines.AllInnerTextsAsync()).Select(t => t.Trim()));
        await page.ClickAsync("#verify-chain");
        await page.Locator("#chain-head-hash").WaitForAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        await page.ScreenshotAsync(new() { Path = Screenshot, FullPage = true });
        var table = await TableAsync(page);
        Assert.DoesNotMatch(Id(), string.Join("\n", table.Select(r => string.Join(" ", r.Cells.Concat(r.Lines)))));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-audit-csv"));

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = StateRulesCsv.ReadRecords((await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'));
        Assert.Equal(["sequence", "time_utc", "who", "record", "action", "field", "before", "after", "hash"], csv[0]);
        var events = csv.Skip(1).GroupBy(r => r[0]).ToList();
        Assert.Equal(table.Select(r => r.Cells[0]).Order(), events.Select(e => e.Key).Order());
        foreach (var row in table)
        {
            var rows = events.Single(e => e.Key == row.Cells[0]).ToList();
            Assert.All(rows, r => Assert.Equal(row.Cells[1..], new[] { r[1][..19].Replace('T', ' '), r[2], r[3], r[4] }));
            Assert.Equal(row.Lines.Count, rows.Count(r => r[5].Length > 0));
            Assert.All(rows.Where(r => r[5].Length > 0), r => Assert.Contains(row.Lines, line => Reads(line, r[5], r[6], r[7])));
        }

        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task DemoPracticeHistory_ReadsWithoutIdsPropertyNamesOrJson()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        var practiceUrl = await page.OpenPracticeFromListAsync(AppPages.DemoPractice);

        await page.OpenPracticeAsync(practiceUrl, "history");
        await page.Locator("#history-table tbody tr li").First.WaitForAsync();

        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(Screenshot)!, "history-demo.png"), FullPage = true });
        var text = await page.InnerTextAsync("#history-table");
        Assert.DoesNotMatch(Id(), text);
        Assert.DoesNotMatch(PropertyName(), text);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    /// <summary>A new practice of the demo workspace with a PC, an MSO and a draft MSA charging 45% of collections; its address.</summary>
    private static async Task<string> NewPracticeWithAnMsaAsync(IPage page, string name, string brand)
    {
        var practiceUrl = await page.NewPracticeWithPartiesAsync(name, brand);

        await page.OpenPracticeAsync(practiceUrl, "agreements");
        await page.ClickAsync("#add-agreement");
        await page.FillAsync("#agreement-title", $"{brand} MSA");
        await page.Locator("input#fee-method-PercentOfCollections").CheckAsync();
        await page.FillAsync("#fee-rate-percent", "45");
        await page.SaveDialogAsync();
        await page.Locator("#agreements-table").GetByText($"{brand} MSA").WaitForAsync();
        return practiceUrl;
    }

    /// <summary>The History table as shown: each row's cells (#, when, who, record, action) and its change lines.</summary>
    private static async Task<List<(string[] Cells, List<string> Lines)>> TableAsync(IPage page)
    {
        var rows = new List<(string[] Cells, List<string> Lines)>();
        foreach (var row in await page.Locator("#history-table tbody tr").AllAsync())
        {
            var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim()).ToArray();
            rows.Add((cells[..5], [.. (await row.Locator("li").AllInnerTextsAsync()).Select(l => l.Trim())]));
        }

        return rows;
    }

    /// <summary>Whether a line of the table is the CSV's field with its values: "Field: before → after", or "Field: value" for a value added or removed.</summary>
    private static bool Reads(string line, string field, string before, string after) =>
        line == $"{field}: {(before.Length == 0 ? "—" : before)} → {(after.Length == 0 ? "—" : after)}"
        || line == $"{field}: {(after.Length == 0 ? before : after)}";


    /// <summary>A stored property's name as code spells it (LegalName, OwnerPersonId), not as a label does.</summary>
    [GeneratedRegex("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b")]
    private static partial Regex PropertyName();

    [GeneratedRegex("^Fee: .* → ")]
    private static partial Regex FeeChange();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Id();
}
