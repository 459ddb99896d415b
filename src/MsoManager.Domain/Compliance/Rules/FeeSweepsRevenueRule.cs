using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// FEE_SWEEPS_REVENUE: when the fee leaves the professional entity nothing after clinical costs, or
/// takes half or more of its collections, the MSO in substance owns the practice's revenue.
/// </summary>
/// <remarks>
/// Reading: "the MSA's percentage rate" is its RatePercent, which the terms hold only for a
/// PercentOfCollections or Hybrid fee.
/// </remarks>
internal sealed class FeeSweepsRevenueRule() : ComplianceRule(
    "FEE_SWEEPS_REVENUE",
    Severity.High,
    "An MSA's fee leaves the professional entity nothing after clinical costs, or takes 50% or more of collections")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.OpenMsas)
        {
            var pc = context.Entity(msa.ProfessionalEntityId);
            var window = pc is null ? default : context.Window(pc.Id);
            var sweeps = window.Months >= ComplianceEngine.SweepMinimumMonths && window.Margin <= 0;
            var rate = msa.Terms.FeeMethod is FeeMethod.PercentOfCollections or FeeMethod.Hybrid ? msa.Terms.RatePercent : null;
            var highRate = rate >= ComplianceEngine.SweepingRatePercent;
            if (!sweeps && !highRate)
            {
                continue;
            }

            List<string> reasons = [];
            if (sweeps)
            {
                reasons.Add($"over the {window.Months} financial months from {context.WindowStart} to {context.WindowEnd}, {pc!.LegalName} collected {FindingText.Usd(window.Collections)}, spent {FindingText.Usd(window.ClinicalExpenses)} on clinical costs and paid {FindingText.Usd(window.ManagementFeePaid)} in management fees, leaving {FindingText.Usd(window.Margin)}");
            }

            if (highRate)
            {
                reasons.Add($"its fee takes {FindingText.Percent(rate!.Value)} of collections, {FindingText.Percent(ComplianceEngine.SweepingRatePercent)} or more");
            }

            yield return AboutAgreement(
                msa,
                $"The fee of the {context.Describe(msa)} sweeps the practice's revenue: {FindingText.List(reasons)}.",
                "Set the fee so that the professional entity keeps a real margin after clinical costs, and document how it matches the services at fair market value.");
        }
    }
}
