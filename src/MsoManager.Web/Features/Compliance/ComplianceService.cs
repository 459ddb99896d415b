using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Compliance;

/// <summary>
/// Runs the compliance engine for the pages and the API: one practice as stored, on a date (today in
/// UTC by default), against the state rules in force in its workspace.
/// </summary>
public sealed class ComplianceService(PracticeStore practices, PracticeStructureCache structures, IStateRuleSource stateRules, WorkspaceClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The practice's report, or null when it is not the member's to see.</summary>
    public async Task<ComplianceReport?> EvaluateAsync(Guid practiceId, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var practice = await practices.LoadStructureAsync(practiceId, structures, cancellationToken);
        return practice is null ? null : await EvaluateAsync(practice, asOf, cancellationToken);
    }

    /// <summary>
    /// The report of a practice whose current version the caller has just read (the API's lookup), or
    /// null when it is not the member's to see.
    /// </summary>
    public async Task<ComplianceReport?> EvaluateAsync(Guid practiceId, uint version, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var practice = await practices.LoadStructureAsync(practiceId, structures, version, cancellationToken);
        return practice is null ? null : await EvaluateAsync(practice, asOf, cancellationToken);
    }

    /// <summary>The report for a practice already loaded.</summary>
    public Task<ComplianceReport> EvaluateAsync(PracticeSnapshot snapshot, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        EvaluateAsync(snapshot.Practice, asOf, cancellationToken);

    private async Task<ComplianceReport> EvaluateAsync(Practice practice, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var book = await stateRules.GetBookAsync(practice.WorkspaceId, cancellationToken);
        return ComplianceEngine.Evaluate(practice, asOf ?? Today, book);
    }
}
