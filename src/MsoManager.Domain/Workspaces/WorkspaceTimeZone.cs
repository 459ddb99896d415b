namespace MsoManager.Domain.Workspaces;

/// <summary>
/// A workspace's time zone (an IANA id such as "America/Chicago"): the one source of "today" for its
/// findings, stored risk, deadlines, overdue marks and reminders, so two pages never disagree near midnight.
/// </summary>
public static class WorkspaceTimeZone
{
    /// <summary>Where workspaces and the API start until an Owner sets another.</summary>
    public const string Utc = "UTC";

    public const int IdMaxLength = 64;

    /// <summary>The US zones offered first (the product's states), then every zone the system knows.</summary>
    public static IReadOnlyList<string> UnitedStates { get; } =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
    ];

    /// <summary>The message when <paramref name="id"/> is not a time zone this system knows, or null.</summary>
    public static string? Validate(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "Choose a time zone."
        : id.Length > IdMaxLength || !TryFind(id, out _) ? $"'{id}' is not a known time zone; use an IANA name such as America/Chicago."
        : null;

    /// <summary>The date it is in <paramref name="id"/> at <paramref name="now"/> (UTC for an unknown id).</summary>
    public static DateOnly Today(string id, DateTimeOffset now) =>
        DateOnly.FromDateTime(TryFind(id, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime);

    private static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) && found.HasIanaId)
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return string.Equals(id, Utc, StringComparison.Ordinal);
    }
}
