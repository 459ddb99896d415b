using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PC_LAY_OFFICER: professional-corporation laws generally let only licensed professionals direct or
/// manage the entity; a lay officer or director gives outsiders control of the practice.
/// </summary>
/// <remarks>Reading: one finding per person and professional entity, when they hold both an Officer and a Director role there.</remarks>
internal sealed class PcLayOfficerRule() : ComplianceRule(
    "PC_LAY_OFFICER",
    Severity.Medium,
    "An officer or director of a professional entity has no license that may own it")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        HashSet<(Guid Person, Guid Pc)>? reported = null;
        foreach (var role in context.RolesHeld)
        {
            if (role.Kind is not (EntityRoleKind.Officer or EntityRoleKind.Director) || !role.Entity.IsProfessional
                || context.IsEligibleOwner(role.Person.Id, role.Entity) || !(reported ??= []).Add((role.Person.Id, role.Entity.Id)))
            {
                continue;
            }

            var pc = role.Entity;
            var row = context.RuleFor(pc.StateOfFormation);
            var state = pc.StateOfFormation.Value;
            yield return AboutPersonAt(
                role.Person,
                pc,
                $"{role.Person.Name} is {(role.Kind == EntityRoleKind.Officer ? "an officer" : "a director")} of {pc.LegalName} but has no license in force in {state} of a type that may own it ({FindingText.Types(row.PcOwnerLicenses)}).",
                $"Give the role to a licensed owner of {pc.LegalName}, or record {role.Person.Name}'s license in force in {state} if they hold one.",
                row);
        }
    }
}
