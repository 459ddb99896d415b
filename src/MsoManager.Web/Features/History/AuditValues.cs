using System.Globalization;
using System.Text.Json;
using MsoManager.Domain.Common;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.History;

/// <summary>
/// The values an audit event recorded for a record, read back from its JSON: property name to the
/// stored value (enums as names, dates as YYYY-MM-DD, instants as ISO 8601, value objects in their
/// column form, an agreement's terms as a JSON string).
/// </summary>
public sealed class AuditValues
{
    private readonly Dictionary<string, JsonElement> _values;

    private AuditValues(Dictionary<string, JsonElement> values) => _values = values;

    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The values of an event's Before or After; null for none, empty for JSON that is not an object.</summary>
    public static AuditValues? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new AuditValues(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal))
                : new AuditValues([]);
        }
        catch (JsonException)
        {
            return new AuditValues([]);
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public JsonElement? Element(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value as text: a string as it is, a number or an object as written, null for null or absent.</summary>
    public string? Text(string name) => _values.TryGetValue(name, out var value) ? TextOf(value) : null;

    public Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;

    internal static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number or JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => value.GetRawText(),
    };
}

/// <summary>How values read in the history and its export: money "$25,000", percentages "45%", dates as the app writes them.</summary>
public static class AuditFormat
{
    private static readonly CultureInfo Usd = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "C0" : "C2", Usd);

    public static string Percent(decimal value) => $"{value.ToString("0.##", CultureInfo.InvariantCulture)}%";

    /// <summary>The app's date format everywhere (tables, pickers, agreement versions): YYYY-MM-DD.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Month(YearMonth month) => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Month)} {month.Year}";

    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    public static string? Money(string? stored) => Number(stored) is { } amount ? Money(amount) : null;

    public static string? Percent(string? stored) => Number(stored) is { } value ? Percent(value) : null;

    public static string? Date(string? stored) =>
        DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : stored;

    public static string? Instant(string? stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? Instant(instant) : stored;

    public static string? Bool(string? stored) => stored switch
    {
        null => null,
        "true" => "Yes",
        "false" => "No",
        _ => stored,
    };

    /// <summary>A financial month stored as the integer YYYYMM: "March 2026".</summary>
    public static string? YearMonth(string? stored) =>
        int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value % 100 is >= 1 and <= 12
            ? Month(new YearMonth(value / 100, value % 100))
            : stored;

    /// <summary>A month of the year, 1-12: "March".</summary>
    public static string? MonthOfYear(string? stored) =>
        int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)
            : stored;

    public static string? Enum<T>(string? stored)
        where T : struct, Enum =>
        stored is null ? null : System.Enum.TryParse<T>(stored, out var value) ? EnumLabels.Of(value) : EnumLabels.Words(stored);

    /// <summary>A list of enum names stored as "MD;DO": "MD, DO".</summary>
    public static string? EnumList<T>(string? stored)
        where T : struct, Enum =>
        stored is null ? null : string.Join(", ", stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum<T>));

    private static decimal? Number(string? stored) =>
        decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
