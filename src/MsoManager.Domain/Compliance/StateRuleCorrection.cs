using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>
/// A workspace's correction of one state's shipped rule: only the engine-relevant fields that differ
/// from the shipped row (null: as shipped), why, and who made it when. Per workspace, so one firm's
/// reading of a state's law never changes another firm's findings; the shipped row itself is never
/// changed, so it stays visible next to the correction and a newer shipped file still refreshes it.
/// </summary>
public sealed class StateRuleCorrection : IWorkspaceOwned
{
    private StateRuleCorrection()
    {
        State = null!;
        Reason = "";
        CorrectedByUserId = "";
        CorrectedByName = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public StateCode State { get; private set; }

    public CpomStrength? Cpom { get; private set; }

    public Confidence? CpomConfidence { get; private set; }

    public PcOwnerCategory? PcOwnerCategory { get; private set; }

    public IReadOnlyList<LicenseType>? PcOwnerLicenses { get; private set; }

    /// <summary>Whether <see cref="PhysicianMinPercent"/> is corrected (its null means "no minimum", not "as shipped").</summary>
    public bool CorrectsPhysicianMinPercent { get; private set; }

    public decimal? PhysicianMinPercent { get; private set; }

    public Confidence? PcOwnersConfidence { get; private set; }

    public IReadOnlyList<EntityForm>? ProfessionalForms { get; private set; }

    public Confidence? ProfessionalFormsConfidence { get; private set; }

    public FeeSplittingStance? FeeSplitting { get; private set; }

    public Confidence? FeeSplittingConfidence { get; private set; }

    /// <summary>Whether <see cref="MedSpaNotes"/> is corrected (its null means "no notes", not "as shipped").</summary>
    public bool CorrectsMedSpaNotes { get; private set; }

    public string? MedSpaNotes { get; private set; }

    public Confidence? MedSpaNotesConfidence { get; private set; }

    /// <summary>Why the shipped value is wrong for this workspace (for example, counsel's reading and its source).</summary>
    public string Reason { get; private set; }

    public string CorrectedByUserId { get; private set; }

    public string CorrectedByName { get; private set; }

    public DateTimeOffset CorrectedAt { get; private set; }

    /// <summary>
    /// A correction of <paramref name="shipped"/> to <paramref name="corrected"/>'s engine-relevant
    /// fields; refused when none differs or a value is out of range.
    /// </summary>
    public static StateRuleCorrection Create(
        Guid workspaceId, StateRule shipped, StateRule corrected, string reason, string userId, string userName, DateTimeOffset now)
    {
        var correction = new StateRuleCorrection { Id = Guid.CreateVersion7(now), WorkspaceId = workspaceId, State = shipped.State };
        correction.Change(shipped, corrected, reason, userId, userName, now);
        return correction;
    }

    /// <summary>Replaces the correction with <paramref name="corrected"/>'s differences from <paramref name="shipped"/>.</summary>
    public void Change(StateRule shipped, StateRule corrected, string reason, string userId, string userName, DateTimeOffset now)
    {
        if (shipped.State != State)
        {
            throw new DomainRuleException("State", $"This correction is for {State.Name}, not {shipped.State.Name}.");
        }

        Validate(corrected);
        var trimmedReason = reason?.Trim() ?? "";
        if (trimmedReason.Length == 0)
        {
            throw new DomainRuleException("Reason", "Reason is required: say why the shipped value is wrong, and on whose reading.");
        }

        // Checked on a scratch copy first, so a refused change leaves this correction as it was.
        var candidate = new StateRuleCorrection { State = State };
        candidate.Assign(shipped, corrected);
        if (candidate.ApplyTo(shipped) == shipped)
        {
            throw new DomainRuleException("Correction", "Nothing differs from the shipped row; change a value, or revert to shipped instead.");
        }

        Reason = Text.OptionalFreeText(trimmedReason, "Reason")!;
        Assign(shipped, corrected);
        CorrectedByUserId = userId;
        CorrectedByName = userName;
        CorrectedAt = now;
    }

    private void Assign(StateRule shipped, StateRule corrected)
    {
        Cpom = Differs(shipped.Cpom, corrected.Cpom);
        CpomConfidence = Differs(shipped.CpomConfidence, corrected.CpomConfidence);
        PcOwnerCategory = Differs(shipped.PcOwnerCategory, corrected.PcOwnerCategory);
        PcOwnerLicenses = shipped.PcOwnerLicenses.Order().SequenceEqual(corrected.PcOwnerLicenses.Order()) ? null : [.. corrected.PcOwnerLicenses.Distinct().Order()];
        CorrectsPhysicianMinPercent = shipped.PhysicianMinPercent != corrected.PhysicianMinPercent;
        PhysicianMinPercent = CorrectsPhysicianMinPercent ? corrected.PhysicianMinPercent : null;
        PcOwnersConfidence = Differs(shipped.PcOwnersConfidence, corrected.PcOwnersConfidence);
        ProfessionalForms = shipped.ProfessionalForms.Order().SequenceEqual(corrected.ProfessionalForms.Order()) ? null : [.. corrected.ProfessionalForms.Distinct().Order()];
        ProfessionalFormsConfidence = Differs(shipped.ProfessionalFormsConfidence, corrected.ProfessionalFormsConfidence);
        FeeSplitting = Differs(shipped.FeeSplitting, corrected.FeeSplitting);
        FeeSplittingConfidence = Differs(shipped.FeeSplittingConfidence, corrected.FeeSplittingConfidence);
        var notes = Text.OptionalFreeText(corrected.MedSpaNotes, "Med spa notes");
        CorrectsMedSpaNotes = notes != (shipped.MedSpaNotes?.Trim() is { Length: > 0 } shippedNotes ? shippedNotes : null);
        MedSpaNotes = CorrectsMedSpaNotes ? notes : null;
        MedSpaNotesConfidence = Differs(shipped.MedSpaNotesConfidence, corrected.MedSpaNotesConfidence);
    }

    /// <summary>The shipped row with this correction's fields in place of its own.</summary>
    public StateRule ApplyTo(StateRule shipped) => shipped with
    {
        Cpom = Cpom ?? shipped.Cpom,
        CpomConfidence = CpomConfidence ?? shipped.CpomConfidence,
        PcOwnerCategory = PcOwnerCategory ?? shipped.PcOwnerCategory,
        PcOwnerLicenses = PcOwnerLicenses ?? shipped.PcOwnerLicenses,
        PhysicianMinPercent = CorrectsPhysicianMinPercent ? PhysicianMinPercent : shipped.PhysicianMinPercent,
        PcOwnersConfidence = PcOwnersConfidence ?? shipped.PcOwnersConfidence,
        ProfessionalForms = ProfessionalForms ?? shipped.ProfessionalForms,
        ProfessionalFormsConfidence = ProfessionalFormsConfidence ?? shipped.ProfessionalFormsConfidence,
        FeeSplitting = FeeSplitting ?? shipped.FeeSplitting,
        FeeSplittingConfidence = FeeSplittingConfidence ?? shipped.FeeSplittingConfidence,
        MedSpaNotes = CorrectsMedSpaNotes ? MedSpaNotes : shipped.MedSpaNotes,
        MedSpaNotesConfidence = MedSpaNotesConfidence ?? shipped.MedSpaNotesConfidence,
    };

    private static T? Differs<T>(T shipped, T corrected)
        where T : struct, Enum =>
        EqualityComparer<T>.Default.Equals(shipped, corrected) ? null : corrected;

    private static void Validate(StateRule corrected)
    {
        RequireDefined(corrected.Cpom, "CPOM strength");
        RequireDefined(corrected.PcOwnerCategory, "PC owner category");
        RequireDefined(corrected.FeeSplitting, "Fee splitting");
        foreach (var confidence in new[]
        {
            corrected.CpomConfidence, corrected.PcOwnersConfidence, corrected.ProfessionalFormsConfidence,
            corrected.FeeSplittingConfidence, corrected.MedSpaNotesConfidence,
        })
        {
            RequireDefined(confidence, "Confidence");
        }

        if (corrected.PcOwnerLicenses.Count == 0)
        {
            throw new DomainRuleException("PC owner licenses", "PC owner licenses: choose at least one license type that may own the PC.");
        }

        if (corrected.PcOwnerLicenses.Any(l => !Enum.IsDefined(l)) || corrected.ProfessionalForms.Any(f => !Enum.IsDefined(f)))
        {
            throw new DomainRuleException("PC owner licenses", "PC owner licenses and professional forms must be known values.");
        }

        if (corrected.PhysicianMinPercent is { } minimum)
        {
            Percentage.From(minimum, "Physician minimum");
        }
    }

    private static void RequireDefined<T>(T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainRuleException(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
