using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines;

/// <summary>How deadline titles name their records, one way for every kind.</summary>
internal static class DeadlineText
{
    /// <summary>"Glow Management LLC - Glow Medical PLLC MSA", or the agreement's title when a party is missing.</summary>
    public static string Msa(Practice practice, Agreement msa)
    {
        var mso = practice.Entities.FirstOrDefault(e => e.Id == msa.ManagementCompanyId);
        var pc = practice.Entities.FirstOrDefault(e => e.Id == msa.ProfessionalEntityId);
        return mso is not null && pc is not null ? $"{mso.LegalName} - {pc.LegalName} MSA" : $"MSA \"{msa.Title}\"";
    }

    public static string Date(DateOnly date) => FindingText.Date(date);
}
