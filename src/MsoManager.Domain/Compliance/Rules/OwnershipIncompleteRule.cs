using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// OWNERSHIP_INCOMPLETE: a filed or active entity whose recorded stakes do not reach 100% has owners
/// nobody can see, so the other ownership rules cannot vouch for it.
/// </summary>
internal sealed class OwnershipIncompleteRule() : ComplianceRule(
    "OWNERSHIP_INCOMPLETE",
    Severity.High,
    "A filed or active entity's stakes add up to less than 100% (High for a professional entity, Medium for an MSO)")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context) =>
        Incomplete(context, context.ProfessionalEntities, Severity.High)
            .Concat(Incomplete(context, context.ManagementCompanies, Severity.Medium));

    private IEnumerable<Finding> Incomplete(ComplianceContext context, List<LegalEntity> entities, Severity severity)
    {
        foreach (var entity in entities)
        {
            if (entity.Status is not (EntityStatus.Filed or EntityStatus.Active))
            {
                continue;
            }

            var total = context.HeldPercent(entity.Id);
            var missing = 100m - total;
            if (missing > ComplianceEngine.OwnershipTolerancePercent)
            {
                yield return AboutEntity(
                    entity,
                    $"The stakes held in {entity.LegalName} on {FindingText.Date(context.AsOf)} add up to {FindingText.Percent(total)}; {FindingText.Percent(missing)} is not accounted for.",
                    $"Record the stakes of {entity.LegalName}'s other owners so that it is 100% owned.",
                    severity: severity);
            }
        }
    }
}
