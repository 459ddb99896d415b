using FluentValidation;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>What the agreement editor is doing: the domain allows different changes in each case.</summary>
public enum AgreementEditMode
{
    /// <summary>A new agreement: type and parties are chosen once, here.</summary>
    New,

    /// <summary>A draft (or one with changes requested): title and terms, kept as a revision.</summary>
    Revise,

    /// <summary>An executed agreement: new terms from the amendment's own effective date.</summary>
    Amend,
}

/// <summary>One checkbox of a fixed list (a service line, a clinical reservation).</summary>
public sealed class Choice<T>(T value, bool selected)
{
    public T Value { get; } = value;

    public bool Selected { get; set; } = selected;
}

/// <summary>A custom service line, as a row of the editor.</summary>
public sealed class CustomServiceRow
{
    public string Text { get; set; } = "";
}

/// <summary>An agreement's title, type, parties and terms, as its editor edits them.</summary>
public sealed class AgreementForm
{
    public AgreementEditMode Mode { get; init; }

    public string Title { get; set; } = "";

    public AgreementType Type { get; set; } = AgreementType.ManagementServicesAgreement;

    public Guid? ManagementCompanyId { get; set; }

    public Guid? ProfessionalEntityId { get; set; }

    public DateTime? EffectiveOn { get; set; }

    /// <summary>For <see cref="AgreementEditMode.Amend"/>: when the amended terms take effect.</summary>
    public DateTime? AmendmentEffectiveOn { get; set; }

    /// <summary>When the agreement's last amendment took effect (a new one cannot precede it).</summary>
    public DateOnly? PreviousAmendmentOn { get; init; }

    public int? InitialTermMonths { get; set; }

    public bool AutoRenew { get; set; }

    public int? RenewalTermMonths { get; set; }

    public int? WithoutCauseNoticeDays { get; set; }

    public string? ForCauseProvisions { get; set; }

    public IReadOnlyList<Choice<ServiceLine>> Services { get; init; } = Choices<ServiceLine>([]);

    public List<CustomServiceRow> CustomServices { get; init; } = [];

    public FeeMethod? FeeMethod { get; set; }

    public decimal? FlatMonthly { get; set; }

    public decimal? RatePercent { get; set; }

    public decimal? MarkupPercent { get; set; }

    public string? PaymentTerms { get; set; }

    public decimal? FmvLow { get; set; }

    public decimal? FmvHigh { get; set; }

    public DateTime? FmvValuedOn { get; set; }

    public string? Valuator { get; set; }

    public IReadOnlyList<Choice<ClinicalAuthority>> ReservedAuthority { get; init; } = Choices<ClinicalAuthority>([]);

    public bool IsMsa => Type == AgreementType.ManagementServicesAgreement;

    /// <summary>Whether the chosen fee method uses the named amount (<see cref="MsaTerms.FieldsFor"/>).</summary>
    public bool Uses(string amountField) => FeeMethod is { } method && MsaTerms.FieldsFor(method).Contains(amountField);

    /// <summary>A new MSA: the essential clinical reservations are ticked, since compliance requires them.</summary>
    public static AgreementForm New(Practice practice) => new()
    {
        Mode = AgreementEditMode.New,
        ManagementCompanyId = OnlyOne(practice, EntityKind.ManagementCompany),
        ProfessionalEntityId = OnlyOne(practice, EntityKind.ProfessionalEntity),
        ReservedAuthority = Choices(MsaTerms.EssentialAuthority),
    };

    public static AgreementForm From(Agreement agreement, AgreementEditMode mode)
    {
        var terms = agreement.Terms;
        return new AgreementForm
        {
            Mode = mode,
            Title = agreement.Title,
            Type = agreement.Type,
            ManagementCompanyId = agreement.ManagementCompanyId,
            ProfessionalEntityId = agreement.ProfessionalEntityId,
            EffectiveOn = terms.EffectiveOn.ToPickerValue(),
            InitialTermMonths = terms.InitialTermMonths,
            AutoRenew = terms.AutoRenew,
            RenewalTermMonths = terms.RenewalTermMonths,
            WithoutCauseNoticeDays = terms.WithoutCauseNoticeDays,
            ForCauseProvisions = terms.ForCauseProvisions,
            Services = Choices(terms.Services),
            CustomServices = [.. terms.CustomServices.Select(text => new CustomServiceRow { Text = text })],
            FeeMethod = terms.FeeMethod,
            FlatMonthly = terms.FlatMonthly,
            RatePercent = terms.RatePercent,
            MarkupPercent = terms.MarkupPercent,
            PaymentTerms = terms.PaymentTerms,
            FmvLow = terms.FmvLow,
            FmvHigh = terms.FmvHigh,
            FmvValuedOn = terms.FmvValuedOn.ToPickerValue(),
            Valuator = terms.Valuator,
            ReservedAuthority = Choices(terms.ReservedAuthority),
            PreviousAmendmentOn = agreement.CurrentVersionEffectiveOn,
        };
    }

