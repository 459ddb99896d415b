using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;

namespace MsoManager.IntegrationTests;

/// <summary>The stored practice risk on PostgreSQL: written with every save, refreshed when stale, listed, filtered and sorted, per workspace.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeRiskTests(PostgresFixture postgres) : TestApp(postgres)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task SavingAPractice_RewritesItsStoredRiskInTheSameSave_WithoutAuditingIt()
    {
        var (owner, workspace) = await OwnerWithWorkspaceAsync();
        await using var signedIn = await SignInAsync(owner);
        var store = signedIn.Get<PracticeStore>();
        var compliance = signedIn.Get<ComplianceService>();

        var id = await store.CreateAsync("Glow", StateCode.From("TX"), PracticeStatus.Planning, null);
        var created = await StoredRiskAsync(workspace.Id, id);
        Assert.Equal(Today, created.EvaluatedOn);
        Assert.Equal((await compliance.EvaluateAsync(id))!.Risk, created.Summary);

        // An active management company that nobody owns: OWNERSHIP_INCOMPLETE at least.
        var snapshot = (await store.LoadAsync(id))!;
        await store.ChangeAsync(id, snapshot.Version, p => p.AddEntity("mso", EntityKind.ManagementCompany,
            new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active)));

        var changed = await StoredRiskAsync(workspace.Id, id);
        var expected = (await compliance.EvaluateAsync(id))!.Risk;
        Assert.Equal(expected, changed.Summary);
        Assert.True(changed.High + changed.Medium > 0, "An unowned active MSO should have a finding.");
        Assert.True(changed.Score < created.Score);
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        Assert.DoesNotContain(nameof(PracticeRisk), await db.AuditEvents.Select(e => e.RecordType).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Refresher_EvaluatesMissingAndStaleRows_AndLeavesCurrentOnesAlone()
    {
        var (owner, workspace) = await OwnerWithWorkspaceAsync("Missing A", "Missing B");
        Guid staleId;
        await using (var signedIn = await SignInAsync(owner))
        {
            staleId = await signedIn.Get<PracticeStore>().CreateAsync("Stale", StateCode.From("FL"), PracticeStatus.Operating, null);
        }

        await using (var db = Contexts().CreateForWorkspace(workspace.Id))
        {
            await db.PracticeRisks.Where(r => r.PracticeId == staleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.EvaluatedOn, Today.AddDays(-1)));
        }

        var refresher = Host.Services.GetRequiredService<PracticeRiskRefresher>();
        var first = await refresher.RefreshStaleAsync();
        var second = await refresher.RefreshStaleAsync();

        await using var check = Contexts().CreateForWorkspace(workspace.Id);
        var rows = await check.PracticeRisks.ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Today, r.EvaluatedOn));
        Assert.True(first.Practices >= 1, "The stale row was not refreshed.");
        Assert.Equal(0, second.Practices);
    }

    [Fact]
    public async Task MarkWorkspaceStale_MarksOnlyThatWorkspace_AndTheBackgroundPassRefreshesIt()
    {
        var (_, a) = await OwnerWithWorkspaceAsync("A1", "A2");
        var (_, b) = await OwnerWithWorkspaceAsync("B1");
        var refresher = Host.Services.GetRequiredService<PracticeRiskRefresher>();
        await refresher.RefreshStaleAsync();
        await using (var db = Contexts().CreateForWorkspace(b.Id))
        {
            // Yesterday's row in B must stay as it is: marking A stale is no reason to touch B.
            await db.PracticeRisks.ExecuteUpdateAsync(s => s.SetProperty(r => r.Score, 42));
        }

        Assert.Equal(2, await refresher.MarkWorkspaceStaleAsync(a.Id));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<DateOnly> datesInA;
        do
        {
            await Task.Delay(100);
            await using var db = Contexts().CreateForWorkspace(a.Id);
            datesInA = await db.PracticeRisks.Select(r => r.EvaluatedOn).ToListAsync();
        }
        while (datesInA.Any(d => d != Today) && DateTime.UtcNow < deadline);

        Assert.Equal([Today, Today], datesInA);
        await using var inB = Contexts().CreateForWorkspace(b.Id);
        Assert.Equal(42, (await inB.PracticeRisks.SingleAsync()).Score);
    }

    [Fact]
    public async Task PracticeList_FiltersBySeverity_AndSortsByScore_NotEvaluatedLast()
    {
        var (owner, workspace) = await OwnerWithWorkspaceAsync("Clean", "Info only", "Low", "Medium", "High", "Not evaluated");
        await StoreRisksAsync(workspace.Id, new()
        {
            ["Clean"] = [],
            ["Info only"] = [Severity.Info],
            ["Low"] = [Severity.Low, Severity.Info],
            ["Medium"] = [Severity.Medium],
            ["High"] = [Severity.High, Severity.Low],
        });
        await using var signedIn = await SignInAsync(owner);
        var list = signedIn.Get<PracticeList>();

        async Task<IEnumerable<string>> Names(PracticeQuery query) => (await list.LoadAsync(query)).Items.Select(r => r.Name);

        Assert.Equal(["High"], await Names(new PracticeQuery(0, 25, Risk: RiskFilter.HasHigh)));
        Assert.Equal(["High", "Medium"], await Names(new PracticeQuery(0, 25, Risk: RiskFilter.MediumOrWorse)));
        Assert.Equal(["High", "Info only", "Low", "Medium"], await Names(new PracticeQuery(0, 25, Risk: RiskFilter.AnyFinding)));
        Assert.Equal(4, (await list.LoadAsync(new PracticeQuery(0, 2, Risk: RiskFilter.AnyFinding))).TotalCount);
        Assert.Equal(["High", "Medium", "Low", "Clean", "Info only", "Not evaluated"], await Names(new PracticeQuery(0, 25, PracticeSort.RiskScore)));
        Assert.Equal(["Clean", "Info only", "Low", "Medium", "High", "Not evaluated"], await Names(new PracticeQuery(0, 25, PracticeSort.RiskScore, Descending: true)));

        var rows = (await list.LoadAsync(new PracticeQuery(0, 25))).Items.ToDictionary(r => r.Name);
        Assert.Equal(new RiskSummary(72, 1, 0, 1, 0), rows["High"].Risk);
        Assert.Null(rows["Not evaluated"].Risk);
    }

    [Fact]
    public async Task StoredRisks_OfAnotherWorkspace_AreNeitherListedNorRead()
    {
        var (_, a) = await OwnerWithWorkspaceAsync("Risky A");
        var (ownerB, b) = await OwnerWithWorkspaceAsync("Calm B");
        await StoreRisksAsync(a.Id, new() { ["Risky A"] = [Severity.High] });
        await StoreRisksAsync(b.Id, new() { ["Calm B"] = [] });
        Guid riskyId;
        await using (var db = Contexts().CreateForWorkspace(a.Id))
        {
            riskyId = await db.Practices.Select(p => p.Id).SingleAsync();
        }

        await using var signedIn = await SignInAsync(ownerB);
        Assert.Empty((await signedIn.Get<PracticeList>().LoadAsync(new PracticeQuery(0, 25, Risk: RiskFilter.HasHigh))).Items);
        Assert.Empty(await signedIn.Get<IPracticeRiskReader>().ReadAsync(b.Id, [riskyId]));
        await using var inB = Contexts().CreateForWorkspace(b.Id);
        Assert.Equal(1, await inB.PracticeRisks.CountAsync());
    }

    [Fact]
    public async Task RiskReader_ReadsStoredRows_AndEvaluatesMissingOnesOnTheSpot()
    {
        var (owner, workspace) = await OwnerWithWorkspaceAsync("Stored", "Missing");
        await StoreRisksAsync(workspace.Id, new() { ["Stored"] = [Severity.High, Severity.High] });
        await using var signedIn = await SignInAsync(owner);
        Dictionary<string, Guid> ids;
        await using (var db = Contexts().CreateForWorkspace(workspace.Id))
        {
            ids = await db.Practices.ToDictionaryAsync(p => p.Name, p => p.Id);
        }

        var risks = await signedIn.Get<IPracticeRiskReader>().ReadAsync(workspace.Id, ids.Values.ToList());

        Assert.Equal(new RiskSummary(50, 2, 0, 0, 0), risks[ids["Stored"]]);
        Assert.Equal((await signedIn.Get<ComplianceService>().EvaluateAsync(ids["Missing"]))!.Risk, risks[ids["Missing"]]);
    }

    private TenantDbContextFactory Contexts() => Host.Services.CreateScope().ServiceProvider.GetRequiredService<TenantDbContextFactory>();

    private async Task<(ApplicationUser Owner, Workspace Workspace)> OwnerWithWorkspaceAsync(params string[] practices)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await CreateUserAsync($"owner-{tag}@x.test");
        return (owner, await CreateWorkspaceAsync($"Workspace {tag}", owner, practices));
    }

    /// <summary>Stores, as today's risk of each named practice, the summary of findings of the given severities.</summary>
    private async Task StoreRisksAsync(Guid workspaceId, Dictionary<string, Severity[]> risks)
    {
        await using var db = Contexts().CreateForWorkspace(workspaceId);
        var practices = await db.Practices.ToDictionaryAsync(p => p.Name, p => p.Id);
        foreach (var (name, severities) in risks)
        {
            var findings = severities.Select(s => new Finding("TEST", s, SubjectType.State, "TX", null, "A test finding.", "None.")).ToList();
            db.PracticeRisks.Add(PracticeRisk.For(workspaceId, practices[name], new ComplianceReport(Today, findings, RiskSummary.Of(findings))));
        }

        await db.SaveChangesAsync();
    }

    private async Task<PracticeRisk> StoredRiskAsync(Guid workspaceId, Guid practiceId)
    {
        await using var db = Contexts().CreateForWorkspace(workspaceId);
        return await db.PracticeRisks.AsNoTracking().SingleAsync(r => r.PracticeId == practiceId);
    }
}
