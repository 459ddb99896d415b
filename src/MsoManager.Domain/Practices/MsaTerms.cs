using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

public enum AgreementType
{
    ManagementServicesAgreement,
    MedicalDirectorAgreement,
    StockTransferRestrictionAgreement,
    Other,
}

public enum AgreementStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Executed,
    Terminated,
}

/// <summary>The seven standard non-clinical service lines of an MSA.</summary>
public enum ServiceLine
{
    Marketing,
    HumanResources,
    Technology,
    Facilities,
    FinancialReporting,
    VendorProcurement,
    Training,
}

public enum FeeMethod
{
    FlatMonthly,
    PercentOfCollections,
    CostPlus,
    Hybrid,
}

/// <summary>Clinical decisions an MSA can reserve to the professional entity.</summary>
public enum ClinicalAuthority
{
    ClinicalProtocols,
    ClinicalStaffing,
    PatientRecords,
    MedicalDirection,
    CodingAndBilling,
    PricingOfMedicalServices,
    PayerContracting,
}

/// <summary>
/// The negotiated terms of an agreement (for an MSA: term, services, fee, FMV support, reserved
/// clinical authority). A value: each saved change of an agreement keeps the previous terms as a version.
/// Terms may be incomplete while drafted; <see cref="MissingEssentials"/> says what an MSA still lacks.
/// </summary>
public sealed record MsaTerms
{
    public const int MaxTermMonths = 600;
    public const int MaxNoticeDays = 3650;
    public const int MaxCustomServices = 20;

    public const string FmvOrderMessage = "FMV high must not be below FMV low.";

    public const string FeeMethodMissingMessage = "Choose the fee method the amounts belong to.";

    /// <summary>The four reservations every MSA needs (rule CLINICAL_AUTHORITY_NOT_RESERVED).</summary>
    public static readonly IReadOnlyList<ClinicalAuthority> EssentialAuthority =
        [ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.ClinicalStaffing, ClinicalAuthority.PatientRecords, ClinicalAuthority.MedicalDirection];

    public static MsaTerms Empty { get; } = new();

    public DateOnly? EffectiveOn { get; init; }

    public int? InitialTermMonths { get; init; }

    public bool AutoRenew { get; init; }

    public int? RenewalTermMonths { get; init; }

    public int? WithoutCauseNoticeDays { get; init; }

    public string? ForCauseProvisions { get; init; }

    public IReadOnlyList<ServiceLine> Services { get; init; } = [];

    public IReadOnlyList<string> CustomServices { get; init; } = [];

    public FeeMethod? FeeMethod { get; init; }

    /// <summary>USD per month, for FlatMonthly and Hybrid.</summary>
    public decimal? FlatMonthly { get; init; }

    /// <summary>Percent of collections, for PercentOfCollections and Hybrid.</summary>
    public decimal? RatePercent { get; init; }

    /// <summary>Percent over cost, for CostPlus.</summary>
    public decimal? MarkupPercent { get; init; }

    public string? PaymentTerms { get; init; }

    /// <summary>Annual USD.</summary>
    public decimal? FmvLow { get; init; }

    /// <summary>Annual USD.</summary>
    public decimal? FmvHigh { get; init; }

    public DateOnly? FmvValuedOn { get; init; }

    public string? Valuator { get; init; }

    public IReadOnlyList<ClinicalAuthority> ReservedAuthority { get; init; } = [];

    /// <summary>The end of the initial term, when the agreement has an effective date and a term.</summary>
    public DateOnly? InitialTermEndsOn => EffectiveOn is { } start && InitialTermMonths is { } months ? start.AddMonths(months) : null;

