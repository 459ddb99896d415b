using System.Diagnostics.CodeAnalysis;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A clinic address; the states of the locations are the practice's states of operation.</summary>
public sealed class Location : PracticeRecord
{
    public const int ZipMaxLength = 10;

    private Location()
    {
        Street = City = Zip = "";
        State = null!;
    }

    /// <summary>A US ZIP code: five digits, optionally a hyphen and four more.</summary>
    public static bool IsValidZip(string? zip) => zip is not null && System.Text.RegularExpressions.Regex.IsMatch(zip.Trim(), "^[0-9]{5}(-[0-9]{4})?$");

    internal Location(Practice practice, string key, LocationDetails details)
        : base(practice, key) => Apply(details);

    public string Street { get; private set; }

    public string City { get; private set; }

    public StateCode State { get; private set; }

    public string Zip { get; private set; }

    [MemberNotNull(nameof(Street), nameof(City), nameof(State), nameof(Zip))]
    internal void Apply(LocationDetails details)
    {
        var street = Text.RequireName(details.Street, "Street");
        var city = Text.RequireName(details.City, "City");
        var zip = details.Zip?.Trim() ?? "";
        if (!IsValidZip(zip))
        {
            throw new DomainRuleException("Zip", "ZIP must be five digits, optionally followed by a hyphen and four digits.");
        }

        Street = street;
        City = city;
        State = details.State;
        Zip = zip;
    }
}

public sealed record LocationDetails(string Street, string City, StateCode State, string Zip);
