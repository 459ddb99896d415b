using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

public static class SetupPhases
{
    public static string Describe(SetupPhase phase) => phase switch
    {
        SetupPhase.ProfessionalEntity => "Professional entity",
        SetupPhase.ManagementCompany => "Management company",
        SetupPhase.Agreements => "Agreements",
        SetupPhase.Banking => "Banking",
        SetupPhase.Operations => "Operations",
        _ => phase.ToString(),
    };
}
