namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// CLINICAL_AUTHORITY_NOT_RESERVED: the physician must really control clinical decisions; an MSA that
/// does not reserve protocols, clinical staffing, patient records and medical direction to the
/// professional entity leaves that control to the management company on paper.
/// </summary>
internal sealed class ClinicalAuthorityNotReservedRule() : ComplianceRule(
    "CLINICAL_AUTHORITY_NOT_RESERVED",
    Severity.High,
    "An MSA does not reserve the four essential clinical decisions to the professional entity")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var msa in context.OpenMsas)
        {
            var missing = msa.Terms.MissingAuthority();
            if (missing.Count > 0)
            {
                var list = FindingText.List([.. missing.Select(FindingText.Authority)]);
                yield return AboutAgreement(
                    msa,
                    $"The {context.Describe(msa)} does not reserve {list} to the professional entity.",
                    $"Revise or amend the MSA so that it reserves {list} to the professional entity.");
            }
        }
    }
}
