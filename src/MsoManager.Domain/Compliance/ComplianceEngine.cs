using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>
/// Evaluates a practice on a date against the state rules (compliance-rules.md). Pure and
/// deterministic: the same practice, date and rules always give the same findings, in the same order.
/// </summary>
public static class ComplianceEngine
{
    /// <summary>How far ahead license and agreement ends are flagged.</summary>
    public const int ExpiryWarningDays = 90;

    /// <summary>How old an FMV opinion may be before it stops supporting the fee.</summary>
    public const int FmvOpinionMaxAgeMonths = 24;

    /// <summary>A percentage-of-collections rate at or above this sweeps the practice's revenue.</summary>
    public const decimal SweepingRatePercent = 50m;

    /// <summary>How far under 100% an entity's held stakes may add up to and still count as fully owned.</summary>
    public const decimal OwnershipTolerancePercent = 0.01m;

    /// <summary>The trailing window of financial months: the calendar months before the evaluation date's month.</summary>
    public const int TrailingMonths = 12;

    /// <summary>The fewest financial months in the trailing window that say whether the fee sweeps revenue.</summary>
    public const int SweepMinimumMonths = 3;

    // Every IComplianceRule in this assembly, found once: adding a rule is adding its class, and the
    // engine names none of them.
    private static readonly IComplianceRule[] Rules =
    [
        .. typeof(ComplianceEngine).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IComplianceRule).IsAssignableFrom(type))
            .Select(type => (IComplianceRule)Activator.CreateInstance(type, nonPublic: true)!)
            .OrderBy(rule => rule.Code, StringComparer.Ordinal),
    ];

    /// <summary>Every rule's code, default severity and title, by code: for the UI to explain findings.</summary>
    public static IReadOnlyList<ComplianceRuleInfo> Catalog { get; } =
        [.. Rules.Select(rule => new ComplianceRuleInfo(rule.Code, rule.DefaultSeverity, rule.Title))];

    /// <summary>The findings on <paramref name="asOf"/>, which must be in <see cref="Dates"/>' range (else a <see cref="DomainRuleException"/> naming "asOf").</summary>
    public static ComplianceReport Evaluate(Practice practice, DateOnly asOf, StateRuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(rules);

        // The rules count days and months from asOf; outside the product's range that arithmetic leaves the calendar.
        Dates.Check(asOf, "asOf");
        var context = new ComplianceContext(practice, asOf, rules);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            findings.AddRange(rule.Evaluate(context));
        }

        findings.Sort(CompareForReport);
        return new ComplianceReport(asOf, findings, RiskSummary.Of(findings));
    }

    /// <summary>The catalog's order: severity (High first), then code, then subject key, ordinal.</summary>
    private static int CompareForReport(Finding x, Finding y)
    {
        var bySeverity = x.Severity.CompareTo(y.Severity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byCode = string.CompareOrdinal(x.Code, y.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(x.SubjectKey, y.SubjectKey);
    }
}
