using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>Strength of a state's corporate practice of medicine doctrine.</summary>
public enum CpomStrength
{
    Strict,
    Moderate,
    Weak,
    None,
    Unknown,
}

/// <summary>Who may own a medical business / the professional entity, in summary.</summary>
public enum PcOwnerCategory
{
    MdDoOnly,
    MdDoMajority,
    PhysiciansPlusLicensed,
    LicensedProfessionals,
    NoRestriction,
    Unknown,
}

/// <summary>How a state's fee-splitting rules treat a percentage-of-revenue management fee.</summary>
public enum FeeSplittingStance
{
    Prohibited,
    Restricted,
    AllowedAtFmv,
    Unclear,
    Unknown,
}

/// <summary>How well sourced a state rule value is.</summary>
public enum Confidence
{
    High,
    Medium,
    Low,
}

/// <summary>
/// One state's row of reference data (data/state-rules.csv, as corrected in a workspace): the facts
/// the compliance engine reads, each with its confidence, and the sources they were read from.
/// Informational, not legal advice.
/// </summary>
public sealed record StateRule
{
    public required StateCode State { get; init; }

    public required string StateName { get; init; }

    public CpomStrength Cpom { get; init; } = CpomStrength.Unknown;

    public Confidence CpomConfidence { get; init; } = Confidence.Low;

    public PcOwnerCategory PcOwnerCategory { get; init; } = PcOwnerCategory.Unknown;

    /// <summary>License types that may own the professional entity.</summary>
    public IReadOnlyList<LicenseType> PcOwnerLicenses { get; init; } = StateRuleDefaults.PcOwnerLicenses;

    /// <summary>The share MD/DO owners must hold together; null: no minimum beyond eligibility.</summary>
    public decimal? PhysicianMinPercent { get; init; }

    public Confidence PcOwnersConfidence { get; init; } = Confidence.Low;

    /// <summary>Entity forms sources name for medical practices; empty: unknown.</summary>
    public IReadOnlyList<EntityForm> ProfessionalForms { get; init; } = [];

    public Confidence ProfessionalFormsConfidence { get; init; } = Confidence.Low;

    public FeeSplittingStance FeeSplitting { get; init; } = FeeSplittingStance.Unknown;

    public Confidence FeeSplittingConfidence { get; init; } = Confidence.Low;

    public string? MedSpaNotes { get; init; }

    public Confidence MedSpaNotesConfidence { get; init; } = Confidence.Low;

    public string PcOwnersDetail { get; init; } = "";

    public string EntityFormsDetail { get; init; } = "";

    /// <summary>Absolute http(s) URLs the facts were read from.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public DateOnly? CompiledOn { get; init; }
}

/// <summary>What the engine assumes where a state's row, or a field of it, is unknown.</summary>
public static class StateRuleDefaults
{
    public static readonly IReadOnlyList<LicenseType> PcOwnerLicenses = [LicenseType.MD, LicenseType.DO];

    /// <summary>The row the engine uses for a state with no row: every field unknown.</summary>
    public static StateRule Unknown(StateCode state) => new() { State = state, StateName = state.Name };
}