    /// <summary>
    /// The terms as the domain keeps them. Amounts the fee method does not use are cleared (they
    /// stay in the form while the user tries methods, but are not saved); the MSA-only sections are
    /// not shown for other agreements, so nothing of them is saved either.
    /// </summary>
    public MsaTerms ToTerms()
    {
        var terms = new MsaTerms
        {
            EffectiveOn = EffectiveOn.ToDateOnly(),
            InitialTermMonths = InitialTermMonths,
            AutoRenew = AutoRenew,
            RenewalTermMonths = RenewalTermMonths,
            WithoutCauseNoticeDays = WithoutCauseNoticeDays,
            ForCauseProvisions = ForCauseProvisions,
        };
        if (!IsMsa)
        {
            return terms;
        }

        return terms with
        {
            Services = [.. Services.Where(s => s.Selected).Select(s => s.Value)],
            CustomServices = [.. CustomServices.Select(c => c.Text.Trim())],
            FeeMethod = FeeMethod,
            FlatMonthly = Uses(nameof(MsaTerms.FlatMonthly)) ? FlatMonthly : null,
            RatePercent = Uses(nameof(MsaTerms.RatePercent)) ? RatePercent : null,
            MarkupPercent = Uses(nameof(MsaTerms.MarkupPercent)) ? MarkupPercent : null,
            PaymentTerms = PaymentTerms,
            FmvLow = FmvLow,
            FmvHigh = FmvHigh,
            FmvValuedOn = FmvValuedOn.ToDateOnly(),
            Valuator = Valuator,
            ReservedAuthority = [.. ReservedAuthority.Where(a => a.Selected).Select(a => a.Value)],
        };
    }

    private static List<Choice<T>> Choices<T>(IReadOnlyList<T> selected)
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(value => new Choice<T>(value, selected.Contains(value)))];

    /// <summary>Preselects a party when the practice has just one entity of that kind.</summary>
    private static Guid? OnlyOne(Practice practice, EntityKind kind)
    {
        var ids = practice.Entities.Where(e => e.Kind == kind).Select(e => e.Id).ToList();
        return ids.Count == 1 ? ids[0] : null;
    }
}

public sealed class AgreementFormValidator : AbstractValidator<AgreementForm>
{
    public AgreementFormValidator()
    {
        RuleFor(f => f.Title).RequiredName("Title");
        RuleFor(f => f.Type).IsInEnum().WithMessage("Choose the type of agreement.");
        RuleFor(f => f.ManagementCompanyId)
            .NotNull().When(f => f.Mode == AgreementEditMode.New && f.IsMsa)
            .WithMessage(Agreement.ManagementCompanyRequiredMessage);
        RuleFor(f => f.ProfessionalEntityId)
            .NotNull().When(f => f.Mode == AgreementEditMode.New && f.IsMsa)
            .WithMessage(Agreement.ProfessionalEntityRequiredMessage);
        RuleFor(f => f.EffectiveOn).DateInRange("Effective date");
        RuleFor(f => f.AmendmentEffectiveOn)
            .NotNull().When(f => f.Mode == AgreementEditMode.Amend).WithMessage("Give the date the amendment takes effect.")
            .DateInRange("Amendment effective date")
            .Satisfies((f, on) => on is null ? null
                : Agreement.ValidateAmendmentEffectiveOn(DateOnly.FromDateTime(on.Value), f.EffectiveOn is { } start ? DateOnly.FromDateTime(start) : null, f.PreviousAmendmentOn));
        RuleFor(f => f.InitialTermMonths).Satisfies(MsaTerms.ValidateInitialTerm);
        RuleFor(f => f.RenewalTermMonths).Satisfies(MsaTerms.ValidateRenewalTerm);
        RuleFor(f => f.WithoutCauseNoticeDays).Satisfies(MsaTerms.ValidateNoticeDays);
        RuleFor(f => f.ForCauseProvisions).Satisfies(MsaTerms.ValidateForCauseProvisions);
        RuleFor(f => f.CustomServices).Satisfies(rows => MsaTerms.ValidateCustomServiceCount(rows.Count));
        RuleForEach(f => f.CustomServices).ChildRules(row => row.RuleFor(r => r.Text).Satisfies(MsaTerms.ValidateCustomService));
        RuleFor(f => f.FlatMonthly).Satisfies(MsaTerms.ValidateFlatMonthly).When(f => f.Uses(nameof(MsaTerms.FlatMonthly)));
        RuleFor(f => f.RatePercent).Satisfies(MsaTerms.ValidateRatePercent).When(f => f.Uses(nameof(MsaTerms.RatePercent)));
        RuleFor(f => f.MarkupPercent).Satisfies(MsaTerms.ValidateMarkupPercent).When(f => f.Uses(nameof(MsaTerms.MarkupPercent)));
        RuleFor(f => f.PaymentTerms).Satisfies(MsaTerms.ValidatePaymentTerms);
        RuleFor(f => f.FmvLow).Satisfies(MsaTerms.ValidateFmvLow);
        RuleFor(f => f.FmvHigh).Satisfies((f, high) => MsaTerms.ValidateFmvHigh(f.FmvLow, high));
        RuleFor(f => f.FmvValuedOn).DateInRange("Valued on");
        RuleFor(f => f.Valuator).Satisfies(MsaTerms.ValidateValuator);
    }
}
