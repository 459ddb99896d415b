using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class StakeTotalsTests
{
    [Fact]
    public void FirstOverAllocation_OpenStartOverHundred_IsFromTheStart()
    {
        Assert.Equal((110m, (DateOnly?)null), StakeTotals.FirstOverAllocation([(60m, null, null), (50m, null, new DateOnly(2025, 1, 1))]));
    }

    [Fact]
    public void FirstOverAllocation_StakeStartingOnTheDayAnotherEnds_IsNone()
    {
        var day = new DateOnly(2025, 1, 1);

        Assert.Null(StakeTotals.FirstOverAllocation([(100m, null, day), (100m, day, null)]));
    }

    [Fact]
    public void FirstOverAllocation_OverlapOfOneDay_IsThatDay()
    {
        var day = new DateOnly(2025, 1, 1);

        Assert.Equal((150m, (DateOnly?)day), StakeTotals.FirstOverAllocation([(100m, null, day.AddDays(1)), (50m, day, null)]));
    }

    [Fact]
    public void FirstOverAllocation_RandomPeriods_AgreesWithSummingOnEveryStartDate()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 500; round++)
        {
            var periods = Enumerable.Range(0, random.Next(1, 12)).Select(_ =>
            {
                DateOnly? from = random.Next(4) == 0 ? null : new DateOnly(2025, 1, 1).AddDays(random.Next(60));
                DateOnly? to = random.Next(3) == 0 ? null : new DateOnly(2025, 1, 1).AddDays(random.Next(60));
                return (Percent: (decimal)random.Next(1, 60), From: from, To: to);
            }).ToList();

            Assert.Equal(BySummingEachDate(periods), StakeTotals.FirstOverAllocation(periods));
        }
    }

    [Fact]
    public void FirstOverAllocation_TenThousandStakes_TakesUnderASecond()
    {
        var start = new DateOnly(2000, 1, 1);
        var periods = Enumerable.Range(0, 10_000).Select(i => (0.01m, (DateOnly?)start.AddDays(i), (DateOnly?)null)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = StakeTotals.FirstOverAllocation(periods);

        Assert.Null(result);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    // The rule as stated: the total on the open start, then on each start date in order; periods ending before they start are never held.
    private static (decimal Total, DateOnly? On)? BySummingEachDate(List<(decimal Percent, DateOnly? From, DateOnly? To)> periods)
    {
        var held = periods.Where(p => p.From is null || p.To is null || p.To > p.From).ToList();
        foreach (var start in held.Where(p => p.From is not null).Select(p => p.From).Distinct().Order().Prepend(null))
        {
            var total = held.Where(p => start is null ? p.From is null : Domain.Common.Dates.Covers(p.From, p.To, start.Value)).Sum(p => p.Percent);
            if (total > 100)
            {
                return (total, start);
            }
        }

        return null;
    }
}
