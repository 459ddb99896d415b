using System.Globalization;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class PercentageTests
{
    [Fact]
    public void From_ZeroWhenZeroIsAllowed_IsAccepted()
    {
        var percentage = Percentage.From(0m, "RatePercent");

        Assert.Equal(0m, percentage.Value);
    }

    [Fact]
    public void From_ZeroWhenZeroIsNotAllowed_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<DomainRuleException>(() => Percentage.From(0m, "Percent", allowZero: false));

        Assert.Equal("Percent", error.Field);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_Hundred_IsAccepted(bool allowZero)
    {
        var percentage = Percentage.From(100m, "Percent", allowZero);

        Assert.Equal(100m, percentage.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_OneHundredth_IsAccepted(bool allowZero)
    {
        var percentage = Percentage.From(0.01m, "Percent", allowZero);

        Assert.Equal(0.01m, percentage.Value);
    }

    [Theory]
    [InlineData("100.01")]
    [InlineData("101")]
    [InlineData("-0.01")]
    [InlineData("-5")]
    public void From_OutsideZeroToHundred_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Percentage.From(decimal.Parse(value, CultureInfo.InvariantCulture), "MarkupPercent"));

        Assert.Equal("MarkupPercent", error.Field);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("0.001")]
    [InlineData("99.999")]
    public void From_ThreeDecimals_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Percentage.From(decimal.Parse(value, CultureInfo.InvariantCulture), "Percent"));

        Assert.Equal("Percent", error.Field);
        Assert.Contains("two decimals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_TrailingZeroDecimals_IsAccepted()
    {
        var percentage = Percentage.From(12.500m, "Percent");

        Assert.Equal(12.5m, percentage.Value);
    }

    [Fact]
    public void ToString_ShowsAtMostTwoDecimalsAndASign()
    {
        var text = Percentage.From(12.5m, "Percent").ToString();

        Assert.Equal("12.5%", text);
    }
}
