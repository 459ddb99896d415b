using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Compliance;

/// <summary>What one refresh pass did.</summary>
public sealed record RiskRefreshResult(int Workspaces, int Practices, TimeSpan Duration);

/// <summary>
/// Keeps the stored <see cref="Domain.Compliance.PracticeRisk"/> rows current when no one edits the
/// practice: findings depend on the date (a license expires, an FMV opinion ages) and on the state
/// rules. At start, every hour (so soon after each workspace's own midnight) and whenever a workspace is marked stale, it re-evaluates
/// every practice whose row is missing or older than its workspace's today, in batches per workspace.
/// </summary>
public sealed class PracticeRiskRefresher(IServiceScopeFactory scopes, TimeProvider time, ILogger<PracticeRiskRefresher> logger) : BackgroundService
{
    /// <summary>Practices loaded and evaluated per save: bounded memory whatever the workspace's size.</summary>
    public const int BatchSize = 100;

    private const int MaxFailedBatches = 3;

    // One pass at a time, whether from the schedule, a stale mark or a caller.
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>
    /// Marks every stored risk of the workspace stale (for example after a correction of its state
    /// rules) and wakes the background refresh; readers evaluate stale practices on the spot meanwhile.
    /// Returns the number of rows marked.
    /// </summary>
    public async Task<int> MarkWorkspaceStaleAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspaceId);
        int marked;
        await using (var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken))
        {
            marked = await db.PracticeRisks.ExecuteUpdateAsync(s => s.SetProperty(r => r.EvaluatedOn, DateOnly.MinValue), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Marked the risk of {Count} practices stale in workspace {WorkspaceId}", marked, workspaceId);
        Wake();
        return marked;
    }

    /// <summary>Asks the background loop for a pass now.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Re-evaluates, as of today, every practice with no risk row or one evaluated before today.</summary>
    public async Task<RiskRefreshResult> RefreshStaleAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var contexts = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>();
            var stateRules = scope.ServiceProvider.GetRequiredService<IStateRuleSource>();
            List<(Guid Id, string TimeZone)> workspaceZones;
            await using (var db = contexts.CreateWithoutWorkspace())
            {
                workspaceZones = [.. (await db.Workspaces.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]).Select(w => new { w.Id, w.TimeZone }).ToListAsync(cancellationToken))
                    .Select(w => (w.Id, w.TimeZone))];
            }

            var now = time.GetUtcNow();
            int workspaces = 0, practices = 0;
            foreach (var (workspaceId, zone) in workspaceZones)
            {
                // Each workspace's own today (WorkspaceTimeZone): its practices are stale from its midnight on.
                var refreshed = await RefreshWorkspaceAsync(contexts, stateRules, workspaceId, WorkspaceTimeZone.Today(zone, now), cancellationToken);
                workspaces += refreshed > 0 ? 1 : 0;
                practices += refreshed;
            }

            var result = new RiskRefreshResult(workspaces, practices, Stopwatch.GetElapsedTime(started));
            logger.LogInformation(
                "Refreshed the risk of {PracticeCount} practices in {WorkspaceCount} workspaces, each as of its own today, in {ElapsedMs:0} ms",
                result.Practices, result.Workspaces, result.Duration.TotalMilliseconds);
            return result;
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshStaleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries; readers evaluate stale practices on the spot meanwhile.
                logger.LogError(ex, "Refreshing the stored practice risks failed");
            }

            await WaitForNextPassAsync(stoppingToken);
        }
    }

    private async Task WaitForNextPassAsync(CancellationToken stoppingToken)
    {
        // Hourly: a workspace's midnight falls on some hour of UTC (time zones with half-hour offsets wait at most 30 minutes more; readers evaluate stale practices meanwhile).
        var now = time.GetUtcNow();
        var nextHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        using var timeout = new CancellationTokenSource(nextHour - now + TimeSpan.FromSeconds(1), time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The hour turned: time for the next pass.
        }
    }

    private async Task<int> RefreshWorkspaceAsync(
        TenantDbContextFactory contexts, IStateRuleSource stateRules, Guid workspaceId, DateOnly today, CancellationToken cancellationToken)
    {
        var book = await stateRules.GetBookAsync(workspaceId, cancellationToken);
        int refreshed = 0, failed = 0;
        while (failed < MaxFailedBatches)
        {
            await using var db = contexts.CreateForWorkspace(workspaceId);

            // Under the workspace's write lock, as saves write these rows: a batch reads the practices and their
            // rows after every earlier save has committed, so it never writes an older picture over a newer one.
            await using var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken);
            var ids = await db.Practices
                .Where(p => !db.PracticeRisks.Any(r => r.PracticeId == p.Id && r.EvaluatedOn >= today))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var practices = await db.Practices.Where(p => ids.Contains(p.Id)).WithStructure().AsNoTracking().ToListAsync(cancellationToken);
            await PracticeRiskRecords.RecordAsync(db, practices, today, book, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                refreshed += practices.Count;
            }
            catch (DbUpdateException ex)
            {
                failed++;
                logger.LogWarning(ex, "A batch of practice risks in workspace {WorkspaceId} could not be written; retrying", workspaceId);
            }
        }

        return refreshed;
    }
}
