using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class OwnershipSectionTests : ComponentTest
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    public OwnershipSectionTests() => Services.AddSingleton<TimeProvider>(new FixedTime(Today));

    [Fact]
    public async Task CapTable_AsOfToday_ShowsTheStakesHeldAndTheirTotal()
    {
        var (practice, _) = await ArrangeAsync(MemberRole.Owner);

        var page = RenderOwnership(practice.Id);

        page.WaitForAssertion(() => Assert.Equal("100%", page.Find("#cap-total-glow-pc").TextContent.Trim()));
        var owners = page.FindAll("#cap-table-glow-pc tbody tr").Select(row => row.TextContent).ToList();
        Assert.Equal(2, owners.Count);
        Assert.Contains(owners, o => o.Contains("Dr. Dana Kim", StringComparison.Ordinal));
        Assert.DoesNotContain(owners, o => o.Contains("Dr. Alice Reed", StringComparison.Ordinal));
        Assert.Equal("50%", page.Find("#cap-total-glow-mso").TextContent.Trim());
    }

    [Fact]
    public async Task CapTable_OnTheDayAStakeEnds_LeavesItOutOfTheTotal()
    {
        var (practice, _) = await ArrangeAsync(MemberRole.Owner);
        var page = RenderOwnership(practice.Id);

        page.WaitForAssertion(() => page.Find("#ownership-as-of").Change("2024-12-31"));
        page.WaitForAssertion(() => Assert.Equal("100%", page.Find("#cap-total-glow-pc").TextContent.Trim()));
        Assert.Contains("Dr. Alice Reed", page.Find("#cap-table-glow-pc").TextContent, StringComparison.Ordinal);

        page.Find("#ownership-as-of").Change("2025-01-01");

        page.WaitForAssertion(() => Assert.Equal("40%", page.Find("#cap-total-glow-pc").TextContent.Trim()));
        Assert.DoesNotContain("Dr. Alice Reed", page.Find("#cap-table-glow-pc").TextContent, StringComparison.Ordinal);
        Assert.Contains("Only 40% owned on 2025-01-01", page.Find("#cap-warning-glow-pc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStake_OverOneHundredPercent_ShowsTheDomainRefusalAndSavesNothing()
    {
        var (practice, workspace) = await ArrangeAsync(MemberRole.Owner);
        var (page, dialogs, popovers) = RenderOwnershipWithDialogs(practice.Id);

        OpenAddStake(page, dialogs);
        PickOption(dialogs, popovers, "#stake-entity", "Glow Management LLC");
        PickOption(dialogs, popovers, "#stake-owner", "Sunrise Capital");
        dialogs.Find("#stake-percent").Change("60");
        dialogs.Find("#form-save").Click();

        // The domain names the percent, so its refusal shows at that field.
        dialogs.WaitForAssertion(() => Assert.Contains(
            "The stakes in Glow Management LLC would add up to 110% from the start; at most 100% can be owned on any date.",
            dialogs.Find("#stake-percent").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("#form-error"));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        var msoId = practice.Entities.Single(e => e.Key == "glow-mso").Id;
        Assert.Equal(50m, (await db.Set<OwnershipStake>().Where(s => s.EntityId == msoId).ToListAsync()).Sum(s => s.Percent.Value));
    }

    [Theory]
    [InlineData("100.5")]
    [InlineData("12.345")]
    [InlineData("0")]
    public async Task AddStake_BadPercent_ShowsTheValidatorMessageAtTheField(string percent)
    {
        var (practice, workspace) = await ArrangeAsync(MemberRole.Owner);
        var (page, dialogs, popovers) = RenderOwnershipWithDialogs(practice.Id);

        OpenAddStake(page, dialogs);
        PickOption(dialogs, popovers, "#stake-entity", "Glow Management LLC");
        PickOption(dialogs, popovers, "#stake-owner", "Sunrise Capital");
        dialogs.Find("#stake-percent").Change(percent);
        dialogs.Find("#form-save").Click();

        // The domain's own words for a stake's percentage, not a restatement of them.
        var message = Percentage.Validate(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), "Percent", allowZero: false);
        dialogs.WaitForAssertion(() => Assert.Contains(
            message!,
            dialogs.Find("#stake-percent").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("#form-error"));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        Assert.Equal(4, await db.Set<OwnershipStake>().CountAsync());
    }

    [Fact]
    public async Task AddStake_WithinOneHundredPercent_SavesTheStake()
    {
        var (practice, workspace) = await ArrangeAsync(MemberRole.Owner);
        var (page, dialogs, popovers) = RenderOwnershipWithDialogs(practice.Id);

        OpenAddStake(page, dialogs);
        PickOption(dialogs, popovers, "#stake-entity", "Glow Management LLC");
        PickOption(dialogs, popovers, "#stake-owner", "Sunrise Capital");
        dialogs.Find("#stake-percent").Change("12.5");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal("62.5%", page.Find("#cap-total-glow-mso").TextContent.Trim()));
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        Assert.Equal(5, await db.Set<OwnershipStake>().CountAsync());
    }

    [Fact]
    public async Task History_ListsEveryStakeOfTheEntityByFromDate()
    {
        var (practice, _) = await ArrangeAsync(MemberRole.Owner);
        var page = RenderOwnership(practice.Id);

        page.Find("#stake-history-panel-glow-pc .mud-expand-panel-header").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#stake-history-glow-pc tbody tr").Count));
        var rows = page.FindAll("#stake-history-glow-pc tbody tr").Select(row => row.TextContent).ToList();
        Assert.Contains("Dr. Alice Reed", rows[0], StringComparison.Ordinal);
        Assert.Contains("Ended", rows[0], StringComparison.Ordinal);
        Assert.Contains("Dr. Ben Ortiz", rows[1], StringComparison.Ordinal);
        Assert.Contains("Dr. Dana Kim", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferStake_OnTheAsOfDate_EndsTheStakeAndStartsTheNewOwners()
    {
        var (practice, workspace) = await ArrangeAsync(MemberRole.Owner);
        var (page, dialogs, popovers) = RenderOwnershipWithDialogs(practice.Id);

        page.Find("[aria-label=\"Transfer Dr. Ben Ortiz's 40% of Glow Medical PLLC\"]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#transfer-owner")));
        PickOption(dialogs, popovers, "#transfer-owner", "Dr. Alice Reed");
        dialogs.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Dr. Alice Reed", page.Find("#cap-table-glow-pc").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Dr. Ben Ortiz", page.Find("#cap-table-glow-pc").TextContent, StringComparison.Ordinal);
        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        var benId = practice.People.Single(p => p.Name == "Dr. Ben Ortiz").Id;
        var aliceId = practice.People.Single(p => p.Name == "Dr. Alice Reed").Id;
        var stakes = await db.Set<OwnershipStake>().ToListAsync();
        Assert.Equal(Today, stakes.Single(s => s.OwnerPersonId == benId).To);
        Assert.Contains(stakes, s => s.OwnerPersonId == aliceId && s.From == Today && s.To is null && s.Percent.Value == 40m);
    }

    [Fact]
    public async Task OwnershipSection_ForViewer_ShowsTheCapTablesWithoutEditing()
    {
        var (practice, _) = await ArrangeAsync(MemberRole.Viewer);

        var page = RenderOwnership(practice.Id);

        page.WaitForAssertion(() => Assert.Equal("100%", page.Find("#cap-total-glow-pc").TextContent.Trim()));
        Assert.Empty(page.FindAll("#add-stake"));
        Assert.Empty(page.FindAll("#add-organization"));
        Assert.Empty(page.FindAll("#cap-table-glow-pc button"));
    }

    /// <summary>
    /// A workspace whose practice has a PC (Alice 60% until 2025-01-01, Ben 40%, Dana 60% from
    /// 2025-02-01) and an MSO 50% owned by Carla, with Sunrise Capital as an organisation; signed in
    /// as a member in <paramref name="role"/>.
    /// </summary>
    private async Task<(Practice Practice, Workspace Workspace)> ArrangeAsync(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var member = role == MemberRole.Owner ? owner : await AddUserAsync("Vera");
        var (workspace, _) = role == MemberRole.Owner
            ? await AddWorkspaceAsync("Firm", owner, [])
            : await AddWorkspaceAsync("Firm", owner, [], (member, role, false));
        var practice = await AddPracticeAsync(workspace.Id, "Glow Med Spa", p =>
        {
            var pc = p.AddEntity("glow-pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("FL"), EntityStatus.Active));
            var mso = p.AddEntity("glow-mso", EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("FL"), EntityStatus.Active));
            var alice = p.AddPerson(null, new PersonDetails("Dr. Alice Reed"));
            var ben = p.AddPerson(null, new PersonDetails("Dr. Ben Ortiz"));
            var dana = p.AddPerson(null, new PersonDetails("Dr. Dana Kim"));
            var carla = p.AddPerson(null, new PersonDetails("Carla Diaz"));
            p.AddOrganization(null, "Sunrise Capital", OrganizationKind.InvestmentFund);
            p.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(alice.Id), Percentage.From(60, "Percent"), new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1)));
            p.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(ben.Id), Percentage.From(40, "Percent"), new DateOnly(2020, 1, 1)));
            p.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(dana.Id), Percentage.From(60, "Percent"), new DateOnly(2025, 2, 1)));
            p.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfPerson(carla.Id), Percentage.From(50, "Percent")));
        });
        await SignInAsync(member);
        return (practice, workspace);
    }

    private IRenderedComponent<PracticeView> RenderOwnership(Guid practiceId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"practices/{practiceId}?section=ownership");
        var page = Render<PracticeView>(p => p.Add(v => v.Id, practiceId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#cap-table-glow-pc")));
        return page;
    }

    private (IRenderedComponent<PracticeView> Page, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudPopoverProvider> Popovers) RenderOwnershipWithDialogs(Guid practiceId)
    {
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        return (RenderOwnership(practiceId), dialogs, popovers);
    }

    private static void OpenAddStake(IRenderedComponent<PracticeView> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        // Click, not ClickAsync: the handler awaits the dialog's result, which comes only when the dialog closes.
        page.Find("#add-stake").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#stake-percent")));
    }

    /// <summary>Opens a MudSelect in the dialog and clicks the option whose text starts with <paramref name="text"/>.</summary>
    private static void PickOption(IRenderedComponent<MudDialogProvider> dialogs, IRenderedComponent<MudPopoverProvider> popovers, string select, string text)
    {
        dialogs.Find(select).Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-list-item").First(item => item.TextContent.Trim().StartsWith(text, StringComparison.Ordinal)).Click());
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
