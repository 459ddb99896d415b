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

    /// <summary>The message when <paramref name="value"/> holds control characters, or null.</summary>
    public static string? ValidateClean(string? value, string label, bool multiLine = false) =>
        HasControlCharacters(value, multiLine) ? ControlCharactersMessage(label) : null;

    /// <summary>
    /// The message when <paramref name="value"/> is not a one-line required text (a name, a title, a
    /// license number): blank, longer than <paramref name="maxLength"/> after trimming, or with control characters.
    /// </summary>
    public static string? ValidateName(string? value, string label, int maxLength = NameMaxLength)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length == 0 ? $"{label} is required."
            : trimmed.Length > maxLength ? $"{label} must be at most {maxLength} characters."
            : ValidateClean(trimmed, label);
    }

    /// <summary>As <see cref="ValidateName"/> for a name that may be left blank (a DBA, a registered agent).</summary>
    public static string? ValidateOptionalName(string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? null : ValidateName(value, label);

    /// <summary>The message when optional multi-line text is too long or holds control characters, or null.</summary>
    public static string? ValidateFreeText(string? value, string label)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length > FreeTextMaxLength ? $"{label} must be at most {FreeTextMaxLength} characters."
            : ValidateClean(trimmed, label, multiLine: true);
    }

    /// <summary>
    /// The message when an optional email address is not one: at most <see cref="EmailMaxLength"/>
    /// characters, one '@' with text on both sides (the check FluentValidation's EmailAddress makes), one line.
    /// </summary>
    public static string? ValidateEmail(string? value, string label = "Email")
    {
        var trimmed = value?.Trim() ?? "";
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return trimmed.Length == 0 ? null
            : trimmed.Length > EmailMaxLength ? $"{label} must be at most {EmailMaxLength} characters."
            : at <= 0 || at == trimmed.Length - 1 || at != trimmed.LastIndexOf('@') ? $"{label} must be a valid email address."
            : ValidateClean(trimmed, label);
    }

    /// <summary>Returns <paramref name="value"/>, or throws naming <paramref name="field"/> when it holds control characters.</summary>
    public static string? RequireClean(string? value, string field, bool multiLine = false)
    {
        DomainRuleException.ThrowIf(field, ValidateClean(value, field, multiLine));
        return value;
    }

    /// <summary>Trims <paramref name="value"/> and checks it is a valid name, or throws naming <paramref name="field"/> (in words, <paramref name="label"/>).</summary>
    public static string RequireName(string? value, string field, string? label = null)
    {
        DomainRuleException.ThrowIf(field, ValidateName(value, label ?? field));
        return value!.Trim();
    }

    /// <summary>Trims optional free text to null when blank, or throws naming <paramref name="field"/> (in words, <paramref name="label"/>).</summary>
    public static string? OptionalFreeText(string? value, string field, string? label = null)
    {
        DomainRuleException.ThrowIf(field, ValidateFreeText(value, label ?? field));
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
