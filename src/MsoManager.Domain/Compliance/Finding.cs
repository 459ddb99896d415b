using MsoManager.Domain.Common;

namespace MsoManager.Domain.Compliance;

/// <summary>Severity ranks, highest first: findings sort by this enum's order.</summary>
public enum Severity
{
    High,
    Medium,
    Low,
    Info,
}

/// <summary>The kind of record a finding is about.</summary>
public enum SubjectType
{
    Entity,
    Stake,
    Agreement,
    State,

    /// <summary>A person in a role at an entity; the subject key is <c>person/entity</c>.</summary>
    PersonAtEntity,
}

/// <summary>
/// One result of the compliance engine. <see cref="SubjectKey"/> is the record key (a state code for
/// a state, <c>person/entity</c> for a person at an entity); <see cref="RecordId"/> the record to link
/// to (the person, for a person at an entity); <see cref="State"/> and <see cref="Sources"/> are set
/// for findings that come from state data.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    SubjectType SubjectType,
    string SubjectKey,
    Guid? RecordId,
    string Message,
    string Recommendation,
    StateCode? State = null,
    IReadOnlyList<string>? Sources = null)
{
    public IReadOnlyList<string> Sources { get; init; } = Sources ?? [];
}

/// <summary>A practice's findings counted per severity, and its score (catalog: 100 - 25 H - 10 M - 3 L, floored at 0).</summary>
public sealed record RiskSummary(int Score, int High, int Medium, int Low, int Info)
{
    public const int HighWeight = 25;
    public const int MediumWeight = 10;
    public const int LowWeight = 3;

    public static RiskSummary None { get; } = new(100, 0, 0, 0, 0);

    public static RiskSummary Of(IEnumerable<Finding> findings)
    {
        int high = 0, medium = 0, low = 0, info = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.High: high++; break;
                case Severity.Medium: medium++; break;
                case Severity.Low: low++; break;
                case Severity.Info: info++; break;
                default: throw new ArgumentOutOfRangeException(nameof(findings), finding.Severity, "Unknown severity.");
            }
        }

        return new RiskSummary(Math.Max(0, 100 - (HighWeight * high) - (MediumWeight * medium) - (LowWeight * low)), high, medium, low, info);
    }

    public int CountOf(Severity severity) => severity switch
    {
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        Severity.Info => Info,
        _ => 0,
    };
}

/// <summary>The findings for one practice on one date, in the catalog's order (severity, code, subject), with their summary.</summary>
public sealed record ComplianceReport(DateOnly AsOf, IReadOnlyList<Finding> Findings, RiskSummary Risk);
