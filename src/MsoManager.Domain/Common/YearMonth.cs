namespace MsoManager.Domain.Common;

/// <summary>A calendar month, for financial months.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth From(int year, int month, string field)
    {
        if (year < Dates.Earliest.Year || year > Dates.Latest.Year || month is < 1 or > 12)
        {
            throw new DomainRuleException(field, $"{field} must be a month between 1900-01 and 2200-12.");
        }

        return new YearMonth(year, month);
    }

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses "YYYY-MM".</summary>
    public static YearMonth Parse(string? text, string field)
    {
        if (text is { Length: 7 } && text[4] == '-' && int.TryParse(text[..4], out var year) && int.TryParse(text[5..], out var month))
        {
            return From(year, month, field);
        }

        throw new DomainRuleException(field, $"{field} must be a month written YYYY-MM.");
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
}
