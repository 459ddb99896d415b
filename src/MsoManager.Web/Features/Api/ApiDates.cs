using System.Globalization;
using MsoManager.Domain.Common;

namespace MsoManager.Web.Features.Api;

/// <summary>Dates in query strings, as every v1 endpoint reads them: YYYY-MM-DD, within the product's range.</summary>
internal static class ApiDates
{
    /// <summary>The date <paramref name="text"/> holds, or null when it is not one (or out of range).</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Dates.IsInRange(date) ? date : null;

    /// <summary>The problem message for a query parameter that is not such a date.</summary>
    public static string Invalid(string name) => $"{name} must be a date written YYYY-MM-DD, {Dates.RangeText}.";

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
