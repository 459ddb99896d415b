using System.Text.RegularExpressions;

namespace MsoManager.Domain.Common;

/// <summary>A federal Employer Identification Number, NN-NNNNNNN. Shown masked to roles that do not edit entities.</summary>
public sealed partial record Ein
{
    public const int MaxLength = 10;

    private Ein(string value) => Value = value;

    public string Value { get; }

    /// <summary>Only the last four digits, for roles that may not see the whole number.</summary>
    public string Masked => $"**-***{Value[^4..]}";

    /// <summary>The message when <paramref name="value"/> (trimmed) is not written like an EIN, or null.</summary>
    public static string? Validate(string? value, string label = "EIN") =>
        value is not null && Format().IsMatch(value.Trim()) ? null : $"{label} must look like 12-3456789 (two digits, a hyphen, seven digits).";

    public static Ein From(string? value, string field = "EIN", string? label = null)
    {
        DomainRuleException.ThrowIf(field, Validate(value, label ?? field));
        return new Ein(value!.Trim());
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{2}-[0-9]{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
