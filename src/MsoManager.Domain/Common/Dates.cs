namespace MsoManager.Domain.Common;

/// <summary>
/// The range of dates the product accepts (domain.md: 1900-01-01 to 2200-12-31): every stored date, and
/// every date the compliance engine evaluates on. Forms, the API and the pages refuse a date outside it
/// with <see cref="OutOfRange"/>.
/// </summary>
public static class Dates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2200, 12, 31);

    /// <summary>The range as messages state it.</summary>
    public const string RangeText = "between 1900-01-01 and 2200-12-31";

    public static bool IsInRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The one message for a date outside the range.</summary>
    public static string OutOfRange(string field) => $"{field} must be a date {RangeText}.";

    /// <summary>The message when <paramref name="date"/> is outside the range, or null (also for no date).</summary>
    public static string? ValidateInRange(DateOnly? date, string label) => date is { } value && !IsInRange(value) ? OutOfRange(label) : null;

    /// <summary>The message when an exclusive end <paramref name="to"/> does not come after <paramref name="from"/>, or null.</summary>
    public static string? ValidatePeriod(DateOnly? from, DateOnly? to, string fromLabel, string toLabel) =>
        from is not null && to is not null && to <= from ? $"{toLabel} must be after {fromLabel}." : null;

    public static DateOnly? Check(DateOnly? date, string field, string? label = null)
    {
        DomainRuleException.ThrowIf(field, ValidateInRange(date, label ?? field));
        return date;
    }

    /// <summary>Checks an optional from/to pair where "to" is exclusive and must come after "from".</summary>
    public static void CheckPeriod(DateOnly? from, DateOnly? to, string fromField, string toField)
    {
        Check(from, fromField);
        Check(to, toField);
        DomainRuleException.ThrowIf(toField, ValidatePeriod(from, to, fromField, toField));
    }

    /// <summary>Whether a period [from, to) covers <paramref name="date"/>; open ends are unbounded.</summary>
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly date) =>
        (from is null || from <= date) && (to is null || date < to);
}
