using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>
/// Evaluates a practice on a date against the state rules (compliance-rules.md). Pure and
/// deterministic: the same practice, date and rules always give the same findings, in the same order.
/// </summary>
public static class ComplianceEngine
{
    public static ComplianceReport Evaluate(Practice practice, DateOnly asOf, StateRuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(rules);

        // The rule catalog is filled in by the compliance rules work (issue 4); until then no findings.
        IReadOnlyList<Finding> findings = [];
        return new ComplianceReport(asOf, findings, RiskSummary.Of(findings));
    }
}
