using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// MSA_MISSING: an active management company serving an active professional entity without an MSA in
/// force has no documented, arms-length basis for its services or its fee.
/// </summary>
internal sealed class MsaMissingRule() : ComplianceRule(
    "MSA_MISSING",
    Severity.High,
    "An active professional entity has no MSA in force with the practice's active MSO")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        if (!context.HasActiveManagementCompany)
        {
            yield break;
        }

        foreach (var pc in context.ProfessionalEntities)
        {
            if (pc.Status == EntityStatus.Active && !HasMsaInForce(context, pc.Id))
            {
                yield return AboutEntity(
                    pc,
                    $"{pc.LegalName} is active and the practice has an active management company, but no MSA with {pc.LegalName} is in force on {FindingText.Date(context.AsOf)}.",
                    $"Execute an MSA between the management company and {pc.LegalName} (or record the executed one with its effective date).");
            }
        }
    }

    private static bool HasMsaInForce(ComplianceContext context, Guid pcId)
    {
        foreach (var msa in context.Msas)
        {
            if (msa.ProfessionalEntityId == pcId && msa.IsInForce(context.AsOf))
            {
                return true;
            }
        }

        return false;
    }
}
