using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// FEE_FMV_UNDOCUMENTED: the management fee must be fair market value; an approved or executed MSA
/// without a current valuation range cannot show it is.
/// </summary>
internal sealed class FeeFmvUndocumentedRule() : ComplianceRule(
    "FEE_FMV_UNDOCUMENTED",
    Severity.Medium,
    "An approved or executed MSA has no complete FMV range, or its valuation is over 24 months old")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        var oldest = context.AsOf.AddMonths(-ComplianceEngine.FmvOpinionMaxAgeMonths);
        foreach (var msa in context.Msas)
        {
            if (msa.Status is not (AgreementStatus.Approved or AgreementStatus.Executed))
            {
                continue;
            }

            var terms = msa.Terms;
            List<string> missing = [];
            if (terms.FmvLow is null)
            {
                missing.Add("an FMV low");
            }

            if (terms.FmvHigh is null)
            {
                missing.Add("an FMV high");
            }

            if (terms.FmvValuedOn is null)
            {
                missing.Add("a valuation date");
            }

            if (missing.Count > 0)
            {
                yield return AboutAgreement(
                    msa,
                    // Not "is Approved": a review reads a draft as it would stand once approved (Agreement.AsVersion).
                    $"The {context.Describe(msa)} has no complete fair-market-value support for its fee: it lacks {FindingText.List(missing)}, which an approved or executed MSA needs.",
                    "Obtain a fair-market-value opinion for the management fee and record its low, its high and its valuation date.");
            }
            else if (terms.FmvValuedOn is { } valuedOn && valuedOn < oldest)
            {
                yield return AboutAgreement(
                    msa,
                    $"The fair-market-value opinion of the {context.Describe(msa)} is dated {FindingText.Date(valuedOn)}, more than {ComplianceEngine.FmvOpinionMaxAgeMonths} months before {FindingText.Date(context.AsOf)}.",
                    "Have the fee valued again and record the new range and valuation date.");
            }
        }
    }
}
