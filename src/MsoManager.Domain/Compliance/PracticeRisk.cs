using MsoManager.Domain.Common;

namespace MsoManager.Domain.Compliance;

/// <summary>
/// A practice's risk as last evaluated (<see cref="EvaluatedOn"/>), stored so the portfolio can filter
/// and sort thousands of practices on it. Derived from the practice and its workspace's state rules:
/// rewritten with every change of the practice and refreshed once the date it was evaluated on is past.
/// </summary>
public sealed class PracticeRisk : IWorkspaceOwned, IDerivedRecord
{
    private PracticeRisk()
    {
    }

    public Guid PracticeId { get; private set; }

    public Guid WorkspaceId { get; private set; }

    /// <summary>The date the findings were evaluated as of; <see cref="DateOnly.MinValue"/> once marked stale.</summary>
    public DateOnly EvaluatedOn { get; private set; }

    public int Score { get; private set; }

    public int High { get; private set; }

    public int Medium { get; private set; }

    public int Low { get; private set; }

    public int Info { get; private set; }

    public RiskSummary Summary => new(Score, High, Medium, Low, Info);

    public static PracticeRisk For(Guid workspaceId, Guid practiceId, ComplianceReport report)
    {
        var risk = new PracticeRisk { WorkspaceId = workspaceId, PracticeId = practiceId };
        risk.Record(report);
        return risk;
    }

    /// <summary>Takes the summary of a new evaluation.</summary>
    public void Record(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        EvaluatedOn = report.AsOf;
        (Score, High, Medium, Low, Info) = (report.Risk.Score, report.Risk.High, report.Risk.Medium, report.Risk.Low, report.Risk.Info);
    }
}
