using System.Globalization;

namespace MsoManager.Web.Features.Practices;

/// <summary>Addresses of practice pages, in one place.</summary>
public static class PracticeLinks
{
    /// <summary>The query value of an as-of date (<c>?asOf=2026-11-29</c>).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static string Practice(Guid id, string? section = null) => section is null ? $"practices/{id}" : $"practices/{id}?section={section}";

    /// <summary>A record of a practice: its section opened, the record outlined and scrolled to.</summary>
    public static string Record(Guid practiceId, string section, Guid recordId) => $"practices/{practiceId}?section={section}&record={recordId}";

    /// <summary>The practice's findings as of <paramref name="asOf"/>.</summary>
    public static string Findings(Guid practiceId, DateOnly asOf) =>
        $"practices/{practiceId}?section=compliance&asOf={asOf.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Two versions of an agreement side by side, and what the change does to compliance (as of
    /// <paramref name="asOf"/>, today when null): <c>?from={lastReviewed}&amp;to={current}</c> is "what changed since".
    /// </summary>
    public static string CompareVersions(Guid practiceId, string agreementKey, int from, int to, DateOnly? asOf = null) =>
        $"practices/{practiceId}/agreements/{Uri.EscapeDataString(agreementKey)}/compare?from={from}&to={to}"
        + (asOf is { } date ? $"&asOf={date.ToString(DateFormat, CultureInfo.InvariantCulture)}" : "");

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>The record a link asked for (cascaded to the sections), which its row outlines and anchors.</summary>
public sealed record RecordFocus(Guid? Id)
{
    public static RecordFocus None { get; } = new((Guid?)null);

    /// <summary>The element id of a record's row or card, for scrolling to it.</summary>
    public static string Anchor(Guid id) => $"record-{id}";

    public string ClassFor(Guid id) => id == Id ? "record-focus" : "";
}
