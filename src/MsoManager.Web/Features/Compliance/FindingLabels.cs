using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MudBlazor;
using FindingSeverity = MsoManager.Domain.Compliance.Severity;

namespace MsoManager.Web.Features.Compliance;

/// <summary>How findings look and where they link, the same on the practice page and in the list.</summary>
public static class FindingLabels
{
    /// <summary>Severities highest first, the order findings are grouped in.</summary>
    public static IReadOnlyList<FindingSeverity> Ranked { get; } = Enum.GetValues<FindingSeverity>();

    /// <summary>Filled chip colours of the theme; each keeps white or dark text at 4.5:1 or better (AppTheme).</summary>
    public static Color ColorOf(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => Color.Error,
        FindingSeverity.Medium => Color.Warning,
        FindingSeverity.Low => Color.Info,
        FindingSeverity.Info => Color.Default,
        _ => Color.Default,
    };

    public static string IconOf(FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => Icons.Material.Filled.Error,
        FindingSeverity.Medium => Icons.Material.Filled.Warning,
        FindingSeverity.Low => Icons.Material.Filled.Info,
        FindingSeverity.Info => Icons.Material.Outlined.Info,
        _ => Icons.Material.Outlined.Info,
    };

    /// <summary>The lower-case name used in element ids and classes (<c>findings-high</c>).</summary>
    public static string Slug(FindingSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The practice section that shows a finding's record; null for a state, which has no record in the practice.</summary>
    public static string? SectionOf(SubjectType subject) => subject switch
    {
        SubjectType.Entity => "entities",
        SubjectType.Stake => "ownership",
        SubjectType.Agreement => "agreements",
        SubjectType.PersonAtEntity => "people",
        SubjectType.State => null,
        _ => null,
    };

    public static string RecordLabel(SubjectType subject) => subject switch
    {
        SubjectType.Entity => "Open the entity",
        SubjectType.Stake => "Open the stake",
        SubjectType.Agreement => "Open the agreement",
        SubjectType.PersonAtEntity => "Open the person",
        SubjectType.State => "",
        _ => "",
    };

    /// <summary>The state rules page's anchor for a state.</summary>
    public static string StateRulesLink(StateCode state) => $"state-rules#{state.Value}";
}
