using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.History;
using MudBlazor;

namespace MsoManager.Web.Features.Practices;

/// <summary>The words the agreement pages use for the domain's enums, so the list, the editor and the versions read alike.</summary>
public static class AgreementLabels
{
    public static string Of(AgreementType type) => type switch
    {
        AgreementType.ManagementServicesAgreement => "MSA",
        AgreementType.MedicalDirectorAgreement => "Medical director agreement",
        AgreementType.StockTransferRestrictionAgreement => "Stock transfer restriction agreement",
        AgreementType.Other => "Other",
        _ => type.ToString(),
    };

    public static string Of(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Draft",
        AgreementStatus.InReview => "In review",
        AgreementStatus.ChangesRequested => "Changes requested",
        AgreementStatus.Approved => "Approved",
        AgreementStatus.Executed => "Executed",
        AgreementStatus.Terminated => "Terminated",
        _ => status.ToString(),
    };

    public static Color ColorOf(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => Color.Default,
        AgreementStatus.InReview => Color.Info,
        AgreementStatus.ChangesRequested => Color.Warning,
        AgreementStatus.Approved => Color.Primary,
        AgreementStatus.Executed => Color.Success,
        AgreementStatus.Terminated => Color.Dark,
        _ => Color.Default,
    };

    public static string Of(ServiceLine line) => line switch
    {
        ServiceLine.Marketing => "Marketing",
        ServiceLine.HumanResources => "Human resources",
        ServiceLine.Technology => "Technology",
        ServiceLine.Facilities => "Facilities",
        ServiceLine.FinancialReporting => "Financial reporting and revenue cycle",
        ServiceLine.VendorProcurement => "Vendor procurement",
        ServiceLine.Training => "Training",
        _ => line.ToString(),
    };

    public static string Of(FeeMethod method) => method switch
    {
        FeeMethod.FlatMonthly => "Flat monthly",
        FeeMethod.PercentOfCollections => "Percent of collections",
        FeeMethod.CostPlus => "Cost plus",
        FeeMethod.Hybrid => "Hybrid (flat and rate)",
        _ => method.ToString(),
    };

    public static string Of(ClinicalAuthority authority) => authority switch
    {
        ClinicalAuthority.ClinicalProtocols => "Clinical protocols",
        ClinicalAuthority.ClinicalStaffing => "Clinical staffing",
        ClinicalAuthority.PatientRecords => "Patient records",
        ClinicalAuthority.MedicalDirection => "Medical direction",
        ClinicalAuthority.CodingAndBilling => "Coding and billing",
        ClinicalAuthority.PricingOfMedicalServices => "Pricing of medical services",
        ClinicalAuthority.PayerContracting => "Payer contracting",
        _ => authority.ToString(),
    };

    public static string Of(AgreementVersionKind kind) => kind switch
    {
        AgreementVersionKind.Revision => "Revision",
        AgreementVersionKind.Amendment => "Amendment",
        _ => kind.ToString(),
    };

    /// <summary>
    /// How the agreement reached its status when not through the review in the app: counsel's review
    /// outside MSO Manager, or an import of an agreement already in that status; null otherwise.
    /// </summary>
    public static string? Provenance(Agreement agreement) =>
        agreement.OutsideReview is { } review ? OutsideReview(review)
        : agreement.ImportedAs is { } imported ? $"Recorded on import as {Of(imported).ToLowerInvariant()}, not reviewed in MSO Manager"
        : null;

    /// <summary>"Reviewed outside MSO Manager by Jane Roe, Esq. on 2024-05-02".</summary>
    public static string OutsideReview(OutsideReview review) => $"Reviewed outside MSO Manager by {review.Counsel} on {Date(review.ReviewedOn)}";

    /// <summary>"Version 2 — saved by Dana Owner on 2026-12-01 14:03 UTC (amendment effective 2026-07-01)": as much as the trail says.</summary>
    public static string VersionHeading(AgreementVersionEntry entry)
    {
        var saved = (entry.SavedBy, entry.SavedAt) switch
        {
            ({ } by, { } at) => $" — saved by {by} on {AuditFormat.Instant(at)}",
            ({ } by, null) => $" — saved by {by}",
            (null, { } at) => $" — saved on {AuditFormat.Instant(at)}",
            _ => "",
        };
        var amended = entry.Version.AmendmentEffectiveOn is { } on ? $" (amendment effective {Date(on)})" : "";
        return $"Version {entry.Number}{saved}{amended}";
    }

