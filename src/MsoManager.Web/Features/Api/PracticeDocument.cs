namespace MsoManager.Web.Features.Api;

// The practice document of api.md, as JSON reads and writes it. Enum values, dates and months are
// strings here so that a bad one is reported with every other problem of the document (a typed
// property would stop deserialization at the first); PracticeDocumentValidator checks them all.

/// <summary>One practice and its structure, as the API imports and returns it; records refer to each other by key.</summary>
public sealed record PracticeDocument
{
    /// <summary>Set in answers; ignored on import.</summary>
    public Guid? Id { get; init; }

    public string? Name { get; init; }

    public string? PrimaryState { get; init; }

    /// <summary>Planning, Operating or Closed.</summary>
    public string? Status { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<LocationDocument>? Locations { get; init; }

    public IReadOnlyList<EntityDocument>? Entities { get; init; }

    public IReadOnlyList<PersonDocument>? People { get; init; }

    public IReadOnlyList<OrganizationDocument>? Organizations { get; init; }

    public IReadOnlyList<StakeDocument>? Ownership { get; init; }

    public IReadOnlyList<AgreementDocument>? Agreements { get; init; }

    public IReadOnlyList<FinancialMonthDocument>? Financials { get; init; }
}

public sealed record LocationDocument(string? Key, string? Street, string? City, string? State, string? Zip);

/// <summary>A professional entity or management company; <c>state</c> is the state of formation.</summary>
public sealed record EntityDocument
{
    public string? Key { get; init; }

    /// <summary>ProfessionalEntity or ManagementCompany.</summary>
    public string? Kind { get; init; }

    public string? LegalName { get; init; }

    public string? Dba { get; init; }

    /// <summary>PC, PLLC, PA, LLC, LLP or CORP.</summary>
    public string? Form { get; init; }

    public string? State { get; init; }

    /// <summary>Planned, Filed, Active or Dissolved.</summary>
    public string? Status { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? FormedOn { get; init; }

    /// <summary>NN-NNNNNNN.</summary>
    public string? Ein { get; init; }

    public string? RegisteredAgent { get; init; }

    public int? AnnualReportDueMonth { get; init; }

    public int? AnnualReportDueDay { get; init; }

    public string? Notes { get; init; }
}

public sealed record PersonDocument
{
    public string? Key { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public IReadOnlyList<LicenseDocument>? Licenses { get; init; }

    public IReadOnlyList<RoleDocument>? Roles { get; init; }
}

/// <summary>A license; the key is optional (one is derived from type and state when omitted).</summary>
public sealed record LicenseDocument(string? Key, string? Type, string? State, string? Number, string? Status, string? IssuedOn, string? ExpiresOn);

/// <summary>A role at an entity (by key) from a date, until an exclusive end date; the key is optional.</summary>
public sealed record RoleDocument(string? Key, string? Entity, string? Role, string? From, string? To);

public sealed record OrganizationDocument(string? Key, string? Name, string? Kind);

/// <summary>A stake in an entity (by key) held by a person or organization (by key), over [from, to).</summary>
public sealed record StakeDocument(string? Key, string? Entity, string? Owner, decimal? Percent, string? From, string? To);

public sealed record AgreementDocument
{
    public string? Key { get; init; }

    /// <summary>ManagementServicesAgreement, MedicalDirectorAgreement, StockTransferRestrictionAgreement or Other.</summary>
    public string? Type { get; init; }

    /// <summary>Optional; the type's name when omitted.</summary>
    public string? Title { get; init; }

    public string? ManagementCompany { get; init; }

    public string? ProfessionalEntity { get; init; }

    /// <summary>Draft, InReview, ChangesRequested, Approved, Executed or Terminated.</summary>
    public string? Status { get; init; }

    public string? EffectiveOn { get; init; }

    public int? TermMonths { get; init; }

    public bool? AutoRenew { get; init; }

    public int? RenewalTermMonths { get; init; }

    public int? WithoutCauseNoticeDays { get; init; }

    public string? ForCauseProvisions { get; init; }

    public IReadOnlyList<string>? Services { get; init; }

    public IReadOnlyList<string>? CustomServices { get; init; }

    public FeeDocument? Fee { get; init; }

    public string? PaymentTerms { get; init; }

    public FmvDocument? Fmv { get; init; }

    public IReadOnlyList<string>? ReservedClinicalAuthority { get; init; }

    /// <summary>
    /// For an executed agreement that was amended: when its current terms took effect. A PUT that
    /// changes an executed agreement's terms amends it from this date (later than the last one).
    /// </summary>
    public string? AmendmentEffectiveOn { get; init; }

    /// <summary>
    /// Counsel's review outside MSO Manager, for an agreement recorded as executed without an in-app
    /// review (an MSA signed before the practice used the app).
    /// </summary>
    public OutsideReviewDocument? OutsideReview { get; init; }
}

/// <summary>Who reviewed the agreement outside MSO Manager, and on what date (YYYY-MM-DD, not in the future).</summary>
public sealed record OutsideReviewDocument(string? Counsel, string? ReviewedOn);

/// <summary>The management fee: FlatMonthly, PercentOfCollections, CostPlus or Hybrid, with the amounts it uses.</summary>
public sealed record FeeDocument(string? Method, decimal? FlatMonthly, decimal? RatePercent, decimal? MarkupPercent);

/// <summary>The fair-market-value range (annual USD) and who valued it when.</summary>
public sealed record FmvDocument(decimal? Low, decimal? High, string? ValuedOn, string? Valuator);

/// <summary>A professional entity's month (YYYY-MM) of collections, clinical expenses and management fee paid.</summary>
public sealed record FinancialMonthDocument(string? Entity, string? Month, decimal? Collections, decimal? ClinicalExpenses, decimal? ManagementFeePaid);
