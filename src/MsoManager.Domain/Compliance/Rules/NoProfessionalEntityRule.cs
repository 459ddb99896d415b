using MsoManager.Domain.Common;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// NO_PROFESSIONAL_ENTITY: where CPOM applies, a management company cannot deliver medical care itself;
/// each state the practice operates in needs a professional entity formed there to hold the practice.
/// </summary>
/// <remarks>Reading: High where cpom is strict or moderate, Medium where unknown (a missing row included), nothing where weak or none.</remarks>
internal sealed class NoProfessionalEntityRule() : ComplianceRule(
    "NO_PROFESSIONAL_ENTITY",
    Severity.High,
    "A state of operation has no professional entity formed there (High where CPOM is strict or moderate, Medium where unknown)")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        if (context.ManagementCompanies.Count == 0)
        {
            yield break;
        }

        foreach (var state in context.StatesOfOperation)
        {
            var row = context.RuleFor(state);
            if (SeverityFor(row.Cpom) is not { } severity || HasProfessionalEntityIn(context, state))
            {
                continue;
            }

            yield return AboutState(
                row,
                $"The practice operates in {row.StateName} and has a management company, but no professional entity formed in {state.Value}; the corporate practice of medicine doctrine there is {Describe(row.Cpom)}.",
                $"Form a professional entity in {state.Value}, owned by licensed physicians, to hold the clinical practice there under an MSA.",
                severity);
        }
    }

    private static Severity? SeverityFor(CpomStrength cpom) => cpom switch
    {
        CpomStrength.Strict or CpomStrength.Moderate => Severity.High,
        CpomStrength.Unknown => Severity.Medium,
        CpomStrength.Weak or CpomStrength.None => null,
        _ => null,
    };

    private static string Describe(CpomStrength cpom) => cpom == CpomStrength.Unknown ? "unknown" : cpom.ToString().ToLowerInvariant();

    private static bool HasProfessionalEntityIn(ComplianceContext context, StateCode state)
    {
        foreach (var pc in context.ProfessionalEntities)
        {
            if (pc.StateOfFormation == state)
            {
                return true;
            }
        }

        return false;
    }
}
