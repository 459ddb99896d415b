namespace MsoManager.Domain.Common;

/// <summary>The limits on text input from domain.md, shared by validators, entities and EF configurations.</summary>
public static class Text
{
    /// <summary>Names, legal names and titles: 1 to 200 characters after trimming.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Notes, provisions and comments.</summary>
    public const int FreeTextMaxLength = 4000;

    /// <summary>Email addresses (RFC 5321 path limit).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Trims <paramref name="value"/> and checks it is a valid name, or throws naming <paramref name="field"/>.</summary>
    public static string RequireName(string? value, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException(field, $"{field} is required.");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainRuleException(field, $"{field} must be at most {NameMaxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Trims optional free text to null when blank, or throws naming <paramref name="field"/> when too long.</summary>
    public static string? OptionalFreeText(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > FreeTextMaxLength)
        {
            throw new DomainRuleException(field, $"{field} must be at most {FreeTextMaxLength} characters.");
        }

        return trimmed;
    }
}
