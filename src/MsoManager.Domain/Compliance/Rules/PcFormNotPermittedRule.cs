namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// PC_FORM_NOT_PERMITTED: a state names the entity forms a medical practice may take (California: a
/// professional medical corporation, not an LLC); the wrong form may not lawfully practice medicine.
/// </summary>
internal sealed class PcFormNotPermittedRule() : ComplianceRule(
    "PC_FORM_NOT_PERMITTED",
    Severity.Medium,
    "A professional entity's form is not one its state names for medical practices")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        foreach (var pc in context.ProfessionalEntities)
        {
            var row = context.RuleFor(pc.StateOfFormation);
            if (row.ProfessionalForms.Count == 0 || row.ProfessionalFormsConfidence == Confidence.Low || row.ProfessionalForms.Contains(pc.Form))
            {
                continue;
            }

            var forms = string.Join(", ", row.ProfessionalForms);
            yield return AboutEntity(
                pc,
                $"{pc.LegalName} is a {pc.Form}, a form {row.StateName} does not name for medical practices ({forms}).",
                $"Have counsel in {row.StateName} confirm the form, or form the professional entity as one of {forms}.",
                row);
        }
    }
}
