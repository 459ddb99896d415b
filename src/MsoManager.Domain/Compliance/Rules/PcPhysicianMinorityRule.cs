using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PC_PHYSICIAN_MINORITY: states that let other licensed professionals share ownership (CA, OR) still
/// require MD and DO owners to hold a minimum together.
/// </summary>
/// <remarks>
/// Reading: a professional entity with no stakes held counts as 0% physician-owned, so it fires too
/// (even while Planned); only MD and DO licenses in force in the entity's state count, whatever else
/// the state's row lets own it.
/// </remarks>
internal sealed class PcPhysicianMinorityRule() : ComplianceRule(
    "PC_PHYSICIAN_MINORITY",
    Severity.High,
    "MD and DO owners hold less of a professional entity than its state requires")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var pc in context.ProfessionalEntities)
        {
            var row = context.RuleFor(pc.StateOfFormation);
            if (row.PhysicianMinPercent is not { } minimum)
            {
                continue;
            }

            var physicians = PhysicianPercent(context, pc);
            if (physicians < minimum)
            {
                var state = pc.StateOfFormation.Value;
                yield return AboutEntity(
                    pc,
                    $"MD and DO owners licensed in {state} hold {FindingText.Percent(physicians)} of {pc.LegalName}; {row.StateName} requires at least {FindingText.Percent(minimum)}.",
                    $"Move stakes to owners with an MD or DO license in force in {state} until they hold at least {FindingText.Percent(minimum)} together.",
                    row);
            }
        }
    }

    private static decimal PhysicianPercent(ComplianceContext context, LegalEntity pc)
    {
        var total = 0m;
        foreach (var stake in context.HeldStakes(pc.Id))
        {
            if (stake.OwnerPersonId is { } personId && IsPhysicianIn(context, personId, pc))
            {
                total += stake.Percent.Value;
            }
        }

        return total;
    }

    private static bool IsPhysicianIn(ComplianceContext context, Guid personId, LegalEntity pc)
    {
        foreach (var license in context.LicensesInForce(personId))
        {
            if (license.Type is LicenseType.MD or LicenseType.DO && license.State == pc.StateOfFormation)
            {
                return true;
            }
        }

        return false;
    }
}
