namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PC_OWNER_INELIGIBLE: CPOM states let only licensed professionals own the professional entity; an
/// organisation, or a person without an eligible license in force in the PC's state, voids the structure.
/// </summary>
internal sealed class PcOwnerIneligibleRule() : ComplianceRule(
    "PC_OWNER_INELIGIBLE",
    Severity.High,
    "A professional entity is owned by an organisation or by a person without an eligible license")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var pc in context.ProfessionalEntities)
        {
            var row = context.RuleFor(pc.StateOfFormation);
            var state = pc.StateOfFormation.Value;
            var types = FindingText.Types(row.PcOwnerLicenses);
            var anyOf = FindingText.AnyOf(row.PcOwnerLicenses);
            foreach (var stake in context.HeldStakes(pc.Id))
            {
                var percent = FindingText.Percent(stake.Percent.Value);
                if (context.PersonOwning(stake) is not { } person)
                {
                    yield return AboutStake(
                        stake,
                        $"{context.OwnerName(stake)}, an organisation, holds {percent} of {pc.LegalName}; in {state} only persons licensed as {anyOf} may own a professional entity.",
                        $"Move the stake to an owner licensed in {state} as {anyOf}; an organisation may own the management company instead.",
                        row);
                }
                else if (!context.IsEligibleOwner(person.Id, pc))
                {
                    yield return AboutStake(
                        stake,
                        $"{person.Name} holds {percent} of {pc.LegalName} but has no license in force in {state} of a type that may own it there ({types}).",
                        $"Move the stake to an owner licensed in {state} as {anyOf}, or record {person.Name}'s license in force in {state} if they hold one.",
                        row);
                }
            }
        }
    }
}
