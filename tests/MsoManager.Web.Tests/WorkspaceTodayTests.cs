using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Workspaces;
using MudBlazor;

namespace MsoManager.Web.Tests;

/// <summary>
/// One "today" per workspace (its time zone): late evening in Chicago is already tomorrow in UTC, and
/// every tab of the practice reads Chicago's date; an Owner changes the zone on the Members page.
/// </summary>
public sealed class WorkspaceTodayTests : ComponentTest
{
    // 2030-03-16 03:30 UTC is 2030-03-15 21:30 in Chicago.
    private static readonly DateTimeOffset Now = new(2030, 3, 16, 3, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly ChicagoToday = new(2030, 3, 15);

    public WorkspaceTodayTests() => Services.AddSingleton<TimeProvider>(new FixedClock(Now));

    [Fact]
    public async Task NearMidnight_EveryTabReadsTheWorkspacesDate_NotUtcs()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SetTimeZoneAsync(workspace.Id, "America/Chicago");
        var practice = await AddPracticeAsync(workspace.Id, "Glow Aesthetics", p =>
        {
            var dana = p.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
            p.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active, null, ChicagoToday));
        }, "TX");
        await SignInAsync(owner);

        var (people, _) = OpenPractice(practice.Id, "people");
        people.WaitForAssertion(() => Assert.Equal("Expires today", people.Find(".license-standing").TextContent.Trim())); // In UTC: "Not in force: expired".
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"practices/{practice.Id}?section=deadlines");
        var deadlines = people;

        deadlines.WaitForAssertion(() => Assert.Equal("Today", deadlines.Find("#deadlines-table .deadline-when").TextContent.Trim()));
        Assert.Contains("today is 2030-03-15 (America/Chicago)", deadlines.Find("#deadlines-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal(ChicagoToday, Services.GetRequiredService<WorkspaceClock>().Today);
    }

    [Fact]
    public async Task AnOwner_ChangesTheTimeZoneOnTheMembersPage_AndTodayFollows()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        var clock = Services.GetRequiredService<WorkspaceClock>();
        Assert.Equal(new DateOnly(2030, 3, 16), clock.Today);
        var page = Render<Members>();
        page.WaitForAssertion(() => Assert.Contains("Coordinated Universal Time (UTC)", page.Find("#workspace-time-zone").GetAttribute("value") ?? page.Markup, StringComparison.Ordinal));

        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("America/Chicago"));

        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        page.WaitForAssertion(() => Assert.Equal("America/Chicago", db.Workspaces.AsNoTracking().Single().TimeZone));
        Assert.Equal(ChicagoToday, clock.Today);
    }

    private async Task SetTimeZoneAsync(Guid workspaceId, string zone)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var workspace = await db.Workspaces.SingleAsync();
        workspace.ChangeTimeZone(zone);
        await db.SaveChangesAsync();
    }
}
