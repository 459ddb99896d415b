using MsoManager.Domain.Compliance;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Compliance;

/// <summary>
/// Runs the compliance engine for the pages and the API: one practice as stored, on a date (today in
/// UTC by default), against the state rules in force in its workspace.
/// </summary>
public sealed class ComplianceService(PracticeStore practices, IStateRuleSource stateRules, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The practice's report, or null when it is not the member's to see.</summary>
    public async Task<ComplianceReport?> EvaluateAsync(Guid practiceId, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await practices.LoadAsync(practiceId, cancellationToken);
        return snapshot is null ? null : await EvaluateAsync(snapshot, asOf, cancellationToken);
    }

    /// <summary>The report for a practice already loaded.</summary>
    public async Task<ComplianceReport> EvaluateAsync(PracticeSnapshot snapshot, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var book = await stateRules.GetBookAsync(snapshot.Practice.WorkspaceId, cancellationToken);
        return ComplianceEngine.Evaluate(snapshot.Practice, asOf ?? Today, book);
    }
}
