using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class DatesTests
{
    [Fact]
    public void Check_DayBefore1900_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<DomainRuleException>(() => Dates.Check(new DateOnly(1899, 12, 31), "FormedOn"));

        Assert.Equal("FormedOn", error.Field);
    }

    [Fact]
    public void Check_FirstDayOf1900_IsAccepted()
    {
        Assert.Equal(new DateOnly(1900, 1, 1), Dates.Check(new DateOnly(1900, 1, 1), "FormedOn"));
    }

    [Fact]
    public void Check_LastDayOf2200_IsAccepted()
    {
        Assert.Equal(new DateOnly(2200, 12, 31), Dates.Check(new DateOnly(2200, 12, 31), "FormedOn"));
    }

    [Fact]
    public void Check_FirstDayOf2201_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<DomainRuleException>(() => Dates.Check(new DateOnly(2201, 1, 1), "DueOn"));

        Assert.Equal("DueOn", error.Field);
    }

    [Fact]
    public void Check_NoDate_IsAccepted()
    {
        Assert.Null(Dates.Check(null, "DueOn"));
    }

    [Fact]
    public void CheckPeriod_ToOnTheFromDate_IsRefusedNamingTo()
    {
        var day = new DateOnly(2025, 1, 1);

        var error = Assert.Throws<DomainRuleException>(() => Dates.CheckPeriod(day, day, "From", "To"));

        Assert.Equal("To", error.Field);
    }

    [Fact]
    public void CheckPeriod_ToBeforeFrom_IsRefusedNamingTo()
    {
        var error = Assert.Throws<DomainRuleException>(() => Dates.CheckPeriod(new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1), "StartsOn", "EndsOn"));

        Assert.Equal("EndsOn", error.Field);
    }

    [Fact]
    public void CheckPeriod_ToTheDayAfterFrom_IsAccepted()
    {
        Dates.CheckPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2), "From", "To");
    }

    [Fact]
    public void CheckPeriod_OpenEnds_AreAccepted()
    {
        Dates.CheckPeriod(null, new DateOnly(2025, 1, 1), "From", "To");
        Dates.CheckPeriod(new DateOnly(2025, 1, 1), null, "From", "To");
        Dates.CheckPeriod(null, null, "From", "To");
    }

    [Fact]
    public void CheckPeriod_FromOutOfRange_IsRefusedNamingFrom()
    {
        var error = Assert.Throws<DomainRuleException>(() => Dates.CheckPeriod(new DateOnly(1899, 1, 1), null, "From", "To"));

        Assert.Equal("From", error.Field);
    }

    [Fact]
    public void CheckPeriod_ToOutOfRange_IsRefusedNamingTo()
    {
        var error = Assert.Throws<DomainRuleException>(() => Dates.CheckPeriod(null, new DateOnly(2300, 1, 1), "From", "To"));

        Assert.Equal("To", error.Field);
    }

    [Fact]
    public void Covers_IncludesFromAndExcludesTo()
    {
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2025, 2, 1);

        Assert.False(Dates.Covers(from, to, from.AddDays(-1)));
        Assert.True(Dates.Covers(from, to, from));
        Assert.True(Dates.Covers(from, to, to.AddDays(-1)));
        Assert.False(Dates.Covers(from, to, to));
    }

    [Fact]
    public void Covers_OpenEnds_AreUnbounded()
    {
        Assert.True(Dates.Covers(null, null, Dates.Earliest));
        Assert.True(Dates.Covers(null, new DateOnly(2025, 1, 1), Dates.Earliest));
        Assert.True(Dates.Covers(new DateOnly(2025, 1, 1), null, Dates.Latest));
    }

    [Fact]
    public void ValidatePeriod_ToNotAfterFrom_SaysToMustBeAfterFrom()
    {
        var day = new DateOnly(2026, 3, 1);

        Assert.Equal("To must be after From.", Dates.ValidatePeriod(day, day, "From", "To"));
        Assert.Null(Dates.ValidatePeriod(day, day.AddDays(1), "From", "To"));
    }
}
