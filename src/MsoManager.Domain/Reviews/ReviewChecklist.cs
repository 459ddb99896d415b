using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Reviews;

/// <summary>One item of the review checklist: what the attorney checks, and the finding codes that bear on it.</summary>
public sealed record ChecklistEntry(string Code, string Title, ReviewSection Section, IReadOnlyList<string> MappedFindingCodes);

/// <summary>What the app suggests for an item: Concern with the findings behind it, Pass, or nothing (<see cref="Assessment"/> null).</summary>
public sealed record ChecklistSuggestion(Assessment? Assessment, IReadOnlyList<Finding> Findings)
{
    public static ChecklistSuggestion None { get; } = new(null, []);
}

/// <summary>
/// The review checklist of review.md, as data, and the suggestions the compliance findings make for
/// it. A suggestion is never an assessment: the attorney confirms or overrides it.
/// </summary>
public static class ReviewChecklist
{
    public static IReadOnlyList<ChecklistEntry> Entries { get; } =
    [
        new("PARTIES", "The MSA is between this practice's management company and professional entity, both properly formed", ReviewSection.Parties, ["NO_PROFESSIONAL_ENTITY"]),
        new("SERVICES_SPECIFIC", "The services are specific and match what the MSO really does", ReviewSection.Services, ["MSA_INCOMPLETE"]),
        new("FEE_METHOD", "The fee method and amounts are complete and clear", ReviewSection.Fee, ["MSA_INCOMPLETE"]),
        new("FEE_WITHIN_FMV", "The fee is within the FMV range", ReviewSection.Fmv, ["FEE_ABOVE_FMV"]),
        new("FMV_DOCUMENTED", "A current FMV opinion supports the fee", ReviewSection.Fmv, ["FEE_FMV_UNDOCUMENTED"]),
        new("NO_REVENUE_SWEEP", "The fee leaves the professional entity a real margin", ReviewSection.Fee, ["FEE_SWEEPS_REVENUE"]),
        new("FEE_SPLITTING", "The fee method respects the state's fee-splitting rules", ReviewSection.Fee, ["FEE_PERCENTAGE_RESTRICTED"]),
        new("CLINICAL_AUTHORITY", "Clinical decisions are reserved to the professional entity", ReviewSection.ClinicalAuthority, ["CLINICAL_AUTHORITY_NOT_RESERVED"]),
        new("TERM_AND_TERMINATION", "The term, renewal, notice and for-cause provisions are sound", ReviewSection.Termination, ["MSA_INCOMPLETE", "MSA_EXPIRING"]),
        new("PHYSICIAN_INDEPENDENCE", "The physician is not employed or controlled by the MSO", ReviewSection.Parties, ["PHYSICIAN_EMPLOYED_BY_MSO", "PC_LAY_OFFICER"]),
        new("PC_OWNERSHIP", "The professional entity is owned as the state requires", ReviewSection.Parties,
            ["PC_OWNER_INELIGIBLE", "PC_PHYSICIAN_MINORITY", "PC_OWNER_LICENSE_EXPIRING", "OWNERSHIP_INCOMPLETE", "PC_FORM_NOT_PERMITTED"]),
        new("STATE_LAW", "The state's rules were read and apply as recorded", ReviewSection.General, ["STATE_RULES_UNVERIFIED"]),
        new("CONTROL_AGREEMENTS", "Any stock transfer restriction or continuity agreement does not hand the MSO control of the practice", ReviewSection.General, []),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. Entries.Select(e => e.Code)];

    /// <summary>The item's place in the checklist, for ordering.</summary>
    public static int Order(string code) => Codes.ToList().IndexOf(code);

    public static ChecklistEntry? Find(string code) => Entries.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// The suggestion for every item, from <paramref name="findings"/> (the practice's findings on the
    /// review's date): Concern when a mapped finding is about this MSA, its professional entity, a stake
    /// in that entity, a person at it, a person at the MSA's management company, or a state (state
    /// findings are about the whole practice); Pass for an item with mapped codes otherwise.
    /// </summary>
    public static IReadOnlyDictionary<string, ChecklistSuggestion> Suggest(Practice practice, Agreement agreement, IEnumerable<Finding> findings)
    {
        var relevant = findings.Where(f => IsAbout(practice, agreement, f)).ToList();
        return Entries.ToDictionary(
            e => e.Code,
            e =>
            {
                if (e.MappedFindingCodes.Count == 0)
                {
                    return ChecklistSuggestion.None;
                }

                var fired = relevant.Where(f => e.MappedFindingCodes.Contains(f.Code)).ToList();
                return new ChecklistSuggestion(fired.Count > 0 ? Assessment.Concern : Assessment.Pass, fired);
            },
            StringComparer.Ordinal);
    }

    private static bool IsAbout(Practice practice, Agreement agreement, Finding finding)
    {
        var pc = practice.Entities.FirstOrDefault(e => e.Id == agreement.ProfessionalEntityId);
        var mso = practice.Entities.FirstOrDefault(e => e.Id == agreement.ManagementCompanyId);
        return finding.SubjectType switch
        {
            SubjectType.Agreement => finding.SubjectKey == agreement.Key,
            SubjectType.Entity => pc is not null && finding.SubjectKey == pc.Key,
            SubjectType.Stake => pc is not null && practice.Stakes.Any(s => s.Key == finding.SubjectKey && s.EntityId == pc.Id),
            SubjectType.PersonAtEntity => EntityKeyOf(finding.SubjectKey) is { } entityKey && (entityKey == pc?.Key || entityKey == mso?.Key),
            SubjectType.State => true,
            _ => false,
        };
    }

    // A person-at-entity subject key is "person/entity"; record keys never contain a slash.
    private static string? EntityKeyOf(string subjectKey) => subjectKey.Split('/') is [_, var entity] ? entity : null;
}