    /// <summary>The amount fields the fee method needs.</summary>
    public static IReadOnlyList<string> FieldsFor(FeeMethod method) => method switch
    {
        Practices.FeeMethod.FlatMonthly => [nameof(FlatMonthly)],
        Practices.FeeMethod.PercentOfCollections => [nameof(RatePercent)],
        Practices.FeeMethod.CostPlus => [nameof(MarkupPercent)],
        Practices.FeeMethod.Hybrid => [nameof(FlatMonthly), nameof(RatePercent)],
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>Whether the fee method is set with every amount it needs.</summary>
    public bool HasCompleteFee => FeeMethod is { } method && FieldsFor(method).All(name => name switch
    {
        nameof(FlatMonthly) => FlatMonthly is not null,
        nameof(RatePercent) => RatePercent is not null,
        _ => MarkupPercent is not null,
    });

    /// <summary>What an MSA still lacks to be complete (rule MSA_INCOMPLETE), in plain words.</summary>
    public IReadOnlyList<string> MissingEssentials()
    {
        var missing = new List<string>();
        if (Services.Count == 0 && CustomServices.Count == 0)
        {
            missing.Add("services in scope");
        }

        if (!HasCompleteFee)
        {
            missing.Add("a fee method with its amounts");
        }

        if (InitialTermMonths is null)
        {
            missing.Add("an initial term");
        }

        if (WithoutCauseNoticeDays is null)
        {
            missing.Add("a without-cause notice period");
        }

        return missing;
    }

    /// <summary>The essential clinical reservations this MSA does not make.</summary>
    public IReadOnlyList<ClinicalAuthority> MissingAuthority() => [.. EssentialAuthority.Where(a => !ReservedAuthority.Contains(a))];

    /// <summary>The message when the initial term is not 1 to <see cref="MaxTermMonths"/> months, or null.</summary>
    public static string? ValidateInitialTerm(int? months) => ValidateRange(months, 1, MaxTermMonths, "Initial term", "months");

    public static string? ValidateRenewalTerm(int? months) => ValidateRange(months, 1, MaxTermMonths, "Renewal term", "months");

    public static string? ValidateNoticeDays(int? days) => ValidateRange(days, 0, MaxNoticeDays, "Without-cause notice", "days");

    public static string? ValidateForCauseProvisions(string? text) => Text.ValidateFreeText(text, "For-cause provisions");

    public static string? ValidatePaymentTerms(string? text) => Text.ValidateFreeText(text, "Payment terms");

    public static string? ValidateCustomServiceCount(int count) => count > MaxCustomServices ? $"At most {MaxCustomServices} custom services." : null;

    public static string? ValidateCustomService(string? text) => Text.ValidateName(text, "Custom service");

    public static string? ValidateFlatMonthly(decimal? amount) => amount is { } value ? Money.Validate(value, "Flat monthly fee") : null;

    public static string? ValidateRatePercent(decimal? percent) => percent is { } value ? Percentage.Validate(value, "Rate") : null;

    public static string? ValidateMarkupPercent(decimal? percent) => percent is { } value ? Percentage.Validate(value, "Markup") : null;

    public static string? ValidateFmvLow(decimal? low) => low is { } value ? Money.Validate(value, "FMV low") : null;

    /// <summary>The message when FMV high is not an amount, or is below FMV low (<see cref="FmvOrderMessage"/>), or null.</summary>
    public static string? ValidateFmvHigh(decimal? low, decimal? high) =>
        high is { } value ? Money.Validate(value, "FMV high") ?? (low > value ? FmvOrderMessage : null) : null;

    public static string? ValidateValuator(string? valuator) => Text.ValidateOptionalName(valuator, "Valuator");

    /// <summary>The message for an amount the fee method does not use (<see cref="FieldsFor"/>).</summary>
    public static string UnusedAmountMessage(FeeMethod method, string amount) => $"A {method} fee does not use {amount}; leave it empty.";

    /// <summary>Checks ranges and consistency (not completeness), or throws naming the field.</summary>
    public MsaTerms Validated()
    {
        Dates.Check(EffectiveOn, nameof(EffectiveOn), "Effective date");
        Dates.Check(FmvValuedOn, nameof(FmvValuedOn), "Valued on");
        DomainRuleException.ThrowIf(nameof(InitialTermMonths), ValidateInitialTerm(InitialTermMonths));
        DomainRuleException.ThrowIf(nameof(RenewalTermMonths), ValidateRenewalTerm(RenewalTermMonths));
        DomainRuleException.ThrowIf(nameof(WithoutCauseNoticeDays), ValidateNoticeDays(WithoutCauseNoticeDays));
        DomainRuleException.ThrowIf(nameof(ForCauseProvisions), ValidateForCauseProvisions(ForCauseProvisions));
        DomainRuleException.ThrowIf(nameof(PaymentTerms), ValidatePaymentTerms(PaymentTerms));
        DomainRuleException.ThrowIf(nameof(Valuator), ValidateValuator(Valuator));
        DomainRuleException.ThrowIf(nameof(CustomServices), ValidateCustomServiceCount(CustomServices.Count));
        foreach (var custom in CustomServices)
        {
            DomainRuleException.ThrowIf(nameof(CustomServices), ValidateCustomService(custom));
        }

        DomainRuleException.ThrowIf(nameof(FlatMonthly), ValidateFlatMonthly(FlatMonthly));
        DomainRuleException.ThrowIf(nameof(FmvLow), ValidateFmvLow(FmvLow));
        DomainRuleException.ThrowIf(nameof(FmvHigh), ValidateFmvHigh(FmvLow, FmvHigh));
        DomainRuleException.ThrowIf(nameof(RatePercent), ValidateRatePercent(RatePercent));
        DomainRuleException.ThrowIf(nameof(MarkupPercent), ValidateMarkupPercent(MarkupPercent));
        if (FeeMethod is { } method)
        {
            var needed = FieldsFor(method);
            foreach (var (name, value) in new[] { (nameof(FlatMonthly), FlatMonthly), (nameof(RatePercent), RatePercent), (nameof(MarkupPercent), MarkupPercent) })
            {
                if (value is not null && !needed.Contains(name))
                {
                    throw new DomainRuleException(name, UnusedAmountMessage(method, name));
                }
            }
        }
        else if (FlatMonthly is not null || RatePercent is not null || MarkupPercent is not null)
        {
            throw new DomainRuleException(nameof(FeeMethod), FeeMethodMissingMessage);
        }

        return this with
        {
            Services = [.. Services.Distinct().Order()],
            CustomServices = [.. CustomServices.Select(c => c.Trim()).Distinct()],
            ReservedAuthority = [.. ReservedAuthority.Distinct().Order()],
            ForCauseProvisions = Text.OptionalFreeText(ForCauseProvisions, nameof(ForCauseProvisions)),
            PaymentTerms = Text.OptionalFreeText(PaymentTerms, nameof(PaymentTerms)),
            Valuator = string.IsNullOrWhiteSpace(Valuator) ? null : Valuator.Trim(),
        };
    }

    public bool Equals(MsaTerms? other) =>
        other is not null
        && EffectiveOn == other.EffectiveOn && InitialTermMonths == other.InitialTermMonths && AutoRenew == other.AutoRenew
        && RenewalTermMonths == other.RenewalTermMonths && WithoutCauseNoticeDays == other.WithoutCauseNoticeDays
        && ForCauseProvisions == other.ForCauseProvisions && Services.SequenceEqual(other.Services)
        && CustomServices.SequenceEqual(other.CustomServices) && FeeMethod == other.FeeMethod && FlatMonthly == other.FlatMonthly
        && RatePercent == other.RatePercent && MarkupPercent == other.MarkupPercent && PaymentTerms == other.PaymentTerms
        && FmvLow == other.FmvLow && FmvHigh == other.FmvHigh && FmvValuedOn == other.FmvValuedOn && Valuator == other.Valuator
        && ReservedAuthority.SequenceEqual(other.ReservedAuthority);

    public override int GetHashCode() => HashCode.Combine(EffectiveOn, InitialTermMonths, FeeMethod, FlatMonthly, RatePercent, FmvHigh, Services.Count, ReservedAuthority.Count);

    private static string? ValidateRange(int? value, int min, int max, string label, string unit) =>
        value is { } v && (v < min || v > max) ? $"{label} must be between {min} and {max} {unit}." : null;
}
