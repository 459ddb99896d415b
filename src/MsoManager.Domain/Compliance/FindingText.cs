using System.Globalization;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Compliance;

/// <summary>How findings write figures: the same in every culture the server runs in (US dollars, ISO dates).</summary>
internal static class FindingText
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Whole dollars when the amount is whole, cents otherwise.</summary>
    public static string Usd(decimal amount)
    {
        var cents = decimal.Round(amount, 2);
        return cents.ToString(cents == decimal.Truncate(cents) ? "C0" : "C2", Us);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"a", "a and b", "a, b and c" (or "a, b or c" with <paramref name="conjunction"/> "or").</summary>
    public static string List(IReadOnlyList<string> items, string conjunction = "and") => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };

    /// <summary>"MD, DO": license types in a parenthesis.</summary>
    public static string Types(IReadOnlyList<LicenseType> types) => string.Join(", ", types);

    /// <summary>"MD or DO": license types as a choice.</summary>
    public static string AnyOf(IReadOnlyList<LicenseType> types) => List([.. types.Select(type => type.ToString())], "or");

    public static string Authority(ClinicalAuthority authority) => authority switch
    {
        ClinicalAuthority.ClinicalProtocols => "clinical protocols",
        ClinicalAuthority.ClinicalStaffing => "clinical staffing",
        ClinicalAuthority.PatientRecords => "patient records",
        ClinicalAuthority.MedicalDirection => "medical direction",
        ClinicalAuthority.CodingAndBilling => "coding and billing",
        ClinicalAuthority.PricingOfMedicalServices => "pricing of medical services",
        ClinicalAuthority.PayerContracting => "payer contracting",
        _ => authority.ToString(),
    };
}
