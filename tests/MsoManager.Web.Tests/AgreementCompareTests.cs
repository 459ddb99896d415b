using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class AgreementCompareTests : ComponentTest
{
    private const string AsOf = "2026-11-29";

    private static readonly DateOnly AmendedFrom = new(2026, 7, 1);

    /// <summary>An MSA with every service at $25,000 a month, inside an FMV range of $240,000 to $360,000 a year.</summary>
    private static readonly MsaTerms Complete = new()
    {
        EffectiveOn = new DateOnly(2025, 2, 1),
        Services = Enum.GetValues<ServiceLine>(),
        FeeMethod = FeeMethod.FlatMonthly,
        FlatMonthly = 25_000m,
        FmvLow = 240_000m,
        FmvHigh = 360_000m,
        FmvValuedOn = new DateOnly(2025, 6, 5),
    };

    [Fact]
    public async Task Headers_OfAnAmendment_SayWhoSavedEachVersionWhenAndFromWhen()
    {
        var (practice, msa) = await AmendedAsync();

        var page = Open(practice.Id, msa.Key, $"?from=1&to=2&asOf={AsOf}");

        Assert.Matches(Heading("Version 1 — saved by Dana on ", ""), Text(page, "#compare-from-version .version-heading"));
        Assert.Matches(Heading("Version 2 — saved by Dana on ", " (amendment effective 2026-07-01)"), Text(page, "#compare-to-version .version-heading"));
        Assert.Equal(["Executed", "Executed"], page.FindAll(".version-status").Select(c => c.TextContent.Trim()));
        Assert.Equal("By amendment; effective 2026-07-01; current", Text(page, "#compare-to-version .version-origin"));
    }

    [Fact]
    public async Task Rows_ReadInWords_MoneyServicesAndDatesAsThePagesWriteThem()
    {
        var (practice, msa) = await AmendedAsync();

        var page = Open(practice.Id, msa.Key, $"?from=1&to=2&asOf={AsOf}");

        Assert.Equal(("$25,000 a month", "$35,000 a month"), Row(page, "Fee"));
        Assert.Equal(("—", "2026-07-01"), Row(page, "These terms effective from"));
        Assert.Equal(["Training"], page.FindAll("#compare-changes .compare-removed").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Custom services", "Fee", "Services in scope", "These terms effective from"], page.FindAll("#compare-changes tbody th").Select(th => th.TextContent.Trim()).Order());
    }

    [Fact]
    public async Task Page_ShowsNoEnumNameIdOrJson()
    {
        var (practice, msa) = await AmendedAsync();

        var page = Open(practice.Id, msa.Key, $"?from=1&to=2&asOf={AsOf}");
        page.Find("input#compare-show-all").Change(true);

        var text = string.Concat(page.Nodes.Select(n => n.TextContent));
        Assert.Contains("Financial reporting and revenue cycle", text, StringComparison.Ordinal);
        Assert.Contains("Renews automatically", text, StringComparison.Ordinal);
        foreach (var raw in new[] { "FinancialReporting", "FlatMonthly", "HumanResources", "ManagementServicesAgreement", "Amendment", "{\"", practice.Id.ToString() })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compliance_AFeeRaisedAboveTheFmvHigh_IsIntroducedInRed_AndGoingBackClearsItInGreen()
    {
        var (practice, msa) = await AmendedAsync();

        var page = Open(practice.Id, msa.Key, $"?from=1&to=2&asOf={AsOf}");
        var introduced = page.Find("#findings-introduced [data-code='FEE_ABOVE_FMV']");

        Assert.Contains("error", introduced.ClassName, StringComparison.Ordinal);
        Assert.Contains("$420,000 a year by its terms", introduced.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#findings-cleared .finding"));
        Assert.Contains("on 2026-11-29 under each version's terms", Text(page, "#compare-compliance-reading"), StringComparison.Ordinal);

        page.Find("#compare-swap").Click();

        page.WaitForAssertion(() => Assert.Contains("success", page.Find("#findings-cleared [data-code='FEE_ABOVE_FMV']").ClassName, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#findings-introduced .finding"));
        Assert.EndsWith("compare?from=2&to=1&asOf=2026-11-29", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_WithAVersionTheAgreementNeverHad_SaysSoAndShowsThePreviousAndCurrent()
    {
        var (practice, msa) = await AmendedAsync();

        var page = Open(practice.Id, msa.Key, "?from=7&to=2");

        Assert.Equal("There is no version 7: this agreement has versions 1 to 2. Showing version 1 and version 2.", Text(page, ".compare-notice"));
        Assert.StartsWith("Version 1 ", Text(page, "#compare-from-version .version-heading"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OfAnAgreementWithOneVersion_SaysThereIsNothingToCompare()
    {
        var dana = await AddUserAsync("Dana");
        var (workspace, _) = await AddWorkspaceAsync("Firm", dana, []);
        await SignInAsync(dana);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspace.Id, AgreementStatus.Executed, Complete);

        var page = Open(practice.Id, msa.Key, "");

        Assert.Contains("has one version only", Text(page, "#compare-single"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OfAPracticeOutsideTheMembersScope_IsNotFound()
    {
        var dana = await AddUserAsync("Dana");
        var viewer = await AddUserAsync("Vic");
        var (workspace, _) = await AddWorkspaceAsync("Firm", dana, ["Other Spa"], (viewer, MemberRole.Viewer, true));
        var (practice, msa) = await AddPracticeWithMsaAsync(workspace.Id, AgreementStatus.Executed, Complete);
        await SignInAsync(viewer);

        var page = Open(practice.Id, msa.Key, "?from=1&to=2");

        Assert.Contains("does not exist or is not shared with you", Text(page, "#compare-not-found"), StringComparison.Ordinal);
    }

    /// <summary>
    /// An executed MSA on <see cref="Complete"/> terms saved by Dana (an Owner, signed in), amended by her from
    /// <see cref="AmendedFrom"/> to $35,000 a month ($420,000 a year, above the FMV high) without Training, plus a courier service.
    /// </summary>
    private async Task<(Practice Practice, Agreement Msa)> AmendedAsync()
    {
        var dana = await AddUserAsync("Dana");
        var (workspace, _) = await AddWorkspaceAsync("Firm", dana, []);
        await SignInAsync(dana);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspace.Id, AgreementStatus.Executed, Complete);
        var store = Services.GetRequiredService<PracticeStore>();
        var snapshot = await store.LoadAsync(practice.Id);
        var amended = Complete with { FlatMonthly = 35_000m, Services = [.. Complete.Services.Where(s => s != ServiceLine.Training)], CustomServices = ["Courier"] };
        await store.ChangeAsync(practice.Id, snapshot!.Version, p => p.FindAgreement(msa.Id).Amend(amended, AmendedFrom, DateTimeOffset.UtcNow));
        return (practice, msa);
    }

    private bool _popovers;

    private IRenderedComponent<AgreementCompare> Open(Guid practiceId, string key, string query)
    {
        if (!_popovers)
        {
            Render<MudPopoverProvider>();
            _popovers = true;
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"practices/{practiceId}/agreements/{key}/compare{query}");
        var page = Render<AgreementCompare>(p => p.Add(c => c.PracticeId, practiceId).Add(c => c.Key, key));
        page.WaitForElement("#compare-heading, #compare-not-found");
        return page;
    }

    private static string Text(IRenderedComponent<AgreementCompare> page, string selector) =>
        string.Join(' ', page.Find(selector).TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The before and after words of the row labelled <paramref name="label"/>, without the chips under a list.</summary>
    private static (string Before, string After) Row(IRenderedComponent<AgreementCompare> page, string label)
    {
        var row = page.FindAll("#compare-changes tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == label);
        return (row.QuerySelector(".compare-before")!.TextContent.Trim(), row.QuerySelector(".compare-after")!.ChildNodes[0].TextContent.Trim());
    }

    private static Regex Heading(string start, string end) =>
        new($"^{Regex.Escape(start)}\\d{{4}}-\\d{{2}}-\\d{{2}} \\d{{2}}:\\d{{2}} UTC{Regex.Escape(end)}$");
}
