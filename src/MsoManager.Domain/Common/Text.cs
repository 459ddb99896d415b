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

    /// <summary>
    /// Whether <paramref name="value"/> holds a control character (NUL, escape, the C1 range...): no one
    /// types them, they hide in what is displayed, and PostgreSQL refuses NUL in text. Multi-line free
    /// text may hold tabs and line breaks; a name, a title or a code is one line and may not.
    /// </summary>
    public static bool HasControlCharacters(string? value, bool multiLine = false)
    {
        foreach (var c in value ?? "")
        {
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one message for text with control characters.</summary>
    public static string ControlCharactersMessage(string field) => $"{field} must not contain control characters (such as NUL or escape).";

    /// <summary>Returns <paramref name="value"/>, or throws naming <paramref name="field"/> when it holds control characters.</summary>
    public static string? RequireClean(string? value, string field, bool multiLine = false) =>
        HasControlCharacters(value, multiLine) ? throw new DomainRuleException(field, ControlCharactersMessage(field)) : value;

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

        return RequireClean(trimmed, field)!;
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

        return RequireClean(trimmed, field, multiLine: true);
    }
}
