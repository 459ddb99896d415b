using System.Collections.Frozen;

namespace MsoManager.Domain.Common;

/// <summary>A US state or DC, by its two-letter postal code.</summary>
public sealed record StateCode
{
    public const int MaxLength = 2;

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["AL"] = "Alabama",
        ["AK"] = "Alaska",
        ["AZ"] = "Arizona",
        ["AR"] = "Arkansas",
        ["CA"] = "California",
        ["CO"] = "Colorado",
        ["CT"] = "Connecticut",
        ["DE"] = "Delaware",
        ["DC"] = "District of Columbia",
        ["FL"] = "Florida",
        ["GA"] = "Georgia",
        ["HI"] = "Hawaii",
        ["ID"] = "Idaho",
        ["IL"] = "Illinois",
        ["IN"] = "Indiana",
        ["IA"] = "Iowa",
        ["KS"] = "Kansas",
        ["KY"] = "Kentucky",
        ["LA"] = "Louisiana",
        ["ME"] = "Maine",
        ["MD"] = "Maryland",
        ["MA"] = "Massachusetts",
        ["MI"] = "Michigan",
        ["MN"] = "Minnesota",
        ["MS"] = "Mississippi",
        ["MO"] = "Missouri",
        ["MT"] = "Montana",
        ["NE"] = "Nebraska",
        ["NV"] = "Nevada",
        ["NH"] = "New Hampshire",
        ["NJ"] = "New Jersey",
        ["NM"] = "New Mexico",
        ["NY"] = "New York",
        ["NC"] = "North Carolina",
        ["ND"] = "North Dakota",
        ["OH"] = "Ohio",
        ["OK"] = "Oklahoma",
        ["OR"] = "Oregon",
        ["PA"] = "Pennsylvania",
        ["RI"] = "Rhode Island",
        ["SC"] = "South Carolina",
        ["SD"] = "South Dakota",
        ["TN"] = "Tennessee",
        ["TX"] = "Texas",
        ["UT"] = "Utah",
        ["VT"] = "Vermont",
        ["VA"] = "Virginia",
        ["WA"] = "Washington",
        ["WV"] = "West Virginia",
        ["WI"] = "Wisconsin",
        ["WY"] = "Wyoming",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private StateCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The state's full name, for display.</summary>
    public string Name => Names[Value];

    /// <summary>Every valid code, alphabetically.</summary>
    public static IReadOnlyList<StateCode> All { get; } = [.. Names.Keys.Order(StringComparer.Ordinal).Select(code => new StateCode(code))];

    public static bool IsValid(string? code) => code is not null && Names.ContainsKey(code.Trim().ToUpperInvariant());

    /// <summary>The message when <paramref name="code"/> is not a state's code (any case, surrounding spaces allowed), or null.</summary>
    public static string? Validate(string? code, string label = "State") =>
        IsValid(code) ? null : $"{label} must be the two-letter code of a US state or DC.";

    /// <summary>Parses a code (any case, surrounding spaces allowed), or throws naming <paramref name="field"/>.</summary>
    public static StateCode From(string? code, string field = "State", string? label = null)
    {
        DomainRuleException.ThrowIf(field, Validate(code, label ?? field));
        return new StateCode(code!.Trim().ToUpperInvariant());
    }

    public override string ToString() => Value;
}
