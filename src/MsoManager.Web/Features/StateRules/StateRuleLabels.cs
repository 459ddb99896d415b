using MsoManager.Domain.Compliance;
using MudBlazor;

namespace MsoManager.Web.Features.StateRules;

/// <summary>How the state rules page words the rule values.</summary>
public static class StateRuleLabels
{
    public static string Label(this CpomStrength value) => value switch
    {
        CpomStrength.Strict => "Strict",
        CpomStrength.Moderate => "Moderate",
        CpomStrength.Weak => "Weak",
        CpomStrength.None => "None",
        CpomStrength.Unknown => "Unknown",
        _ => value.ToString(),
    };

    public static string Label(this PcOwnerCategory value) => value switch
    {
        PcOwnerCategory.MdDoOnly => "MD/DO only",
        PcOwnerCategory.MdDoMajority => "MD/DO majority",
        PcOwnerCategory.PhysiciansPlusLicensed => "Physicians and other licensed providers",
        PcOwnerCategory.LicensedProfessionals => "Licensed professionals",
        PcOwnerCategory.NoRestriction => "No restriction",
        PcOwnerCategory.Unknown => "Unknown",
        _ => value.ToString(),
    };

    public static string Label(this FeeSplittingStance value) => value switch
    {
        FeeSplittingStance.Prohibited => "Prohibited",
        FeeSplittingStance.Restricted => "Restricted",
        FeeSplittingStance.AllowedAtFmv => "Allowed at FMV",
        FeeSplittingStance.Unclear => "Unclear",
        FeeSplittingStance.Unknown => "Unknown",
        _ => value.ToString(),
    };

    public static Color Color(this Confidence value) => value switch
    {
        Confidence.High => MudBlazor.Color.Success,
        Confidence.Medium => MudBlazor.Color.Info,
        Confidence.Low => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>"MD, DO, NP"; "none named" for an empty list.</summary>
    public static string List<T>(IEnumerable<T> values)
        where T : struct, Enum =>
        values.Any() ? string.Join(", ", values) : "none named";

    /// <summary>Who may own the PC in one line: the category, the license types and any physician minimum.</summary>
    public static string Owners(StateRule rule) =>
        $"{rule.PcOwnerCategory.Label()} ({List(rule.PcOwnerLicenses)})"
        + (rule.PhysicianMinPercent is { } minimum ? $"; MD/DO at least {minimum:0.##}%" : "");
}
