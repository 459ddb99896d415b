namespace MsoManager.Web.Tests;

/// <summary>A clock stopped at <paramref name="now"/>, its local zone UTC, so dates in a test do not depend on when it runs.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
