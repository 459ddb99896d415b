using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsoManager.Web.Features.Compliance;

namespace MsoManager.EndToEnd.Tests;

/// <summary>Compliance findings in the browser: the portfolio filtered by severity, and a demo practice's findings leading to their records.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FindingsFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task Owner_FiltersPracticesWithHighFindings_AndFollowsAFindingToItsAgreement()
    {
        // The start-up pass has normally stored every demo practice's risk already; this makes it certain.
        await app.App.Services.GetRequiredService<PracticeRiskRefresher>().RefreshStaleAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText("Pacific Skin Studio").WaitForAsync();
        var rows = page.Locator("#practices-table tbody tr");
        var withoutHigh = rows.Filter(new() { HasNot = page.Locator(".risk-high") });
        Assert.True(await withoutHigh.CountAsync() > 0, "Some demo practice should have no High finding.");

        // An outlined select keeps its id on a hidden input: click the visible control around it.
        await page.Locator("div.mud-select:has(#practice-risk-filter)").Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Has a High finding" }).First.ClickAsync();
        var pacific = page.Locator("#practices-table tbody tr").Filter(new() { HasText = "Pacific Skin Studio" });
        await withoutHigh.First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await pacific.Locator(".risk-high").WaitForAsync();
        Assert.True(await rows.CountAsync() > 0);

        await pacific.GetByText("Pacific Skin Studio").ClickAsync();
        await page.WaitForURLAsync(PracticeUrl());
        await page.Locator("#practice-risk .risk-high").WaitForAsync();
        await page.ClickAsync("#practice-risk-findings");
        var finding = page.Locator("#findings-high .finding[data-code='CLINICAL_AUTHORITY_NOT_RESERVED']");
        await finding.WaitForAsync();
        Assert.Contains("Recommendation:", await finding.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(AsOfToday(), page.Url);
        await page.AssertAccessibleAsync();

        await finding.Locator(".finding-record").ClickAsync();
        var focused = page.Locator("#agreements-table tr.agreement-row.record-focus");
        await focused.WaitForAsync();
        Assert.Contains("Management Services Agreement (draft)", await focused.InnerTextAsync(), StringComparison.Ordinal);
    }

    private static Regex PracticeUrl() => PracticeUrlPattern();

    private static Regex AsOfToday() => new($"section=compliance&asOf={DateTime.UtcNow:yyyy-MM-dd}$");

    [GeneratedRegex("/practices/[0-9a-f-]{36}")]
    private static partial Regex PracticeUrlPattern();
}
