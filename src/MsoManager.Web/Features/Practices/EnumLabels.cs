using System.Text;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.Reviews;
using MsoManager.Web.Features.StateRules;

namespace MsoManager.Web.Features.Practices;

/// <summary>
/// The one place that words any of the domain's enum values for people ("Medical director", not
/// <c>MedicalDirector</c>): the agreement, setup and state rule words the pages already use, a few
/// explicit ones, and for the rest the name split into words, so a value added later still reads.
/// </summary>
public static class EnumLabels
{
    public static string Of(Enum value) => value switch
    {
        AgreementType type => AgreementLabels.Of(type),
        AgreementStatus status => AgreementLabels.Of(status),
        ServiceLine line => AgreementLabels.Of(line),
        FeeMethod method => AgreementLabels.Of(method),
        ClinicalAuthority authority => AgreementLabels.Of(authority),
        AgreementVersionKind kind => AgreementLabels.Of(kind),
        SetupPhase phase => SetupPhases.Describe(phase),
        OrganizationKind kind => StakeOwners.Describe(kind),
        CpomStrength strength => strength.Label(),
        PcOwnerCategory category => category.Label(),
        FeeSplittingStance stance => stance.Label(),
        ReviewStatus status => ReviewLabels.Of(status),
        ReviewDecision decision => ReviewLabels.Of(decision),
        Assessment assessment => ReviewLabels.Of(assessment),
        ReviewSection section => ReviewLabels.Of(section),
        SetupTaskStatus.Todo => "To do",
        LicenseType.OTHER => "Other",
        EntityForm.CORP => "Corporation",
        AuditAction.Created => "Added",
        AuditAction.Deleted => "Removed",
        _ => Words(value.ToString()),
    };

    /// <summary>
    /// "MedicalDirector" as "Medical director", "_scopedPracticeIds" as "Scoped practice ids": a
    /// PascalCase name as a sentence-case phrase; runs of capitals (PC, EIN, MD) are kept as written.
    /// </summary>
    public static string Words(string name)
    {
        var text = name.TrimStart('_');
        var words = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(text[i - 1])));
            var acronym = char.IsUpper(c) && ((i + 1 < text.Length && char.IsUpper(text[i + 1])) || (i > 0 && char.IsUpper(text[i - 1]) && (i + 1 == text.Length || !char.IsLower(text[i + 1]))));
            if (startsWord)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : acronym ? c : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
