namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// MSA_EXPIRING: an MSA that does not auto-renew and ends soon leaves the management company without
/// a basis for its services and fee the day after.
/// </summary>
/// <remarks>Reading: "ends" is the end of the initial term (effective date + initial term); an MSA without a term has no end.</remarks>
internal sealed class MsaExpiringRule() : ComplianceRule(
    "MSA_EXPIRING",
    Severity.Medium,
    "An MSA in force that does not auto-renew ends within 90 days")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.Msas)
        {
            if (msa.Terms.AutoRenew || msa.Terms.InitialTermEndsOn is not { } end || end > context.WarningEnd || !msa.IsInForce(context.AsOf))
            {
                continue;
            }

            yield return AboutAgreement(
                msa,
                $"The {context.Describe(msa)} ends on {FindingText.Date(end)}, in {end.DayNumber - context.AsOf.DayNumber} days, and does not auto-renew.",
                $"Renew or extend the MSA before {FindingText.Date(end)}, or plan the end of the management relationship.");
        }
    }
}
