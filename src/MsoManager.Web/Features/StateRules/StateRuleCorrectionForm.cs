using FluentValidation;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.StateRules;

/// <summary>
/// A state's engine-relevant values as the correction dialog edits them, opened on the values in force.
/// Whatever still equals the shipped value when saved is not corrected.
/// </summary>
public sealed class StateRuleCorrectionForm
{
    public CpomStrength Cpom { get; set; }

    public Confidence CpomConfidence { get; set; }

    public PcOwnerCategory PcOwnerCategory { get; set; }

    public IReadOnlyCollection<LicenseType> PcOwnerLicenses { get; set; } = [];

    public decimal? PhysicianMinPercent { get; set; }

    public Confidence PcOwnersConfidence { get; set; }

    public IReadOnlyCollection<EntityForm> ProfessionalForms { get; set; } = [];

    public Confidence ProfessionalFormsConfidence { get; set; }

    public FeeSplittingStance FeeSplitting { get; set; }

    public Confidence FeeSplittingConfidence { get; set; }

    public string? MedSpaNotes { get; set; }

    public Confidence MedSpaNotesConfidence { get; set; }

    public string Reason { get; set; } = "";

    public static StateRuleCorrectionForm From(StateRule inForce, string? reason) => new()
    {
        Cpom = inForce.Cpom,
        CpomConfidence = inForce.CpomConfidence,
        PcOwnerCategory = inForce.PcOwnerCategory,
        PcOwnerLicenses = [.. inForce.PcOwnerLicenses],
        PhysicianMinPercent = inForce.PhysicianMinPercent,
        PcOwnersConfidence = inForce.PcOwnersConfidence,
        ProfessionalForms = [.. inForce.ProfessionalForms],
        ProfessionalFormsConfidence = inForce.ProfessionalFormsConfidence,
        FeeSplitting = inForce.FeeSplitting,
        FeeSplittingConfidence = inForce.FeeSplittingConfidence,
        MedSpaNotes = inForce.MedSpaNotes,
        MedSpaNotesConfidence = inForce.MedSpaNotesConfidence,
        Reason = reason ?? "",
    };

    /// <summary>The shipped row with this form's values: what the correction makes of it.</summary>
    public StateRule ToRule(StateRule shipped) => shipped with
    {
        Cpom = Cpom,
        CpomConfidence = CpomConfidence,
        PcOwnerCategory = PcOwnerCategory,
        PcOwnerLicenses = [.. PcOwnerLicenses.Distinct().Order()],
        PhysicianMinPercent = PhysicianMinPercent,
        PcOwnersConfidence = PcOwnersConfidence,
        ProfessionalForms = [.. ProfessionalForms.Distinct().Order()],
        ProfessionalFormsConfidence = ProfessionalFormsConfidence,
        FeeSplitting = FeeSplitting,
        FeeSplittingConfidence = FeeSplittingConfidence,
        MedSpaNotes = MedSpaNotes,
        MedSpaNotesConfidence = MedSpaNotesConfidence,
    };
}

public sealed class StateRuleCorrectionFormValidator : AbstractValidator<StateRuleCorrectionForm>
{
    public StateRuleCorrectionFormValidator()
    {
        RuleFor(f => f.Cpom).IsInEnum().WithMessage("CPOM strength must be one of the listed values.");
        RuleFor(f => f.PcOwnerCategory).IsInEnum().WithMessage("Who may own the PC must be one of the listed values.");
        RuleFor(f => f.FeeSplitting).IsInEnum().WithMessage("Fee splitting must be one of the listed values.");
        RuleFor(f => f.CpomConfidence).IsInEnum().WithMessage("CPOM confidence must be High, Medium or Low.");
        RuleFor(f => f.PcOwnersConfidence).IsInEnum().WithMessage("PC owners confidence must be High, Medium or Low.");
        RuleFor(f => f.ProfessionalFormsConfidence).IsInEnum().WithMessage("Forms confidence must be High, Medium or Low.");
        RuleFor(f => f.FeeSplittingConfidence).IsInEnum().WithMessage("Fee splitting confidence must be High, Medium or Low.");
        RuleFor(f => f.MedSpaNotesConfidence).IsInEnum().WithMessage("Med spa notes confidence must be High, Medium or Low.");
        RuleFor(f => f.PcOwnerLicenses).Must(l => l.Any()).WithMessage(StateRuleCorrectionMessages.LicensesRequired);
        RuleFor(f => f.PhysicianMinPercent).PercentValue("Physician minimum");
        RuleFor(f => f.MedSpaNotes).FreeText("Med spa notes");
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Reason is required: say why the shipped value is wrong, and on whose reading.")
            .FreeText("Reason");
    }
}

/// <summary>Messages the dialog shows itself, outside the validator's field binding.</summary>
internal static class StateRuleCorrectionMessages
{
    public const string LicensesRequired = "License types that may own the PC: choose at least one.";
}
