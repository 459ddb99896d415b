using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class LocationTests
{
    [Theory]
    [InlineData("12345")]
    [InlineData("12345-6789")]
    [InlineData(" 78701 ")]
    public void AddLocation_FiveOrNineDigitZip_IsAccepted(string zip)
    {
        var practice = TestPractice.Create();

        var location = practice.AddLocation(null, Details("Austin", "TX", zip));

        Assert.Equal(zip.Trim(), location.Zip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("12345-678")]
    [InlineData("12345 6789")]
    [InlineData("123456789")]
    [InlineData("ABCDE")]
    public void AddLocation_BadZip_IsRefusedNamingZip(string zip)
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddLocation(null, Details("Austin", "TX", zip)));

        Assert.Equal(("Zip", Location.ZipMessage), (error.Field, error.Message));
        Assert.Empty(practice.Locations);
    }

    [Fact]
    public void AddLocation_ZipWithNonAsciiDigits_IsRefused()
    {
        var practice = TestPractice.Create();

        // Arabic-Indic digits: a ZIP code is ASCII digits only.
        Assert.Throws<DomainRuleException>(() => practice.AddLocation(null, Details("Austin", "TX", "٧٨٧٠١")));
    }

    [Fact]
    public void AddLocation_BlankCity_IsRefusedNamingCity()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddLocation(null, Details(" ", "TX", "78701")));

        Assert.Equal("City", error.Field);
    }

    [Fact]
    public void AddLocation_WithoutKey_DerivesItFromTheCity()
    {
        var practice = TestPractice.Create();

        var location = practice.AddLocation(null, Details("San Antonio", "TX", "78205"));

        Assert.Equal("san-antonio", location.Key);
    }

    [Fact]
    public void UpdateLocation_BadZip_LeavesTheLocationUnchanged()
    {
        var practice = TestPractice.Create();
        var location = practice.AddLocation(null, Details("Austin", "TX", "78701"));

        Assert.Throws<DomainRuleException>(() => practice.UpdateLocation(location.Id, Details("Dallas", "TX", "7520")));

        Assert.Equal(("Austin", "78701"), (location.City, location.Zip));
    }

    [Fact]
    public void StatesOfOperation_NoLocations_IsThePrimaryState()
    {
        var practice = TestPractice.Create("TX");

        Assert.Equal(["TX"], practice.StatesOfOperation.Select(s => s.Value));
    }

    [Fact]
    public void StatesOfOperation_WithLocations_AreTheirDistinctStatesInOrder()
    {
        var practice = TestPractice.Create("TX");
        practice.AddLocation(null, Details("Austin", "TX", "78701"));
        practice.AddLocation(null, Details("Los Angeles", "CA", "90001"));
        practice.AddLocation(null, Details("Houston", "TX", "77001"));

        Assert.Equal(["CA", "TX"], practice.StatesOfOperation.Select(s => s.Value));
    }

    [Fact]
    public void StatesOfOperation_LocationsOutsideThePrimaryState_LeaveThePrimaryStateOut()
    {
        var practice = TestPractice.Create("TX");
        practice.AddLocation(null, Details("Miami", "FL", "33101"));

        Assert.Equal(["FL"], practice.StatesOfOperation.Select(s => s.Value));
    }

    [Fact]
    public void StatesOfOperation_AfterTheLastLocationIsRemoved_IsThePrimaryStateAgain()
    {
        var practice = TestPractice.Create("TX");
        var location = practice.AddLocation(null, Details("Miami", "FL", "33101"));

        practice.RemoveLocation(location.Id);

        Assert.Equal(["TX"], practice.StatesOfOperation.Select(s => s.Value));
    }

    [Fact]
    public void StatesOfOperation_FollowALocationMovingState()
    {
        var practice = TestPractice.Create("TX");
        var location = practice.AddLocation(null, Details("Austin", "TX", "78701"));

        practice.UpdateLocation(location.Id, Details("Reno", "NV", "89501"));

        Assert.Equal(["NV"], practice.StatesOfOperation.Select(s => s.Value));
    }

    private static LocationDetails Details(string city, string state, string zip) =>
        new("100 Congress Ave", city, StateCode.From(state), zip);
}
