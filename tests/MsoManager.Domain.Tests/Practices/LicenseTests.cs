using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class LicenseTests
{
    private static readonly DateOnly IssuedOn = new(2020, 3, 1);
    private static readonly DateOnly ExpiresOn = new(2026, 2, 28);

    [Fact]
    public void IsInForce_OnTheIssueDate_IsTrue()
    {
        var license = NewLicense(LicenseStatus.Active, IssuedOn, ExpiresOn);

        Assert.True(license.IsInForce(IssuedOn));
    }

    [Fact]
    public void IsInForce_TheDayBeforeIssue_IsFalse()
    {
        var license = NewLicense(LicenseStatus.Active, IssuedOn, ExpiresOn);

        Assert.False(license.IsInForce(IssuedOn.AddDays(-1)));
    }

    [Fact]
    public void IsInForce_OnTheExpiryDate_IsTrue()
    {
        var license = NewLicense(LicenseStatus.Active, IssuedOn, ExpiresOn);

        Assert.True(license.IsInForce(ExpiresOn));
    }

    [Fact]
    public void IsInForce_TheDayAfterExpiry_IsFalse()
    {
        var license = NewLicense(LicenseStatus.Active, IssuedOn, ExpiresOn);

        Assert.False(license.IsInForce(ExpiresOn.AddDays(1)));
    }

    [Fact]
    public void IsInForce_WithoutDates_IsTrueWhenActive()
    {
        var license = NewLicense(LicenseStatus.Active, null, null);

        Assert.True(license.IsInForce(Dates.Earliest));
        Assert.True(license.IsInForce(Dates.Latest));
    }

    [Theory]
    [InlineData(LicenseStatus.Inactive)]
    [InlineData(LicenseStatus.Suspended)]
    [InlineData(LicenseStatus.Revoked)]
    public void IsInForce_NotActive_IsNeverTrue(LicenseStatus status)
    {
        var license = NewLicense(status, IssuedOn, ExpiresOn);

        Assert.False(license.IsInForce(IssuedOn));
        Assert.False(license.IsInForce(new DateOnly(2024, 6, 1)));
        Assert.False(license.IsInForce(ExpiresOn));
    }

    [Fact]
    public void AddLicense_ExpiresBeforeIssued_IsRefusedNamingExpiresOn()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddLicense(person.Id, null, Details(LicenseStatus.Active, IssuedOn, IssuedOn.AddDays(-1))));

        Assert.Equal(("ExpiresOn", License.ExpiryBeforeIssueMessage), (error.Field, error.Message));
        Assert.Empty(person.Licenses);
    }

    [Fact]
    public void AddLicense_ExpiresOnTheIssueDate_IsAccepted()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active, IssuedOn, IssuedOn));

        Assert.True(license.IsInForce(IssuedOn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddLicense_BlankNumber_IsRefusedNamingNumber(string number)
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddLicense(person.Id, null, Details(LicenseStatus.Active) with { Number = number }));

        Assert.Equal(("Number", "License number is required."), (error.Field, error.Message));
    }

    [Fact]
    public void AddLicense_NumberOverFortyCharacters_IsRefusedNamingNumber()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddLicense(person.Id, null, Details(LicenseStatus.Active) with { Number = new string('1', License.NumberMaxLength + 1) }));

        Assert.Equal(("Number", $"License number must be at most {License.NumberMaxLength} characters."), (error.Field, error.Message));
    }

    [Fact]
    public void AddLicense_IssuedBefore1900_IsRefusedNamingIssuedOn()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddLicense(person.Id, null, Details(LicenseStatus.Active, new DateOnly(1899, 12, 31))));

        Assert.Equal("IssuedOn", error.Field);
    }

    [Fact]
    public void AddLicense_UnknownPerson_IsRefusedNamingPerson()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddLicense(Guid.NewGuid(), null, Details(LicenseStatus.Active)));

        Assert.Equal("Person", error.Field);
    }

    [Fact]
    public void AddLicense_WithoutKey_DerivesItFromTypeAndState()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active));

        Assert.Equal("md-tx", license.Key);
        Assert.Equal(person.Id, license.PersonId);
    }

    [Fact]
    public void AddLicense_TrimsTheNumber()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active) with { Number = " Q1234 " });

        Assert.Equal("Q1234", license.Number);
    }

    [Fact]
    public void LicensesInForce_OnlyInTheGivenState()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();
        var texas = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active));
        practice.AddLicense(person.Id, null, Details(LicenseStatus.Active) with { State = StateCode.From("CA") });

        var inForce = person.LicensesInForce(new DateOnly(2024, 1, 1), StateCode.From("TX"));

        Assert.Equal([texas], inForce);
    }

    [Fact]
    public void UpdateLicense_NewStatus_ChangesWhetherItIsInForce()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();
        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active));

        practice.UpdateLicense(person.Id, license.Id, Details(LicenseStatus.Suspended));

        Assert.False(license.IsInForce(new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void UpdateLicense_ExpiresBeforeIssued_LeavesTheLicenseUnchanged()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();
        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active, IssuedOn, ExpiresOn));

        Assert.Throws<DomainRuleException>(() =>
            practice.UpdateLicense(person.Id, license.Id, Details(LicenseStatus.Active, ExpiresOn, IssuedOn) with { Number = "NEW-1" }));

        Assert.Equal(("Q1234", IssuedOn, ExpiresOn), (license.Number, license.IssuedOn, license.ExpiresOn));
    }

    [Fact]
    public void RemoveLicense_RemovesItFromThePerson()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();
        var license = practice.AddLicense(person.Id, null, Details(LicenseStatus.Active));

        practice.RemoveLicense(person.Id, license.Id);

        Assert.Empty(person.Licenses);
    }

    [Fact]
    public void RemoveLicense_Unknown_IsRefusedNamingLicense()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.RemoveLicense(person.Id, Guid.NewGuid()));

        Assert.Equal("License", error.Field);
    }

    private static LicenseDetails Details(LicenseStatus status, DateOnly? issuedOn = null, DateOnly? expiresOn = null) =>
        new(LicenseType.MD, StateCode.From("TX"), "Q1234", status, issuedOn, expiresOn);

    private static License NewLicense(LicenseStatus status, DateOnly? issuedOn, DateOnly? expiresOn)
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();
        return practice.AddLicense(person.Id, null, Details(status, issuedOn, expiresOn));
    }
}
