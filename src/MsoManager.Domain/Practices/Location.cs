using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A clinic address; the states of the locations are the practice's states of operation.</summary>
public sealed partial class Location : PracticeRecord
{
    public const int ZipMaxLength = 10;

    /// <summary>What a ZIP code must look like, in the words every form and the API use.</summary>
    public const string ZipMessage = "ZIP must be five digits, optionally followed by a hyphen and four digits (12345 or 12345-6789).";

    private Location()
    {
        Street = City = Zip = "";
        State = null!;
    }

    internal Location(Practice practice, string key, LocationDetails details)
        : base(practice, key) => Apply(details);

    public string Street { get; private set; }

    public string City { get; private set; }

    public StateCode State { get; private set; }

    public string Zip { get; private set; }

    /// <summary><see cref="ZipMessage"/> unless <paramref name="zip"/> (trimmed) is a US ZIP code: five digits, optionally a hyphen and four more.</summary>
    public static string? ValidateZip(string? zip) => zip is not null && ZipFormat().IsMatch(zip.Trim()) ? null : ZipMessage;

    [MemberNotNull(nameof(Street), nameof(City), nameof(State), nameof(Zip))]
    internal void Apply(LocationDetails details)
    {
        var street = Text.RequireName(details.Street, "Street");
        var city = Text.RequireName(details.City, "City");
        DomainRuleException.ThrowIf("Zip", ValidateZip(details.Zip));

        Street = street;
        City = city;
        State = details.State;
        Zip = details.Zip.Trim();
    }

    [GeneratedRegex("^[0-9]{5}(-[0-9]{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ZipFormat();
}

public sealed record LocationDetails(string Street, string City, StateCode State, string Zip);
