namespace MsoManager.Domain.Common;

/// <summary>A calendar month, for financial months.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>The message when <paramref name="year"/> and <paramref name="month"/> are not a month of the product's range, or null.</summary>
    public static string? Validate(int year, int month, string label) =>
        year < Dates.Earliest.Year || year > Dates.Latest.Year || month is < 1 or > 12 ? $"{label} must be a month between 1900-01 and 2200-12." : null;

    /// <summary>The message when <paramref name="text"/> is not a month written "YYYY-MM" in the product's range, or null.</summary>
    public static string? ValidateText(string? text, string label) =>
        TryRead(text) is { } read ? Validate(read.Year, read.Month, label) : $"{label} must be a month written YYYY-MM.";

    public static YearMonth From(int year, int month, string field)
    {
        DomainRuleException.ThrowIf(field, Validate(year, month, field));
        return new YearMonth(year, month);
    }

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses "YYYY-MM".</summary>
    public static YearMonth Parse(string? text, string field)
    {
        DomainRuleException.ThrowIf(field, ValidateText(text, field));
        var (year, month) = TryRead(text)!.Value;
        return new YearMonth(year, month);
    }

    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    public DateOnly FirstDay => new(Year, Month, 1);

    public int CompareTo(YearMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:0000}-{Month:00}";

    private static (int Year, int Month)? TryRead(string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text[..4], out var year) && int.TryParse(text[5..], out var month) ? (year, month) : null;
}
