using MsoManager.Domain.Workspaces;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>How the time zones a workspace may choose read: "Central (America/Chicago)".</summary>
public static class WorkspaceTimeZones
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "Eastern",
        ["America/Chicago"] = "Central",
        ["America/Denver"] = "Mountain",
        ["America/Phoenix"] = "Arizona",
        ["America/Los_Angeles"] = "Pacific",
        ["America/Anchorage"] = "Alaska",
        ["Pacific/Honolulu"] = "Hawaii",
        ["America/Puerto_Rico"] = "Atlantic (Puerto Rico)",
        [WorkspaceTimeZone.Utc] = "Coordinated Universal Time",
    };

    /// <summary>The US zones, UTC, and the workspace's current zone when it is another (set elsewhere).</summary>
    public static IReadOnlyList<string> Offered(string current) =>
        [.. WorkspaceTimeZone.UnitedStates, WorkspaceTimeZone.Utc, .. Names.ContainsKey(current) ? Array.Empty<string>() : [current]];

    public static string Describe(string? zone) => zone is null ? "" : Names.TryGetValue(zone, out var name) ? $"{name} ({zone})" : zone;
}
