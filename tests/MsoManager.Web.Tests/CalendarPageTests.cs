using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Deadlines;

namespace MsoManager.Web.Tests;

/// <summary>The workspace calendar: the practices in scope, list and month, filters in the address, overdue first.</summary>
public sealed class CalendarPageTests : ComponentTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ListView_ByDefault_ShowsTheNext30DaysOfEveryPracticeInScope_OverdueFirst()
    {
        await ArrangeAsync(MemberRole.Owner);

        var page = Open("calendar");

        var rows = page.WaitForElements("#calendar-table tbody tr.deadline-row");
        Assert.Equal(
            ["Alpha Spa|Overdue by 3 days", "Beta Spa|In 5 days", "Alpha Spa|In 10 days"],
            rows.Select(r => $"{r.Children[2].TextContent.Trim()}|{r.QuerySelector(".deadline-when")!.TextContent.Trim()}"));
        Assert.Contains("2 deadlines from", page.Find("#calendar-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 overdue", page.Find("#calendar-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScopedMember_SeesOnlyTheirPractices()
    {
        await ArrangeAsync(MemberRole.Consultant, firstPracticeOnly: true);

        var page = Open("calendar");

        var rows = page.WaitForElements("#calendar-table tbody tr.deadline-row");
        Assert.All(rows, r => Assert.Equal("Alpha Spa", r.Children[2].TextContent.Trim()));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task FiltersInTheAddress_NarrowTheList()
    {
        await ArrangeAsync(MemberRole.Owner);

        var byKind = Open($"calendar?kind={Domain.Deadlines.DeadlineKinds.SetupTaskDue}");
        Assert.Equal(["Beta Spa"], byKind.WaitForElements("#calendar-table tbody tr.deadline-row").Select(r => r.Children[2].TextContent.Trim()));
    }

    [Fact]
    public async Task FilterByPractice_InTheAddress_ShowsThatPracticeOnly()
    {
        var practices = await ArrangeAsync(MemberRole.Owner);

        var page = Open($"calendar?practice={practices[1].Id}");

        Assert.Equal(["Beta Spa"], page.WaitForElements("#calendar-table tbody tr.deadline-row").Select(r => r.Children[2].TextContent.Trim()));
    }

    [Fact]
    public async Task MonthView_PutsEachDeadlineOnItsDay_AndListsOverdueAbove()
    {
        await ArrangeAsync(MemberRole.Owner);
        var inTenDays = Today.AddDays(10);

        var page = Open($"calendar?view=month&month={inTenDays:yyyy-MM}");

        var day = page.WaitForElement($".calendar-day[data-date='{inTenDays:yyyy-MM-dd}']");
        Assert.Contains("License expires · Alpha Spa", day.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dana Smith's MD license", page.Find("#calendar-overdue").TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(inTenDays.Year, inTenDays.Month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            page.Find("#calendar-month-heading").TextContent.Trim());
    }

    /// <summary>
    /// Alpha Spa: a license 3 days past its expiry (overdue) and another expiring in 10 days; Beta Spa: a
    /// task due in 5 days. The signed-in member sees both, or Alpha only.
    /// </summary>
    private async Task<IReadOnlyList<Practice>> ArrangeAsync(MemberRole role, bool firstPracticeOnly = false)
    {
        var owner = await AddUserAsync("Olga");
        var member = role == MemberRole.Owner ? owner : await AddUserAsync("Pat");
        var (workspace, _) = role == MemberRole.Owner ? await AddWorkspaceAsync("Firm", owner, []) : await AddWorkspaceAsync("Firm", owner, [], (member, role, false));
        var alpha = await AddPracticeAsync(workspace.Id, "Alpha Spa", p =>
        {
            var dana = p.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
            p.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active, null, Today.AddDays(-3)));
            p.AddLicense(dana.Id, "md-fl", new LicenseDetails(LicenseType.MD, StateCode.From("FL"), "ME1", LicenseStatus.Active, null, Today.AddDays(10)));
        });
        var beta = await AddPracticeAsync(workspace.Id, "Beta Spa", p =>
            p.AddSetupTask("bank", new SetupTaskDetails(SetupPhase.Banking, "Open the bank account", SetupTaskStatus.Todo, null, Today.AddDays(5))));
        if (firstPracticeOnly)
        {
            await using var db = Contexts.CreateForWorkspace(workspace.Id);
            var stored = db.Workspaces.Single();
            await db.Entry(stored).Collection(w => w.Members).LoadAsync();
            stored.ChangeScope(stored.Members.Single(m => m.UserId == member.Id).Id, PracticeScope.Listed([alpha.Id]));
            await db.SaveChangesAsync();
        }

        await SignInAsync(member);
        return [alpha, beta];
    }

    private IRenderedComponent<CalendarPage> Open(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<CalendarPage>();
    }
}
