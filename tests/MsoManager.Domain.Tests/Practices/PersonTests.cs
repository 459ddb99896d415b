using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class PersonTests
{
    [Fact]
    public void AddPerson_WithoutKey_DerivesItFromTheName()
    {
        var practice = TestPractice.Create();

        var person = practice.AddPerson(null, new PersonDetails("Jane Doe"));

        Assert.Equal("jane-doe", person.Key);
    }

    [Fact]
    public void AddPerson_TwoWithTheSameName_GetDifferentKeys()
    {
        var practice = TestPractice.Create();

        var first = practice.AddPerson(null, new PersonDetails("Jane Doe"));
        var second = practice.AddPerson(null, new PersonDetails("Jane Doe"));

        Assert.Equal(("jane-doe", "jane-doe-2"), (first.Key, second.Key));
    }

    [Fact]
    public void AddPerson_ExplicitKey_IsKept()
    {
        var practice = TestPractice.Create();

        var person = practice.AddPerson(" dr_doe ", new PersonDetails("Jane Doe"));

        Assert.Equal("dr_doe", person.Key);
    }

    [Fact]
    public void AddPerson_ExplicitDuplicateKey_IsRefusedNamingKey()
    {
        var practice = TestPractice.Create();
        practice.AddPerson("dr-doe", new PersonDetails("Jane Doe"));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson("DR-DOE", new PersonDetails("John Doe")));

        Assert.Equal("Key", error.Field);
        Assert.Single(practice.People);
    }

    [Fact]
    public void AddPerson_ExplicitKeyTakenByADerivedOne_IsRefused()
    {
        var practice = TestPractice.Create();
        practice.NewPerson("Jane Doe");

        Assert.Throws<DomainRuleException>(() => practice.AddPerson("jane-doe", new PersonDetails("Someone Else")));
    }

    [Fact]
    public void AddPerson_InvalidKey_IsRefusedNamingKey()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson("dr doe", new PersonDetails("Jane Doe")));

        Assert.Equal("Key", error.Field);
    }

    [Fact]
    public void AddPerson_BlankName_IsRefusedNamingName()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson(null, new PersonDetails("   ")));

        Assert.Equal("Name", error.Field);
        Assert.Empty(practice.People);
    }

    [Fact]
    public void AddPerson_EmailWithoutAt_IsRefusedNamingEmail()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson(null, new PersonDetails("Jane Doe", Email: "jane.example.com")));

        Assert.Equal("Email", error.Field);
    }

    [Fact]
    public void AddPerson_BlankEmailAndPhone_AreStoredAsNone()
    {
        var practice = TestPractice.Create();

        var person = practice.AddPerson(null, new PersonDetails("Jane Doe", " ", " "));

        Assert.Null(person.Email);
        Assert.Null(person.Phone);
    }

    [Fact]
    public void AddPerson_EmailAndPhone_AreTrimmed()
    {
        var practice = TestPractice.Create();

        var person = practice.AddPerson(null, new PersonDetails("Jane Doe", " jane@glow.test ", " 555-0100 "));

        Assert.Equal(("jane@glow.test", "555-0100"), (person.Email, person.Phone));
    }

    [Fact]
    public void AddPerson_PhoneOverFortyCharacters_IsRefusedNamingPhone()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddPerson(null, new PersonDetails("Jane Doe", Phone: new string('5', Person.PhoneMaxLength + 1))));

        Assert.Equal("Phone", error.Field);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("555-01")]
    [InlineData("call 305 555 0100")]
    [InlineData("305-555-0100 x")]
    [InlineData("x123")]
    [InlineData("305/555/0100")]
    public void AddPerson_PhoneThatIsNotANumber_IsRefusedNamingPhone(string phone)
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddPerson(null, new PersonDetails("Jane Doe", Phone: phone)));

        Assert.Equal(("Phone", Person.PhoneMessage), (error.Field, error.Message));
        Assert.Empty(practice.People);
    }

    [Theory]
    [InlineData("305-555-0100")]
    [InlineData("555-0100")]
    [InlineData("+1 (305) 555-0100")]
    [InlineData("305.555.0100 x123")]
    [InlineData("305 555 0100 ext. 12")]
    [InlineData("+44 20 7946 0958 X9")]
    public void AddPerson_PhoneWithDigitsSeparatorsAndExtension_IsKept(string phone)
    {
        var practice = TestPractice.Create();

        var person = practice.AddPerson(null, new PersonDetails("Jane Doe", Phone: phone));

        Assert.Equal(phone, person.Phone);
    }

    [Fact]
    public void ValidatePhone_Blank_IsNoProblem()
    {
        Assert.Null(Person.ValidatePhone("  "));
        Assert.Null(Person.ValidatePhone(null));
    }

    [Fact]
    public void ValidatePhone_OverFortyCharacters_SaysTheLimit()
    {
        Assert.Equal($"Phone must be at most {Person.PhoneMaxLength} characters.", Person.ValidatePhone(new string('5', Person.PhoneMaxLength + 1)));
    }

    [Fact]
    public void UpdatePerson_InvalidEmail_LeavesThePersonUnchanged()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson("Jane Doe");

        Assert.Throws<DomainRuleException>(() => practice.UpdatePerson(person.Id, new PersonDetails("Jane Smith", "not-an-email")));

        Assert.Equal("Jane Doe", person.Name);
    }

    [Fact]
    public void RemovePerson_WhileOwningAStake_IsRefusedNamingPerson()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m));

        var error = Assert.Throws<DomainRuleException>(() => practice.RemovePerson(person.Id));

        Assert.Equal("Person", error.Field);
        Assert.Contains(person, practice.People);
    }

    [Fact]
    public void RemovePerson_WithoutStakes_RemovesThem()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        practice.RemovePerson(person.Id);

        Assert.Empty(practice.People);
    }

    [Fact]
    public void RemovePerson_Unknown_IsRefusedNamingPerson()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.RemovePerson(Guid.NewGuid()));

        Assert.Equal("Person", error.Field);
    }
}
