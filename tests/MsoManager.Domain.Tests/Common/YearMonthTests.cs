using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class YearMonthTests
{
    [Fact]
    public void Parse_YearDashMonth_GivesThatMonth()
    {
        var month = YearMonth.Parse("2025-03", "Month");

        Assert.Equal(new YearMonth(2025, 3), month);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-3")]
    [InlineData("202503")]
    [InlineData("2025/03")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("1899-12")]
    [InlineData("2201-01")]
    [InlineData("March 2025")]
    public void Parse_NotAValidYearMonth_IsRefusedNamingTheField(string? text)
    {
        var error = Assert.Throws<DomainRuleException>(() => YearMonth.Parse(text, "months[2].month"));

        Assert.Equal("months[2].month", error.Field);
    }

    [Theory]
    [InlineData(1899, 12)]
    [InlineData(2201, 1)]
    [InlineData(2025, 0)]
    [InlineData(2025, 13)]
    public void From_OutOfRange_IsRefusedNamingTheField(int year, int month)
    {
        var error = Assert.Throws<DomainRuleException>(() => YearMonth.From(year, month, "Month"));

        Assert.Equal("Month", error.Field);
    }

    [Fact]
    public void AddMonths_OneFromDecember_IsJanuaryOfTheNextYear()
    {
        Assert.Equal(new YearMonth(2026, 1), new YearMonth(2025, 12).AddMonths(1));
    }

    [Fact]
    public void AddMonths_MinusOneFromJanuary_IsDecemberOfThePreviousYear()
    {
        Assert.Equal(new YearMonth(2024, 12), new YearMonth(2025, 1).AddMonths(-1));
    }

    [Fact]
    public void AddMonths_AcrossSeveralYears_KeepsTheMonth()
    {
        Assert.Equal(new YearMonth(2027, 3), new YearMonth(2025, 3).AddMonths(24));
        Assert.Equal(new YearMonth(2023, 2), new YearMonth(2024, 3).AddMonths(-13));
    }

    [Fact]
    public void Of_TakesTheMonthOfADate()
    {
        Assert.Equal(new YearMonth(2025, 7), YearMonth.Of(new DateOnly(2025, 7, 31)));
    }

    [Fact]
    public void FirstDay_IsTheFirstOfTheMonth()
    {
        Assert.Equal(new DateOnly(2025, 2, 1), new YearMonth(2025, 2).FirstDay);
    }

    [Fact]
    public void Comparison_OrdersByYearThenMonth()
    {
        Assert.True(new YearMonth(2024, 12) < new YearMonth(2025, 1));
        Assert.True(new YearMonth(2025, 2) > new YearMonth(2025, 1));
        Assert.True(new YearMonth(2025, 1) <= new YearMonth(2025, 1));
        Assert.True(new YearMonth(2025, 1) >= new YearMonth(2025, 1));
    }

    [Fact]
    public void ToString_IsYearDashTwoDigitMonth()
    {
        Assert.Equal("2025-03", new YearMonth(2025, 3).ToString());
    }
}