    /// <summary>How a version came to be: "Original terms", "By revision", "By amendment".</summary>
    public static string Origin(AgreementTermsVersion version) => version.Kind is { } kind ? $"By {Of(kind).ToLowerInvariant()}" : "Original terms";

    /// <summary>The legal name of a party, or a dash when the agreement has none on that side.</summary>
    public static string PartyName(Practice practice, Guid? entityId) =>
        entityId is { } id ? practice.Entities.SingleOrDefault(e => e.Id == id)?.LegalName ?? "(removed)" : "—";

    /// <summary>
    /// One version's terms as lines of words, each with the section of the agreement it belongs to (the
    /// sections a review comments on): the versions dialog shows them all, the review page by section.
    /// </summary>
    public static IReadOnlyList<AgreementTermRow> TermRows(MsaTerms terms, string title, bool isMsa, DateOnly? amendmentEffectiveOn)
    {
        List<AgreementTermRow> rows =
        [
            new(ReviewSection.Parties, "Title", title),
            new(ReviewSection.Term, "Effective date", Date(terms.EffectiveOn)),
        ];
        if (amendmentEffectiveOn is not null)
        {
            rows.Add(new(ReviewSection.Term, "These terms effective from", Date(amendmentEffectiveOn)));
        }

        rows.AddRange(
        [
            new(ReviewSection.Term, "Initial term", terms.InitialTermMonths is { } months ? $"{months} months (to {Date(terms.InitialTermEndsOn)})" : "—"),
            new(ReviewSection.Term, "Renewal", Renewal(terms)),
            new(ReviewSection.Termination, "Without-cause notice", terms.WithoutCauseNoticeDays is { } days ? $"{days} days" : "—"),
            new(ReviewSection.Termination, "For-cause provisions", terms.ForCauseProvisions ?? "—", MultiLine: true),
        ]);
        if (isMsa)
        {
            rows.AddRange(
            [
                new(ReviewSection.Services, "Services in scope", Joined(terms.Services.Select(Of).Concat(terms.CustomServices))),
                new(ReviewSection.Fee, "Fee", Fee(terms)),
                new(ReviewSection.Fee, "Payment terms", terms.PaymentTerms ?? "—", MultiLine: true),
                new(ReviewSection.Fmv, "FMV support", FmvSupport(terms)),
                new(ReviewSection.ClinicalAuthority, "Reserved clinical authority", Joined(terms.ReservedAuthority.Select(Of))),
            ]);
        }

        return rows;
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "—";

    public static string Usd(decimal? amount) => amount is { } value ? value.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-US")) : "—";

    public static string Percent(decimal? value) => value is { } percent ? $"{percent:0.##}%" : "—";

    private static string Renewal(MsaTerms terms) =>
        terms.AutoRenew ? $"Renews automatically{(terms.RenewalTermMonths is { } renewal ? $" for {renewal} months at a time" : "")}"
        : terms.RenewalTermMonths is { } term ? $"Does not renew automatically (renewal term {term} months)"
        : "Does not renew automatically";

    private static string Fee(MsaTerms terms) => terms.FeeMethod switch
    {
        null => "No fee method yet",
        FeeMethod.FlatMonthly => $"Flat monthly: {Usd(terms.FlatMonthly)} a month",
        FeeMethod.PercentOfCollections => $"Percent of collections: {Percent(terms.RatePercent)}",
        FeeMethod.CostPlus => $"Cost plus: {Percent(terms.MarkupPercent)} over cost",
        FeeMethod.Hybrid => $"Hybrid: {Usd(terms.FlatMonthly)} a month plus {Percent(terms.RatePercent)} of collections",
        _ => Of(terms.FeeMethod.Value),
    };

    private static string FmvSupport(MsaTerms terms) =>
        terms.FmvLow is null && terms.FmvHigh is null
            ? "—"
            : $"{Usd(terms.FmvLow)} to {Usd(terms.FmvHigh)} a year, valued on {Date(terms.FmvValuedOn)}{(terms.Valuator is { } valuator ? $" by {valuator}" : "")}";

    private static string Joined(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "None";
}

/// <summary>One line of an agreement's terms in words: its label, its value, and the section of the agreement it belongs to.</summary>
public sealed record AgreementTermRow(ReviewSection Section, string Label, string Value, bool MultiLine = false);
