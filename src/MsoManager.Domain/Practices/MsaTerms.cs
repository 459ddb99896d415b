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

    /// <summary>Checks ranges and consistency (not completeness), or throws naming the field.</summary>
    public MsaTerms Validated()
    {
        Dates.Check(EffectiveOn, nameof(EffectiveOn));
        Dates.Check(FmvValuedOn, nameof(FmvValuedOn));
        CheckRange(InitialTermMonths, 1, MaxTermMonths, nameof(InitialTermMonths), "Initial term (months)");
        CheckRange(RenewalTermMonths, 1, MaxTermMonths, nameof(RenewalTermMonths), "Renewal term (months)");
        CheckRange(WithoutCauseNoticeDays, 0, MaxNoticeDays, nameof(WithoutCauseNoticeDays), "Without-cause notice (days)");
        Text.OptionalFreeText(ForCauseProvisions, nameof(ForCauseProvisions));
        Text.OptionalFreeText(PaymentTerms, nameof(PaymentTerms));
        if (!string.IsNullOrWhiteSpace(Valuator))
        {
            Text.RequireName(Valuator, nameof(Valuator));
        }

        if (CustomServices.Count > MaxCustomServices)
        {
            throw new DomainRuleException(nameof(CustomServices), $"At most {MaxCustomServices} custom services.");
        }

        foreach (var custom in CustomServices)
        {
            Text.RequireName(custom, nameof(CustomServices));
        }

        CheckMoney(FlatMonthly, nameof(FlatMonthly));
        CheckMoney(FmvLow, nameof(FmvLow));
        CheckMoney(FmvHigh, nameof(FmvHigh));
        CheckPercent(RatePercent, nameof(RatePercent));
        CheckPercent(MarkupPercent, nameof(MarkupPercent));
        if (FmvLow is not null && FmvHigh is not null && FmvLow > FmvHigh)
        {
            throw new DomainRuleException(nameof(FmvHigh), "FMV high must not be below FMV low.");
        }

        if (FeeMethod is { } method)
        {
            var needed = FieldsFor(method);
            foreach (var (name, value) in new[] { (nameof(FlatMonthly), FlatMonthly), (nameof(RatePercent), RatePercent), (nameof(MarkupPercent), MarkupPercent) })
            {
                if (value is not null && !needed.Contains(name))
                {
                    throw new DomainRuleException(name, $"A {method} fee does not use {name}; leave it empty.");
                }
            }
        }
        else if (FlatMonthly is not null || RatePercent is not null || MarkupPercent is not null)
        {
            throw new DomainRuleException(nameof(FeeMethod), "Choose the fee method the amounts belong to.");
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

    private static void CheckRange(int? value, int min, int max, string field, string label)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new DomainRuleException(field, $"{label} must be between {min} and {max}.");
        }
    }

    private static void CheckMoney(decimal? value, string field)
    {
        if (value is { } amount)
        {
            Money.From(amount, field);
        }
    }

    private static void CheckPercent(decimal? value, string field)
    {
        if (value is { } percent)
        {
            Percentage.From(percent, field);
        }
    }
}
