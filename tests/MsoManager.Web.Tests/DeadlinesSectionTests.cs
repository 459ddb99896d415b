using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MudBlazor;

namespace MsoManager.Web.Tests;

/// <summary>The practice's Deadlines tab: overdue first, then by date, each with its way to done.</summary>
public sealed class DeadlinesSectionTests : ComponentTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Tab_ListsOverdueFirstThenByDate_InWords_WithLinksToTheRecords()
    {
        var (_, practice) = await ArrangeAsync(MemberRole.Consultant);
        var (page, _) = OpenPractice(practice.Id, "deadlines");

        var rows = page.WaitForElements("#deadlines-table tbody tr.deadline-row");

        Assert.Equal(
            [
                "License expires|Overdue by 10 days|Dana Smith's MD license TX Q1234 expires",
                "Setup task due|In 5 days|Setup task due: Open the PC's bank account",
                "Annual report due|In 40 days|Glow Medical PLLC: annual report due in TX",
            ],
            rows.Select(r => $"{r.Children[2].TextContent.Trim()}|{r.QuerySelector(".deadline-when")!.TextContent.Trim()}|{r.QuerySelector(".deadline-title")!.TextContent.Trim()}"));
        Assert.Contains("deadline-overdue", rows[0].ClassName, StringComparison.Ordinal);
        var dana = practice.People.Single();
        Assert.Equal($"practices/{practice.Id}?section=people&record={dana.Id}", rows[0].QuerySelector("a.deadline-record")!.GetAttribute("href"));
        Assert.Equal("Renew the license", rows[0].QuerySelector("a.deadline-record")!.TextContent.Trim());
        Assert.Contains("3 deadlines, 1 overdue", page.Find("#deadlines-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkDone_ClosesTheTask_AndItLeavesTheList()
    {
        var (workspaceId, practice) = await ArrangeAsync(MemberRole.Consultant);
        var (page, _) = OpenPractice(practice.Id, "deadlines");

        page.WaitForElement("#deadlines-table .deadline-done").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Open the PC's bank account", page.Find("#deadlines-table").TextContent, StringComparison.Ordinal));
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        Assert.Equal(SetupTaskStatus.Done, (await db.Practices.Include(p => p.SetupTasks).AsNoTracking().SingleAsync()).SetupTasks.Single(t => t.Key == "bank").Status);
    }

    [Fact]
    public async Task AViewer_ReadsTheDeadlines_ButHasNoMarkDone()
    {
        var (_, practice) = await ArrangeAsync(MemberRole.Viewer);
        var (page, _) = OpenPractice(practice.Id, "deadlines");

        page.WaitForElements("#deadlines-table tbody tr.deadline-row");

        Assert.Empty(page.FindAll(".deadline-done"));
        Assert.Equal("Open the task list", page.FindAll("a.deadline-record")[1].TextContent.Trim());
    }

    [Fact]
    public async Task AShorterHorizon_LeavesOutWhatFallsDueLater_ButKeepsWhatIsOverdue()
    {
        var (_, practice) = await ArrangeAsync(MemberRole.Consultant);
        var (page, _) = OpenPractice(practice.Id, "deadlines");
        page.WaitForElements("#deadlines-table tbody tr.deadline-row");

        var horizon = page.FindComponent<MudSelect<int>>();
        await page.InvokeAsync(() => horizon.Instance.ValueChanged.InvokeAsync(30));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#deadlines-table tbody tr.deadline-row").Count));
        Assert.DoesNotContain("annual report", page.Find("#deadlines-table").TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// A Texas practice with: a license still active 10 days past its expiry (overdue), a task due in 5
    /// days, an annual report due in 40 days, last year's annual report (past, not overdue) and a done task.
    /// </summary>
    private async Task<(Guid WorkspaceId, Practice Practice)> ArrangeAsync(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var member = await AddUserAsync("Pat");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, [], (member, role, false));
        var report = Today.AddDays(40);
        var practice = await AddPracticeAsync(workspace.Id, "Glow Aesthetics", p =>
        {
            var dana = p.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
            p.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active, null, Today.AddDays(-10)));
            p.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active,
                AnnualReportDueMonth: report.Month, AnnualReportDueDay: report.Day));
            p.AddSetupTask("bank", new SetupTaskDetails(SetupPhase.Banking, "Open the PC's bank account", SetupTaskStatus.Todo, null, Today.AddDays(5)));
            p.AddSetupTask("ein", new SetupTaskDetails(SetupPhase.Banking, "Obtain the EIN", SetupTaskStatus.Done, null, Today.AddDays(2)));
        }, "TX");
        await SignInAsync(member);
        return (workspace.Id, practice);
    }
}
