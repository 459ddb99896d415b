namespace MsoManager.Domain.Compliance;

/// <summary>
/// One rule of the catalog (compliance-rules.md): its code, its default severity, a one-line title
/// for the UI, and the findings it returns for a practice on a date. A rule never throws for a finding.
/// </summary>
internal interface IComplianceRule
{
    string Code { get; }

    /// <summary>The severity of its findings; where the catalog varies it by case, the highest.</summary>
    Severity DefaultSeverity { get; }

    string Title { get; }

    IEnumerable<Finding> Evaluate(ComplianceContext context);
}

/// <summary>A rule as the UI explains it: code, default severity (the highest where it varies) and a one-line title.</summary>
public sealed record ComplianceRuleInfo(string Code, Severity DefaultSeverity, string Title);
