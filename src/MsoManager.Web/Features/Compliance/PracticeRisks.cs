using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Compliance;

/// <summary>The risk summaries of a page of practices, for the portfolio (UI list and API).</summary>
public interface IPracticeRiskReader
{
    /// <summary>
    /// The current risk of each practice of <paramref name="practiceIds"/> in the workspace; the caller
    /// has already narrowed the ids to the member's scope.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, RiskSummary>> ReadAsync(Guid workspaceId, IReadOnlyCollection<Guid> practiceIds, CancellationToken cancellationToken = default);
}

/// <summary>Evaluates the page's practices as stored, today, against the workspace's state rules.</summary>
public sealed class EvaluatedPracticeRisks(TenantDbContextFactory contexts, IStateRuleSource stateRules, WorkspaceClock clock) : IPracticeRiskReader
{
    public async Task<IReadOnlyDictionary<Guid, RiskSummary>> ReadAsync(Guid workspaceId, IReadOnlyCollection<Guid> practiceIds, CancellationToken cancellationToken = default)
    {
        var book = await stateRules.GetBookAsync(workspaceId, cancellationToken);
        await using var db = contexts.CreateForWorkspace(workspaceId);
        await using var snapshot = await db.BeginSnapshotReadAsync(cancellationToken);
        var practices = await db.Practices.Where(p => practiceIds.Contains(p.Id)).WithStructure().AsNoTracking().ToListAsync(cancellationToken);
        var today = await clock.TodayInAsync(workspaceId, cancellationToken);
        return practices.ToDictionary(p => p.Id, p => ComplianceEngine.Evaluate(p, today, book).Risk);
    }
}

/// <summary>
/// Reads the stored <see cref="PracticeRisk"/> rows; the few practices whose row is missing or stale
/// (not yet refreshed today) are evaluated on the spot, so a reader never sees yesterday's picture.
/// </summary>
public sealed class StoredPracticeRisks(TenantDbContextFactory contexts, EvaluatedPracticeRisks evaluated, WorkspaceClock clock) : IPracticeRiskReader
{
    public async Task<IReadOnlyDictionary<Guid, RiskSummary>> ReadAsync(Guid workspaceId, IReadOnlyCollection<Guid> practiceIds, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayInAsync(workspaceId, cancellationToken);
        Dictionary<Guid, RiskSummary> risks;
        await using (var db = contexts.CreateForWorkspace(workspaceId))
        {
            risks = await db.PracticeRisks.AsNoTracking()
                .Where(r => practiceIds.Contains(r.PracticeId) && r.EvaluatedOn >= today)
                .Select(r => new { r.PracticeId, r.Score, r.High, r.Medium, r.Low, r.Info })
                .ToDictionaryAsync(r => r.PracticeId, r => new RiskSummary(r.Score, r.High, r.Medium, r.Low, r.Info), cancellationToken);
        }

        var missing = practiceIds.Where(id => !risks.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, risk) in await evaluated.ReadAsync(workspaceId, missing, cancellationToken))
            {
                risks[id] = risk;
            }
        }

        return risks;
    }
}

/// <summary>Writes evaluations into <see cref="PracticeRisk"/> rows: the one upsert used by saves and the refresher.</summary>
internal static class PracticeRiskRecords
{
    /// <summary>Evaluates <paramref name="practices"/> as of <paramref name="asOf"/> and adds or updates their rows in <paramref name="db"/> (saved by the caller).</summary>
    public static async Task RecordAsync(AppDbContext db, IReadOnlyCollection<Practice> practices, DateOnly asOf, StateRuleBook book, CancellationToken cancellationToken)
    {
        var ids = practices.Select(p => p.Id).ToList();
        var rows = await db.PracticeRisks.Where(r => ids.Contains(r.PracticeId)).ToDictionaryAsync(r => r.PracticeId, cancellationToken);
        foreach (var practice in practices)
        {
            var report = ComplianceEngine.Evaluate(practice, asOf, book);
            if (rows.TryGetValue(practice.Id, out var row))
            {
                row.Record(report);
            }
            else
            {
                db.PracticeRisks.Add(PracticeRisk.For(practice.WorkspaceId, practice.Id, report));
            }
        }
    }
}
