using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Workspaces;

/// <summary>A workspace's time zone decides its "today".</summary>
public sealed class WorkspaceTimeZoneTests
{
    // 2026-12-04 03:30 UTC is still 2026-12-03 in Chicago (UTC-6) and Los Angeles (UTC-8).
    private static readonly DateTimeOffset LateEveningInAmerica = new(2026, 12, 4, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ANewWorkspace_IsOnUtc()
    {
        var workspace = Workspace.Create("Firm", "owner", LateEveningInAmerica);

        Assert.Equal((WorkspaceTimeZone.Utc, new DateOnly(2026, 12, 4)), (workspace.TimeZone, workspace.TodayAt(LateEveningInAmerica)));
    }

    [Theory]
    [InlineData("America/Chicago", "2026-12-03")]
    [InlineData("America/Los_Angeles", "2026-12-03")]
    [InlineData("Europe/Berlin", "2026-12-04")]
    [InlineData("UTC", "2026-12-04")]
    public void Today_IsTheDateInTheWorkspacesZone(string zone, string today)
    {
        var workspace = Workspace.Create("Firm", "owner", LateEveningInAmerica);

        workspace.ChangeTimeZone(zone);

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), workspace.TodayAt(LateEveningInAmerica));
    }

    [Theory]
    [InlineData(null, "Choose a time zone.")]
    [InlineData(" ", "Choose a time zone.")]
    [InlineData("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a known time zone; use an IANA name such as America/Chicago.")]
    [InlineData("Central Standard Time", "'Central Standard Time' is not a known time zone; use an IANA name such as America/Chicago.")]
    public void AnUnknownZone_IsRefusedNamingTimeZone_AndChangesNothing(string? zone, string message)
    {
        var workspace = Workspace.Create("Firm", "owner", LateEveningInAmerica);

        var error = Assert.Throws<DomainRuleException>(() => workspace.ChangeTimeZone(zone));

        Assert.Equal(("TimeZone", message), (error.Field, error.Message));
        Assert.Equal(WorkspaceTimeZone.Utc, workspace.TimeZone);
    }

    [Fact]
    public void EveryOfferedUsZone_IsKnown()
    {
        Assert.All(WorkspaceTimeZone.UnitedStates, zone => Assert.Null(WorkspaceTimeZone.Validate(zone)));
    }
}
