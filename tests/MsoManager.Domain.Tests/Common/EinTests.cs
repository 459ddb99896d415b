using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class EinTests
{
    [Fact]
    public void From_ValidNumber_KeepsIt()
    {
        var ein = Ein.From("12-3456789");

        Assert.Equal("12-3456789", ein.Value);
        Assert.Equal("12-3456789", ein.ToString());
    }

    [Fact]
    public void From_SurroundingSpaces_AreTrimmed()
    {
        var ein = Ein.From("  12-3456789 ");

        Assert.Equal("12-3456789", ein.Value);
    }

    [Fact]
    public void Masked_ShowsOnlyTheLastFourDigits()
    {
        var masked = Ein.From("12-3456789").Masked;

        Assert.Equal("**-***6789", masked);
        Assert.DoesNotContain("12", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SameNumber_IsEqual()
    {
        Assert.Equal(Ein.From("12-3456789"), Ein.From(" 12-3456789"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12-345678")]
    [InlineData("12-34567890")]
    [InlineData("1-23456789")]
    [InlineData("123-456789")]
    [InlineData("ab-cdefghi")]
    [InlineData("12 3456789")]
    [InlineData("12–3456789")]
    public void From_BadFormat_IsRefusedNamingTheField(string? value)
    {
        var error = Assert.Throws<DomainRuleException>(() => Ein.From(value, "ManagementCompany.Ein"));

        Assert.Equal("ManagementCompany.Ein", error.Field);
    }

    [Fact]
    public void From_BadFormatWithoutAFieldName_NamesEin()
    {
        var error = Assert.Throws<DomainRuleException>(() => Ein.From("nope"));

        Assert.Equal("EIN", error.Field);
    }

    [Fact]
    public void From_NonAsciiDigits_IsRefused()
    {
        // Arabic-Indic digits: an EIN is ASCII digits only (NN-NNNNNNN).
        Assert.Throws<DomainRuleException>(() => Ein.From("١٢-٣٤٥٦٧٨٩"));
    }
}
