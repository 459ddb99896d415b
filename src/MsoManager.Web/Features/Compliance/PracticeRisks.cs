using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Compliance;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;

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
public sealed class EvaluatedPracticeRisks(TenantDbContextFactory contexts, IStateRuleSource stateRules, TimeProvider time) : IPracticeRiskReader
{
    public async Task<IReadOnlyDictionary<Guid, RiskSummary>> ReadAsync(Guid workspaceId, IReadOnlyCollection<Guid> practiceIds, CancellationToken cancellationToken = default)
    {
        var book = await stateRules.GetBookAsync(workspaceId, cancellationToken);
        await using var db = contexts.CreateForWorkspace(workspaceId);
        var practices = await db.Practices.Where(p => practiceIds.Contains(p.Id)).WithEverything().AsNoTracking().ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return practices.ToDictionary(p => p.Id, p => ComplianceEngine.Evaluate(p, today, book).Risk);
    }
}
