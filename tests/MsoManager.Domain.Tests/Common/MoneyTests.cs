using System.Globalization;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("12500.50")]
    [InlineData("1000000000")]
    public void From_ZeroToOneBillionWithCents_IsAccepted(string value)
    {
        var amount = decimal.Parse(value, CultureInfo.InvariantCulture);

        var money = Money.From(amount, "FlatMonthly");

        Assert.Equal(amount, money.Amount);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-100")]
    public void From_Negative_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Money.From(decimal.Parse(value, CultureInfo.InvariantCulture), "Collections"));

        Assert.Equal("Collections", error.Field);
    }

    [Theory]
    [InlineData("1000000000.01")]
    [InlineData("2000000000")]
    public void From_OverOneBillion_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Money.From(decimal.Parse(value, CultureInfo.InvariantCulture), "FmvHigh"));

        Assert.Equal("FmvHigh", error.Field);
    }

    [Theory]
    [InlineData("10.005")]
    [InlineData("0.001")]
    public void From_ThreeDecimals_IsRefusedNamingTheField(string value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Money.From(decimal.Parse(value, CultureInfo.InvariantCulture), "ManagementFeePaid"));

        Assert.Equal("ManagementFeePaid", error.Field);
        Assert.Contains("two decimals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_HasNoAmount()
    {
        Assert.Equal(0m, Money.Zero.Amount);
    }

    [Fact]
    public void ToString_IsUsDollarsWithCents()
    {
        var text = Money.From(1234.5m, "Amount").ToString();

        Assert.Equal("$1,234.50", text);
    }
}
