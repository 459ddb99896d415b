using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// FEE_PERCENTAGE_RESTRICTED: a fee that is a percentage of the practice's collections is fee
/// splitting, which some states prohibit and others restrict.
/// </summary>
/// <remarks>Reading: the state is the MSA's professional entity's state of formation; a PercentOfCollections fee fires whatever its rate, a Hybrid one only with a rate above 0.</remarks>
internal sealed class FeePercentageRestrictedRule() : ComplianceRule(
    "FEE_PERCENTAGE_RESTRICTED",
    Severity.High,
    "An MSA's fee is a percentage of collections where fee splitting is prohibited (High) or restricted (Medium)")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.OpenMsas)
        {
            var terms = msa.Terms;
            var isPercentage = terms.FeeMethod == FeeMethod.PercentOfCollections
                || (terms.FeeMethod == FeeMethod.Hybrid && terms.RatePercent > 0);
            if (!isPercentage || context.Entity(msa.ProfessionalEntityId) is not { } pc)
            {
                continue;
            }

            var row = context.RuleFor(pc.StateOfFormation);
            if (SeverityFor(row.FeeSplitting) is not { } severity)
            {
                continue;
            }

            var rate = terms.RatePercent is { } value ? $" ({FindingText.Percent(value)})" : "";
            var stance = row.FeeSplitting == FeeSplittingStance.Prohibited ? "prohibit" : "restrict";
            yield return AboutAgreement(
                msa,
                $"The {context.Describe(msa)} charges a percentage of collections{rate}, and {row.StateName}'s fee-splitting rules {stance} percentage-based fees.",
                $"Replace the percentage with a flat fair-market-value fee (or cost plus), after advice from counsel in {row.StateName}.",
                row,
                severity);
        }
    }

    private static Severity? SeverityFor(FeeSplittingStance stance) => stance switch
    {
        FeeSplittingStance.Prohibited => Severity.High,
        FeeSplittingStance.Restricted => Severity.Medium,
        FeeSplittingStance.AllowedAtFmv or FeeSplittingStance.Unclear or FeeSplittingStance.Unknown => null,
        _ => null,
    };
}
