using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class RecordKeyTests
{
    [Theory]
    [InlineData("pc")]
    [InlineData("Glow_PC-1")]
    [InlineData("a")]
    public void Require_LettersDigitsHyphensUnderscores_IsAccepted(string key)
    {
        Assert.Equal(key, RecordKey.Require(key, "Key"));
    }

    [Fact]
    public void Require_SixtyFourCharacters_IsAccepted()
    {
        var key = new string('k', RecordKey.MaxLength);

        Assert.Equal(key, RecordKey.Require(key, "Key"));
    }

    [Fact]
    public void Require_SurroundingSpaces_AreTrimmed()
    {
        Assert.Equal("pc", RecordKey.Require("  pc ", "Key"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("glow pc")]
    [InlineData("glow.pc")]
    [InlineData("glow/pc")]
    [InlineData("café")]
    public void Require_InvalidKey_IsRefusedNamingTheField(string? key)
    {
        var error = Assert.Throws<DomainRuleException>(() => RecordKey.Require(key, "entities[0].key"));

        Assert.Equal("entities[0].key", error.Field);
    }

    [Fact]
    public void Require_SixtyFiveCharacters_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => RecordKey.Require(new string('k', RecordKey.MaxLength + 1), "Key"));
    }

    [Fact]
    public void FromName_MakesALowercaseSlug()
    {
        var key = RecordKey.FromName("Glow Medical PLLC", []);

        Assert.Equal("glow-medical-pllc", key);
    }

    [Fact]
    public void FromName_PunctuationAndRepeatedSpaces_BecomeOneHyphen()
    {
        var key = RecordKey.FromName("  Dr. Jane   O'Neil, MD  ", []);

        Assert.Equal("dr-jane-o-neil-md", key);
    }

    [Fact]
    public void FromName_TakenSlug_GetsANumberSuffix()
    {
        var key = RecordKey.FromName("Glow Medical PLLC", ["glow-medical-pllc"]);

        Assert.Equal("glow-medical-pllc-2", key);
    }

    [Fact]
    public void FromName_SuffixAlsoTaken_CountsOn()
    {
        var key = RecordKey.FromName("Glow", ["glow", "glow-2", "glow-3"]);

        Assert.Equal("glow-4", key);
    }

    [Fact]
    public void FromName_TakenInAnotherCase_CountsAsTaken()
    {
        var key = RecordKey.FromName("Glow", ["GLOW"]);

        Assert.Equal("glow-2", key);
    }

    [Fact]
    public void FromName_NoLettersOrDigits_FallsBackToRecord()
    {
        var key = RecordKey.FromName(" !!! ", []);

        Assert.Equal("record", key);
    }

    [Fact]
    public void FromName_VeryLongName_StaysAValidKeyWithItsSuffix()
    {
        var name = string.Join(' ', Enumerable.Repeat("Aesthetics", 20));
        var first = RecordKey.FromName(name, []);

        var second = RecordKey.FromName(name, [first]);

        Assert.True(first.Length <= RecordKey.MaxLength);
        Assert.True(second.Length <= RecordKey.MaxLength);
        Assert.NotEqual(first, second);
        Assert.Equal(second, RecordKey.Require(second, "Key"));
        Assert.False(first.EndsWith('-'));
    }
}
