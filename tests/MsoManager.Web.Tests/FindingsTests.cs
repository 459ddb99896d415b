using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Features.Practices;
using MudBlazor;
using FindingSeverity = MsoManager.Domain.Compliance.Severity;

namespace MsoManager.Web.Tests;

/// <summary>The practice page's risk summary and Compliance tab, and the list's risk columns and filter.</summary>
public sealed class FindingsTests : ComponentTest
{
    private static readonly DateOnly Today = new(2030, 3, 15);

    public FindingsTests() =>
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));

    [Fact]
    public async Task ComplianceTab_GroupsFindingsBySeverity_HighFirst_WithCodeMessageAndRecommendation()
    {
        var (owner, practice) = await ArkansasPracticeAsync();
        await SignInAsync(owner);

        var page = RenderPractice($"practices/{practice.Id}?section=compliance", practice.Id);

        page.WaitForElement("#findings-high");
        var groups = page.FindAll("section[id^='findings-']").Select(s => s.Id).ToList();
        Assert.Equal(["findings-high", "findings-medium", "findings-info"], groups);
        var high = page.Find("#findings-high");
        Assert.Contains("MSA_MISSING", high.TextContent, StringComparison.Ordinal);
        Assert.Contains("OWNERSHIP_INCOMPLETE", high.TextContent, StringComparison.Ordinal);
        Assert.Contains("Recommendation:", high.QuerySelector(".finding-recommendation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not legal advice", page.Find("#findings-notice").TextContent, StringComparison.Ordinal);
        // The summary at the top of the page counts the same findings.
        var high2 = page.FindAll("#findings-high .finding").Count;
        Assert.Contains($"{high2} High", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);
        Assert.Contains($"Score {Math.Max(0, 100 - (25 * high2) - 10)}", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_LinksToItsRecord_WhichTheSectionOutlinesAndAnchors()
    {
        var (owner, practice) = await ArkansasPracticeAsync();
        await SignInAsync(owner);
        var page = RenderPractice($"practices/{practice.Id}?section=compliance", practice.Id);
        var mso = practice.Entities.Single(e => e.Kind == EntityKind.ManagementCompany);

        var link = page.WaitForElement("#findings-medium .finding-record");
        Assert.Equal(PracticeLinks.Record(practice.Id, "entities", mso.Id), link.GetAttribute("href"));

        Services.GetRequiredService<NavigationManager>().NavigateTo(link.GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Contains("record-focus", page.Find($"#{RecordFocus.Anchor(mso.Id)}").ParentElement!.ClassName, StringComparison.Ordinal));
        Assert.Contains("Glow Management LLC", page.Find(".record-focus").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll(".record-focus"));
    }

    [Fact]
    public async Task StateFinding_ListsTheStateSourcesAsExternalLinks_AndLinksToTheStateRules()
    {
        var (owner, practice) = await ArkansasPracticeAsync();
        await SignInAsync(owner);

        var page = RenderPractice($"practices/{practice.Id}?section=compliance", practice.Id);

        var info = page.WaitForElement("#findings-info .finding[data-code='STATE_RULES_UNVERIFIED']");
        Assert.Equal("state-rules#AR", info.QuerySelector(".finding-state-rules")!.GetAttribute("href"));
        var sources = info.QuerySelectorAll(".finding-sources a");
        Assert.NotEmpty(sources);
        Assert.All(sources, a =>
        {
            Assert.StartsWith("http", a.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener noreferrer", a.GetAttribute("rel"));
        });
        Assert.Empty(info.QuerySelectorAll(".finding-record"));
    }

    [Fact]
    public async Task AsOf_InTheAddress_EvaluatesThatDay_AndChangingItPutsTheNewDateInTheAddress()
    {
        var (owner, practice) = await ColoradoMsoOwnedFromJuneAsync();
        await SignInAsync(owner);

        var page = RenderPractice($"practices/{practice.Id}?section=compliance", practice.Id);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".finding[data-code='OWNERSHIP_INCOMPLETE']")));
        Assert.Contains("Risk on 2030-03-15", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);

        var picker = page.FindComponent<MudDatePicker>();
        await page.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2030, 7, 1)));

        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"practices/{practice.Id}?section=compliance&asOf=2030-07-01", navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".finding[data-code='OWNERSHIP_INCOMPLETE']")));
        Assert.Contains("Risk on 2030-07-01", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2030-02-30")]
    public async Task AsOf_TheEngineCannotUseInTheAddress_ShowsTodayWithANotice(string asOf)
    {
        var (owner, practice) = await ColoradoMsoOwnedFromJuneAsync();
        await SignInAsync(owner);

        var page = RenderPractice($"practices/{practice.Id}?section=compliance&asOf={asOf}", practice.Id);

        var notice = page.WaitForElement("#as-of-notice");
        Assert.Contains(Dates.RangeText, notice.TextContent, StringComparison.Ordinal);
        Assert.Contains(asOf, notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Risk on 2030-03-15", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll(".finding[data-code='OWNERSHIP_INCOMPLETE']"));
    }

    [Fact]
    public async Task PracticeWithoutFindings_SaysSoForTheDate()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        var practice = await AddPracticeAsync(workspace.Id, "Quiet Spa", _ => { }, "CO");
        await SignInAsync(owner);

        var page = RenderPractice($"practices/{practice.Id}?section=compliance&asOf=2030-01-02", practice.Id);

        var empty = page.WaitForElement("#no-findings");
        Assert.Contains("No findings on 2030-01-02", empty.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".finding"));
        Assert.Contains("Score 100", page.Find("#practice-risk").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAnEdit_RecomputesTheFindingsFromTheReloadedPractice()
    {
        var (owner, practice) = await ArkansasPracticeAsync();
        await SignInAsync(owner);
        var page = RenderPractice($"practices/{practice.Id}?section=compliance", practice.Id);
        page.WaitForElement("#findings-medium");
        var mso = practice.Entities.Single(e => e.Kind == EntityKind.ManagementCompany);

        // The same path every section's save takes: the editing context the page cascades.
        var editing = page.FindComponent<CascadingValue<PracticeEditing>>().Instance.Value!;
        var outcome = await page.InvokeAsync(() => editing.ApplyAsync(p =>
        {
            var fund = p.AddOrganization(null, "Sunrise Capital", OrganizationKind.InvestmentFund);
            p.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), Percentage.From(100, "Percent")));
        }, "Saved."));

        Assert.True(outcome.Succeeded, outcome.Message);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#findings-medium")));
        Assert.NotEmpty(page.FindAll("#findings-high"));
    }

    [Fact]
    public async Task PracticeList_ShowsStoredRiskAndFiltersBySeverity()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, practices) = await AddWorkspaceAsync("Firm", owner, ["Calm Spa", "Risky Spa", "Unseen Spa"]);
        await using (var db = Contexts.CreateForWorkspace(workspace.Id))
        {
            db.PracticeRisks.Add(PracticeRisk.For(workspace.Id, practices[0].Id, Report()));
            db.PracticeRisks.Add(PracticeRisk.For(workspace.Id, practices[1].Id, Report(FindingSeverity.High, FindingSeverity.Medium, FindingSeverity.Low)));
            await db.SaveChangesAsync();
        }

        await SignInAsync(owner);
        Render<MudPopoverProvider>();
        var page = Render<Practices>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#practices-table tbody tr").Count));
        var rows = page.FindAll("#practices-table tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("62", rows["Risky Spa"].QuerySelector(".practice-risk-score")!.TextContent.Trim());
        Assert.Equal(["1 High", "1 Medium", "1 Low"], rows["Risky Spa"].QuerySelectorAll(".practice-findings .mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("None", rows["Calm Spa"].QuerySelector(".practice-findings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not yet evaluated", rows["Unseen Spa"].QuerySelector(".practice-risk-score")!.TextContent.Trim());

        var filter = page.FindComponent<MudSelect<RiskFilter>>();
        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(RiskFilter.HasHigh));

        page.WaitForAssertion(() => Assert.Equal(["Risky Spa"], page.FindAll("#practices-table tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim())));
    }

    private static ComplianceReport Report(params FindingSeverity[] severities)
    {
        var findings = severities.Select(s => new Finding("TEST", s, SubjectType.State, "FL", null, "A test finding.", "None.")).ToList();
        return new ComplianceReport(Today, findings, RiskSummary.Of(findings));
    }

    /// <summary>An Arkansas practice (low-confidence state rules) with an active PC and MSO, no owners and no MSA.</summary>
    private async Task<(ApplicationUser Owner, Practice Practice)> ArkansasPracticeAsync()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        var practice = await AddPracticeAsync(workspace.Id, "Glow Spa", p =>
        {
            p.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("AR"), EntityStatus.Active));
            p.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("AR"), EntityStatus.Active));
        }, "AR");
        return (owner, practice);
    }

    /// <summary>A Colorado practice whose active MSO is owned by a fund only from 1 June 2030.</summary>
    private async Task<(ApplicationUser Owner, Practice Practice)> ColoradoMsoOwnedFromJuneAsync()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        var practice = await AddPracticeAsync(workspace.Id, "Peak Spa", p =>
        {
            var mso = p.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Peak Management LLC", EntityForm.LLC, StateCode.From("CO"), EntityStatus.Active));
            var fund = p.AddOrganization(null, "Sunrise Capital", OrganizationKind.InvestmentFund);
            p.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), Percentage.From(100, "Percent"), new DateOnly(2030, 6, 1)));
        }, "CO");
        return (owner, practice);
    }

    private IRenderedComponent<PracticeView> RenderPractice(string address, Guid practiceId)
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<PracticeView>(p => p.Add(v => v.Id, practiceId));
    }
}
