using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.StateRules;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class StateRulesPageTests : ComponentTest
{
    [Fact]
    public async Task Page_ListsEveryState_WithConfidences_SourcesAsLinks_AndTheNotice()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);

        var page = Render<StateRules>();

        page.WaitForAssertion(() => Assert.Equal(51, page.FindAll("#state-rules-table tbody tr").Count));
        var notice = page.Find("#state-rules-notice").TextContent;
        Assert.Contains("not legal advice", notice, StringComparison.Ordinal);
        Assert.Contains("compiled on 2026-11-29 from public secondary sources", notice, StringComparison.Ordinal);
        Assert.Contains("reviewed by counsel licensed in that state", notice, StringComparison.Ordinal);
        var california = RowOf(page, "California");
        Assert.Contains("Strict", california.TextContent, StringComparison.Ordinal);
        Assert.Contains("MD/DO majority (MD, DO, NP, PA, RN, DPM, DC); MD/DO at least 51%", california.TextContent, StringComparison.Ordinal);
        Assert.Contains("Allowed at FMV", california.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, california.QuerySelectorAll(".confidence-chip").Length);
        var links = california.QuerySelectorAll(".state-sources a");
        Assert.NotEmpty(links);
        Assert.All(links, a =>
        {
            Assert.StartsWith("http", a.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Contains("noopener", a.GetAttribute("rel"), StringComparison.Ordinal);
        });
        Assert.Empty(page.FindAll(".corrected-chip"));
    }

    [Fact]
    public async Task Search_ByNameOrCode_NarrowsTheList()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var page = Render<StateRules>();
        page.WaitForAssertion(() => Assert.Equal(51, page.FindAll("#state-rules-table tbody tr").Count));

        page.Find("#state-search").Input("new");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#state-rules-table tbody tr").Count));
        page.Find("#state-search").Input("tx");

        page.WaitForAssertion(() => Assert.Equal(["Texas"], page.FindAll("#state-rules-table tbody tr td strong").Select(s => s.TextContent)));
    }

    [Fact]
    public async Task Page_ForOwner_OffersCorrect_AndShowsACorrectionWithTheShippedValue()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var service = Services.GetRequiredService<StateRulesService>();
        var texas = (await service.ListAsync()).Rows.Single(r => r.Shipped.State.Value == "TX");
        var form = StateRuleCorrectionForm.From(texas.InForce, "Counsel memo of 2026-11-01");
        form.Cpom = CpomStrength.Moderate;
        await service.CorrectAsync(texas.Shipped.State, null, form);

        var page = Render<StateRules>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#correction-note-TX")));
        Assert.NotNull(page.Find("#correct-CA"));
        Assert.NotNull(page.Find("#revert-TX"));
        Assert.Empty(page.FindAll("#revert-CA"));
        var row = RowOf(page, "Texas");
        Assert.Contains("Moderate", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Shipped: Strict (high confidence)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("by Olga on", page.Find("#correction-note-TX").TextContent, StringComparison.Ordinal);
        Assert.Contains("Counsel memo of 2026-11-01", page.Find("#correction-note-TX").TextContent, StringComparison.Ordinal);
        Assert.Single(row.QuerySelectorAll(".corrected-chip"));
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task Page_ForOtherRoles_HasNoEditActions(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var other = await AddUserAsync("Pat");
        await AddWorkspaceAsync("Firm", owner, ["Spa"], (other, role, false));
        await SignInAsync(other);

        var page = Render<StateRules>();

        page.WaitForAssertion(() => Assert.Equal(51, page.FindAll("#state-rules-table tbody tr").Count));
        Assert.Empty(page.FindAll("[id^='correct-']"));
        Assert.Empty(page.FindAll("[id^='revert-']"));
        Assert.NotNull(page.Find("#details-TX"));
    }

    [Fact]
    public async Task CorrectionDialog_WithoutReason_ShowsTheMessageAtTheField_AndWritesNothing()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var provider = Render<MudDialogProvider>();
        var page = Render<StateRules>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#correct-TX")));

        page.Find("#correct-TX").Click();
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#form-save")));
        provider.Find("#form-save").Click();

        provider.WaitForAssertion(() => Assert.Contains("Reason is required", provider.Markup, StringComparison.Ordinal));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        Assert.Empty(await db.StateRuleCorrections.ToListAsync());
    }

    [Fact]
    public async Task Details_ShowTheSourcedWording()
    {
        var owner = await AddUserAsync("Olga");
        await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var page = Render<StateRules>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#details-AK")));

        page.Find("#details-AK").Click();

        page.WaitForAssertion(() => Assert.Contains("Alaska Professional Corporation Act", page.Find("#state-details-AK").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", page.Find("#details-AK").GetAttribute("aria-expanded"));
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<StateRules> page, string stateName) =>
        page.FindAll("#state-rules-table tbody tr").Single(r => r.QuerySelector("td strong")?.TextContent == stateName);
}
