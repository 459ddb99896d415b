using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Tests.Practices;

namespace MsoManager.Domain.Tests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData("Glow\0Aesthetics")]
    [InlineData("Glow\u001bAesthetics")]
    [InlineData("Glow\u0085Aesthetics")]
    [InlineData("Glow\tAesthetics")]
    [InlineData("Glow\nAesthetics")]
    public void RequireName_WithAControlCharacter_IsRefusedNamingTheField(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => Text.RequireName(name, "Legal name"));

        Assert.Equal("Legal name", error.Field);
        Assert.Equal(Text.ControlCharactersMessage("Legal name"), error.Message);
    }

    [Fact]
    public void RequireName_WithAccentsAndPunctuation_IsAccepted()
    {
        Assert.Equal("Clínica São José, P.A. – 100%", Text.RequireName(" Clínica São José, P.A. – 100% ", "Name"));
    }

    [Fact]
    public void OptionalFreeText_WithTabsAndLineBreaks_IsAccepted()
    {
        Assert.Equal("First line\r\n\tindented", Text.OptionalFreeText("First line\r\n\tindented", "Notes"));
    }

    [Theory]
    [InlineData("Notes\0")]
    [InlineData("Notes \u0007 bell")]
    public void OptionalFreeText_WithOtherControlCharacters_IsRefusedNamingTheField(string notes)
    {
        var error = Assert.Throws<DomainRuleException>(() => Text.OptionalFreeText(notes, "Notes"));

        Assert.Equal("Notes", error.Field);
    }

    [Theory]
    [InlineData("Email", "dana\0@example.com", null)]
    [InlineData("Phone", null, "555\u00001234")]
    public void AddPerson_EmailOrPhoneWithNul_IsRefusedNamingIt(string field, string? email, string? phone)
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson(null, new PersonDetails("Dana Smith", email, phone)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void AddLicense_NumberWithNul_IsRefusedNamingIt()
    {
        var practice = TestPractice.Create();
        var person = practice.AddPerson(null, new PersonDetails("Dana Smith"));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddLicense(person.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q\01234", LicenseStatus.Active)));

        Assert.Equal("Number", error.Field);
    }

    [Theory]
    [InlineData("jane@glow.test")]
    [InlineData(" jane.doe+msa@glow.example ")]
    [InlineData("")]
    [InlineData(null)]
    public void ValidateEmail_AddressOrNothing_IsNoProblem(string? email)
    {
        Assert.Null(Text.ValidateEmail(email));
    }

    [Theory]
    [InlineData("jane.example.com")]
    [InlineData("@glow.test")]
    [InlineData("jane@")]
    [InlineData("jane@glow@test")]
    public void ValidateEmail_NotAnAddress_SaysItMustBeValid(string email)
    {
        Assert.Equal("Email must be a valid email address.", Text.ValidateEmail(email));
    }

    [Fact]
    public void ValidateEmail_OverTheLimit_SaysTheLimit()
    {
        var email = new string('a', Text.EmailMaxLength) + "@x.test";

        Assert.Equal($"Email must be at most {Text.EmailMaxLength} characters.", Text.ValidateEmail(email));
    }

    [Fact]
    public void RequireName_Blank_ThrowsTheValidateNameMessageInTheLabelsWords()
    {
        var error = Assert.Throws<DomainRuleException>(() => Text.RequireName(" ", "LegalName", "Legal name"));

        Assert.Equal(("LegalName", "Legal name is required."), (error.Field, error.Message));
    }
}
