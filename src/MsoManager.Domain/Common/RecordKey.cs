using System.Text;
using System.Text.RegularExpressions;

namespace MsoManager.Domain.Common;

/// <summary>
/// The caller-chosen key of a record inside a practice (1-64 letters, digits, '-' or '_'), unique in
/// its list: imported documents refer to records by it, and findings name their subject with it.
/// </summary>
public static partial class RecordKey
{
    public const int MaxLength = 64;

    /// <summary>The message when <paramref name="key"/> (trimmed) is not written like a record key, or null.</summary>
    public static string? Validate(string? key, string label = "Key") =>
        key is not null && Format().IsMatch(key.Trim()) ? null : $"{label} must be 1 to {MaxLength} letters, digits, '-' or '_'.";

    public static string Require(string? key, string field)
    {
        DomainRuleException.ThrowIf(field, Validate(key, field));
        return key!.Trim();
    }

    /// <summary>
    /// The key for a new record of a list: the caller's own (checked, and unique in the list) or, when
    /// none is given, one derived from <paramref name="name"/>.
    /// </summary>
    public static string Choose(string? key, string name, IEnumerable<string> taken, string field = "Key")
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return FromName(name, taken);
        }

        var checkedKey = Require(key, field);
        if (taken.Contains(checkedKey, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainRuleException(field, $"{field} '{checkedKey}' is already used in this list.");
        }

        return checkedKey;
    }

    /// <summary>A key derived from a name ("Glow Medical PLLC" → "glow-medical-pllc"), made unique against <paramref name="taken"/>.</summary>
    public static string FromName(string name, IEnumerable<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        stem = stem.Length == 0 ? "record" : stem[..Math.Min(stem.Length, MaxLength - 4)].TrimEnd('-');
        // Usually the stem is free: one scan, no set of every key built for each record a document adds.
        if (!taken.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            return stem;
        }

        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = stem;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
