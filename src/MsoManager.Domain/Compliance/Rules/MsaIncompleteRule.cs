namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// MSA_INCOMPLETE: a vague MSA (no services, no fee, no term, no way out) cannot show the relationship
/// is genuine and arms-length, which is what keeps the structure legitimate.
/// </summary>
internal sealed class MsaIncompleteRule() : ComplianceRule(
    "MSA_INCOMPLETE",
    Severity.Medium,
    "An MSA lacks services, a complete fee, an initial term or a without-cause notice period")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.OpenMsas)
        {
            var missing = msa.Terms.MissingEssentials();
            if (missing.Count > 0)
            {
                var list = FindingText.List(missing);
                yield return AboutAgreement(
                    msa,
                    $"The {context.Describe(msa)} lacks {list}.",
                    $"Complete the MSA's terms: {list}.");
            }
        }
    }
}
