using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.Tenancy;
using Npgsql;

namespace MsoManager.IntegrationTests;

/// <summary>The audit trail: written by the interceptor, append only in PostgreSQL, and tamper-evident.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Fact]
    public async Task Changes_AreRecordedWithWhoWhatAndBeforeAfter_InAnIntactChain()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        var actor = new AuditActor("user-42", "dana@x.test");
        await using (var db = contexts.CreateForWorkspace(workspace.Id, actor))
        {
            db.Practices.Add(Practice.Create(workspace.Id, "Glow", StateCode.From("TX"), PracticeStatus.Planning, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using (var db = contexts.CreateForWorkspace(workspace.Id, actor))
        {
            var practice = await db.Practices.SingleAsync();
            practice.UpdateDetails("Glow Aesthetics", practice.PrimaryState, PracticeStatus.Operating, null);
            await db.SaveChangesAsync();
        }

        await using var check = contexts.CreateForWorkspace(workspace.Id);
        var events = await check.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        var changed = events.Last();
        Assert.Equal((AuditAction.Changed, "Practice", "user-42", "dana@x.test"), (changed.Action, changed.RecordType, changed.UserId, changed.UserName));
        Assert.Contains("\"Name\":\"Glow\"", changed.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Glow Aesthetics\"", changed.After, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Operating\"", changed.After, StringComparison.Ordinal);
        Assert.DoesNotContain("PrimaryState", changed.After, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.True((await AuditTrail.VerifyAsync(check)).IsIntact);
    }

    [Fact]
    public async Task Simultaneous_saves_in_one_workspace_all_land_in_one_intact_chain()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        const int Saves = 24;

        // Each save reads the chain's end before writing, so simultaneous saves race for the next sequence number.
        await Task.WhenAll(Enumerable.Range(0, Saves).Select(i => Task.Run(async () =>
        {
            await using var db = contexts.CreateForWorkspace(workspace.Id, new AuditActor($"user-{i}", null));
            db.Practices.Add(Practice.Create(workspace.Id, $"Practice {i}", StateCode.From("TX"), PracticeStatus.Planning, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        })));

        await using var check = contexts.CreateForWorkspace(workspace.Id);
        Assert.Equal(Saves, await check.Practices.CountAsync());
        var created = await check.AuditEvents.Where(e => e.RecordType == "Practice").Select(e => e.UserId).ToListAsync();
        Assert.Equal(Enumerable.Range(0, Saves).Select(i => $"user-{i}").Order(), created.Order());
        Assert.True((await AuditTrail.VerifyAsync(check)).IsIntact);
    }

    [Fact]
    public async Task UpdateOrDeleteOfAnAuditEvent_IsRefusedByPostgres()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        await using var db = contexts.CreateForWorkspace(workspace.Id);

        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"UserName\" = 'someone else'"));
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
        Assert.NotEmpty(await db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task Verify_AfterARowWasTampered_ReportsWhereTheChainBreaks()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        await AddPracticesAsync(contexts, workspace, "One", "Two", "Three");
        await using var db = contexts.CreateForWorkspace(workspace.Id);
        var target = (await db.AuditEvents.SingleAsync(e => e.RecordType == "Practice" && e.After!.Contains("\"Two\""))).Sequence;

        // A database superuser can still switch the trigger off; the hash chain is what catches it.
        await WithoutAppendOnlyTriggerAsync(db, () => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEvents\" SET \"After\" = replace(\"After\", 'Two', 'Tw0') WHERE \"WorkspaceId\" = {workspace.Id} AND \"Sequence\" = {target}"));

        var report = await AuditTrail.VerifyAsync(db);

        Assert.False(report.IsIntact);
        Assert.Equal(target, report.BrokenAtSequence);
        Assert.Contains("changed after it was written", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARowWasDeleted_ReportsTheGap()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        await AddPracticesAsync(contexts, workspace, "One", "Two");
        await using var db = contexts.CreateForWorkspace(workspace.Id);

        await WithoutAppendOnlyTriggerAsync(db, () => db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"AuditEvents\" WHERE \"WorkspaceId\" = {workspace.Id} AND \"Sequence\" = 2"));

        var report = await AuditTrail.VerifyAsync(db);

        Assert.Equal(3, report.BrokenAtSequence);
        Assert.Contains("missing", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrittenDownHead_AfterTheChainWasRewrittenFromAnEarlierEvent_NoLongerMatches_ThoughTheChainVerifies()
    {
        var (workspace, contexts) = await NewWorkspaceAsync();
        await AddPracticesAsync(contexts, workspace, "One", "Two", "Three");
        await using var db = contexts.CreateForWorkspace(workspace.Id);
        var head = (await AuditTrail.VerifyAsync(db)).Head!;
        Assert.True(await AuditTrail.StillHasAsync(db, head));
        Assert.Null(await AuditTrail.StillHasAsync(db, head with { Sequence = head.Sequence + 1 }));

        // Someone able to rewrite the table changes an event and recomputes every hash after it.
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var from = events.FindIndex(e => e.RecordType == "Practice" && e.After!.Contains("\"Two\"", StringComparison.Ordinal));
        var previous = events[from - 1].Hash;
        foreach (var original in events.Skip(from))
        {
            var after = original.After!.Replace("\"Two\"", "\"Tw0\"", StringComparison.Ordinal);
            var rewritten = AuditEvent.Record(workspace.Id, original.Sequence, previous, original.OccurredAt, original.UserId, original.UserName,
                original.Action, original.RecordType, original.RecordId, original.PracticeId, original.Before, after);
            await WithoutAppendOnlyTriggerAsync(db, () => db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"After\" = {after}, \"PreviousHash\" = {previous}, \"Hash\" = {rewritten.Hash} WHERE \"WorkspaceId\" = {workspace.Id} AND \"Sequence\" = {original.Sequence}"));
            previous = rewritten.Hash;
        }

        Assert.True((await AuditTrail.VerifyAsync(db)).IsIntact);
        Assert.False(await AuditTrail.StillHasAsync(db, head));
    }

    /// <summary>What only a database superuser can do: switch the append-only trigger off around a change.</summary>
    private static async Task WithoutAppendOnlyTriggerAsync(AppDbContext db, Func<Task<int>> tamper)
    {
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER");
        try
        {
            Assert.Equal(1, await tamper());
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEvents\" ENABLE TRIGGER USER");
        }
    }

    private async Task<(Workspace Workspace, TenantDbContextFactory Contexts)> NewWorkspaceAsync()
    {
        var owner = await CreateUserAsync($"audit-{Guid.NewGuid():N}@x.test");
        var workspace = await CreateWorkspaceAsync("Audited", owner);
        var contexts = Host.Services.CreateScope().ServiceProvider.GetRequiredService<TenantDbContextFactory>();
        return (workspace, contexts);
    }

    private static async Task AddPracticesAsync(TenantDbContextFactory contexts, Workspace workspace, params string[] names)
    {
        foreach (var name in names)
        {
            await using var db = contexts.CreateForWorkspace(workspace.Id);
            db.Practices.Add(Practice.Create(workspace.Id, name, StateCode.From("TX"), PracticeStatus.Planning, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }
}
