using MsoManager.Domain.Common;

namespace MsoManager.Domain.Tests.Common;

public sealed class StateCodeTests
{
    [Theory]
    [InlineData("TX", "TX")]
    [InlineData(" ny ", "NY")]
    [InlineData("dc", "DC")]
    public void From_ValidCode_Normalizes(string input, string expected)
    {
        Assert.Equal(expected, StateCode.From(input).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PR")]
    [InlineData("XX")]
    [InlineData("Texas")]
    public void From_InvalidCode_IsRefusedNamingTheField(string? input)
    {
        var error = Assert.Throws<DomainRuleException>(() => StateCode.From(input, "PrimaryState"));

        Assert.Equal("PrimaryState", error.Field);
    }

    [Fact]
    public void All_HoldsTheFiftyStatesAndDc()
    {
        Assert.Equal(51, StateCode.All.Count);
        Assert.Equal("Texas", StateCode.From("TX").Name);
    }
}
