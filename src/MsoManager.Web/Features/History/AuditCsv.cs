using System.Globalization;
using System.Text;

namespace MsoManager.Web.Features.History;

/// <summary>
/// The audit trail as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a
/// comma, quote or line break, its quotes doubled): one row per changed field, and one row for an event
/// with no field to show. A few lines of writing rather than a CSV library: nine text columns need
/// quoting and nothing else. UTF-8 with a byte-order mark, so spreadsheet programs read names with
/// accents right.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Columns = ["sequence", "time_utc", "who", "record", "action", "field", "before", "after", "hash"];

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The rows of one event, unquoted: what a spreadsheet shows in its cells.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(AuditEntry entry)
    {
        var time = entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var sequence = entry.Sequence.ToString(CultureInfo.InvariantCulture);
        var lines = entry.Lines.Count == 0 ? [null] : entry.Lines.Select(line => (AuditLine?)line);
        return lines.Select(line => (IReadOnlyList<string>)
            [sequence, time, entry.Who, entry.Record, entry.Action, line?.Field ?? "", line?.Before ?? "", line?.After ?? "", entry.Hash]);
    }

    public static Task WriteHeaderAsync(TextWriter writer) => WriteRowAsync(writer, Columns);

    public static async Task WriteAsync(TextWriter writer, AuditEntry entry)
    {
        foreach (var row in Rows(entry))
        {
            await WriteRowAsync(writer, row);
        }
    }

    /// <summary>
    /// One field as written: a value a spreadsheet would run as a formula (starting with = + - @, a tab or
    /// a carriage return) gets a leading apostrophe, so it shows as text; then RFC 4180 quoting.
    /// </summary>
    public static string Field(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    private static async Task WriteRowAsync(TextWriter writer, IReadOnlyList<string> row)
    {
        await writer.WriteAsync(string.Join(',', row.Select(Field)));
        await writer.WriteAsync("\r\n");
    }
}
