using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PHYSICIAN_EMPLOYED_BY_MSO: an owner of the professional entity who is also the management company's
/// employee answers to the MSO, so the physician's control of the practice exists only on paper.
/// </summary>
/// <remarks>Reading: one finding per person and management company, however many stakes or Employee roles connect them.</remarks>
internal sealed class PhysicianEmployedByMsoRule() : ComplianceRule(
    "PHYSICIAN_EMPLOYED_BY_MSO",
    Severity.High,
    "An owner of a professional entity is an employee of the practice's MSO")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        HashSet<(Guid Person, Guid Mso)>? reported = null;
        foreach (var role in context.RolesHeld)
        {
            if (role.Kind != EntityRoleKind.Employee || role.Entity.IsProfessional)
            {
                continue;
            }

            var holdings = Holdings(context, role.Person);
            if (holdings.Count == 0 || !(reported ??= []).Add((role.Person.Id, role.Entity.Id)))
            {
                continue;
            }

            yield return AboutPersonAt(
                role.Person,
                role.Entity,
                $"{role.Person.Name} holds {FindingText.List(holdings)} and is an employee of {role.Entity.LegalName}.",
                $"End {role.Person.Name}'s employment by {role.Entity.LegalName}, so that the professional entity's owner stays independent of the management company.");
        }
    }

    /// <summary>"40% of Glow Medical PLLC" for each stake the person holds on asOf in a live professional entity.</summary>
    private static List<string> Holdings(ComplianceContext context, Person person)
    {
        List<string> holdings = [];
        foreach (var pc in context.ProfessionalEntities)
        {
            foreach (var stake in context.HeldStakes(pc.Id))
            {
                if (stake.OwnerPersonId == person.Id)
                {
                    holdings.Add($"{FindingText.Percent(stake.Percent.Value)} of {pc.LegalName}");
                }
            }
        }

        return holdings;
    }
}
