using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PC_OWNER_LICENSE_EXPIRING: an owner whose last eligible license lapses becomes an ineligible owner
/// overnight; renewing in time keeps the professional entity's ownership valid.
/// </summary>
/// <remarks>
/// Reading: the owner must be eligible on asOf (an eligible license in force); it fires only when every
/// such license has an expiry date on or before asOf + 90 days; a license without an expiry never expires.
/// </remarks>
internal sealed class PcOwnerLicenseExpiringRule() : ComplianceRule(
    "PC_OWNER_LICENSE_EXPIRING",
    Severity.Medium,
    "An owner's last license that makes them eligible to own a professional entity expires within 90 days")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var pc in context.ProfessionalEntities)
        {
            foreach (var stake in context.HeldStakes(pc.Id))
            {
                if (context.PersonOwning(stake) is not { } person || LastEligible(context, person, pc) is not { } last
                    || last.ExpiresOn is not { } expires || expires > context.WarningEnd)
                {
                    continue;
                }

                var state = pc.StateOfFormation.Value;
                var days = expires.DayNumber - context.AsOf.DayNumber;
                yield return AboutStake(
                    stake,
                    $"{person.Name} holds {FindingText.Percent(stake.Percent.Value)} of {pc.LegalName}; the last license that makes them eligible to own it, {last.Type} {last.Number} in {state}, expires on {FindingText.Date(expires)}, in {days} days.",
                    $"Renew {person.Name}'s {last.Type} license in {state} and record the new expiry date before {FindingText.Date(expires)}, or plan the transfer of the stake to another eligible owner.",
                    context.RuleFor(pc.StateOfFormation));
            }
        }
    }

    /// <summary>The eligible license in force that lasts longest (one without an expiry date lasts longest), or null when the person is not eligible.</summary>
    private static License? LastEligible(ComplianceContext context, Person person, LegalEntity pc)
    {
        License? last = null;
        foreach (var license in context.LicensesInForce(person.Id))
        {
            if (!context.MakesEligible(license, pc))
            {
                continue;
            }

            if (license.ExpiresOn is null)
            {
                return license;
            }

            if (last is null || license.ExpiresOn > last.ExpiresOn)
            {
                last = license;
            }
        }

        return last;
    }
}
