using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class PracticeOwnershipTests
{
    private static readonly DateOnly NewYear = new(2025, 1, 1);

    [Fact]
    public void AddStake_TwoHalves_AreAccepted()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");

        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 50m));
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m));

        Assert.Equal(2, practice.Stakes.Count);
        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void AddStake_ThreeStakesMakingExactlyHundred_AreAccepted()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 33.33m));
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 33.33m));
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 33.34m));

        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void AddStake_SixtyAndFiftyWithoutDates_IsRefusedNamingPercent()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m)));

        Assert.Equal("Percent", error.Field);
        Assert.Single(practice.Stakes);
    }

    [Fact]
    public void AddStake_StartingOnTheDayTheOtherEnds_IsAccepted()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m, to: NewYear));

        practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m, from: NewYear));

        Assert.Equal(60m, practice.OwnedPercentOn(pc.Id, NewYear.AddDays(-1)));
        Assert.Equal(50m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void AddStake_OverlappingByOneDay_IsRefusedNamingPercent()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m, to: NewYear.AddDays(1)));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m, from: NewYear)));

        Assert.Equal("Percent", error.Field);
        Assert.Single(practice.Stakes);
    }

    [Fact]
    public void AddStake_LaterStakeOverlappingOneWithNoStart_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m, to: new DateOnly(2026, 1, 1)));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m, from: new DateOnly(2025, 6, 1))));

        Assert.Equal("Percent", error.Field);
    }

    [Fact]
    public void AddStake_NoStartOverlappingALaterStake_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 50m, from: new DateOnly(2025, 6, 1)));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m)));

        Assert.Equal("Percent", error.Field);
    }

    [Fact]
    public void AddStake_OverHundredOnlyFromALaterDate_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 50m, from: new DateOnly(2024, 1, 1)));
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 40m, from: new DateOnly(2024, 1, 1)));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 20m, from: new DateOnly(2026, 1, 1))));

        Assert.Equal("Percent", error.Field);
    }

    [Fact]
    public void AddStake_NoStartEndingBeforeALaterStake_IsAccepted()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m, from: new DateOnly(2025, 6, 1)));

        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m, to: new DateOnly(2025, 6, 1)));

        Assert.Equal(2, practice.Stakes.Count);
    }

    [Fact]
    public void AddStake_StakesInAnotherEntity_DoNotCount()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var mso = practice.NewManagementCompany();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(mso.Id, person.Id, 100m));

        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m));

        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
        Assert.Equal(100m, practice.OwnedPercentOn(mso.Id, NewYear));
    }

    [Fact]
    public void AddStake_ZeroPercent_IsRefusedNamingPercent()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(person.Id), default)));

        Assert.Equal("Percent", error.Field);
        Assert.Empty(practice.Stakes);
    }

    [Fact]
    public void AddStake_ToOnTheFromDate_IsRefusedNamingTo()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 10m, from: NewYear, to: NewYear)));

        Assert.Equal("To", error.Field);
    }

    [Fact]
    public void AddStake_FromBefore1900_IsRefusedNamingFrom()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 10m, from: new DateOnly(1899, 12, 31))));

        Assert.Equal("From", error.Field);
    }

    [Fact]
    public void AddStake_UnknownEntity_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(Guid.NewGuid(), person.Id, 10m)));

        Assert.Equal("Entity", error.Field);
        Assert.Empty(practice.Stakes);
    }

    [Fact]
    public void AddStake_UnknownPerson_IsRefusedNamingPerson()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, Guid.NewGuid(), 10m)));

        Assert.Equal("Person", error.Field);
        Assert.Empty(practice.Stakes);
    }

    [Fact]
    public void AddStake_PersonOfAnotherPractice_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var stranger = TestPractice.Create().NewPerson();

        Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(pc.Id, stranger.Id, 10m)));
    }

    [Fact]
    public void AddStake_UnknownOrganization_IsRefusedNamingOrganization()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(Guid.NewGuid()), TestPractice.Percent(10m))));

        Assert.Equal("Organization", error.Field);
    }

    [Fact]
    public void AddStake_OwnedByAnOrganization_CountsTowardsTheTotal()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var fund = practice.AddOrganization(null, "Summit Growth Fund", OrganizationKind.InvestmentFund);
        var person = practice.NewPerson();

        var stake = practice.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), TestPractice.Percent(40m)));

        Assert.Equal((fund.Id, (Guid?)null), (stake.OwnerId, stake.OwnerPersonId));
        Assert.Equal("Summit Growth Fund", practice.OwnerName(StakeOwner.OfOrganization(fund.Id)));
        Assert.Throws<DomainRuleException>(() => practice.AddStake(null, TestPractice.PersonStake(mso.Id, person.Id, 60.01m)));
    }

    [Fact]
    public void AddStake_WithoutKey_DerivesItFromOwnerAndEntity()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity("Glow Medical PLLC");
        var jane = practice.NewPerson("Jane Doe");

        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 10m));

        Assert.Equal("jane-doe-glow-medical-pllc", stake.Key);
    }

    [Fact]
    public void AddStake_ExplicitDuplicateKey_IsRefusedNamingKey()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake("founder", TestPractice.PersonStake(pc.Id, person.Id, 10m));

        var error = Assert.Throws<DomainRuleException>(() => practice.AddStake("founder", TestPractice.PersonStake(pc.Id, person.Id, 10m)));

        Assert.Equal("Key", error.Field);
        Assert.Single(practice.Stakes);
    }

    [Fact]
    public void UpdateStake_WouldExceedHundred_IsRefusedAndLeavesTheStakeUnchanged()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 50m));
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 40m, from: NewYear));

        var error = Assert.Throws<DomainRuleException>(() => practice.UpdateStake(stake.Id, TestPractice.PersonStake(pc.Id, omar.Id, 60m)));

        Assert.Equal("Percent", error.Field);
        Assert.Equal((40m, NewYear, (DateOnly?)null), (stake.Percent.Value, stake.From, stake.To));
    }

    [Fact]
    public void UpdateStake_ItsOwnOldPercent_DoesNotCountAgainstIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 50m));
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 40m));

        practice.UpdateStake(stake.Id, TestPractice.PersonStake(pc.Id, omar.Id, 50m));

        Assert.Equal(50m, stake.Percent.Value);
        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void UpdateStake_Unknown_IsRefusedNamingStake()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.UpdateStake(Guid.NewGuid(), TestPractice.PersonStake(pc.Id, person.Id, 10m)));

        Assert.Equal("Stake", error.Field);
    }

    [Fact]
    public void RemoveStake_FreesItsShare()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m));

        practice.RemoveStake(stake.Id);

        Assert.Empty(practice.Stakes);
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 100m));
    }

    [Fact]
    public void TransferStake_EndsTheOldStakeOnTheDate()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 100m, from: new DateOnly(2020, 1, 1)));

        practice.TransferStake(stake.Id, StakeOwner.OfPerson(omar.Id), NewYear);

        Assert.Equal((new DateOnly(2020, 1, 1), NewYear), (stake.From, stake.To));
        Assert.Equal(jane.Id, stake.OwnerPersonId);
    }

    [Fact]
    public void TransferStake_GivesTheSamePercentToTheNewOwnerFromTheDate()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 75m));

        var transferred = practice.TransferStake(stake.Id, StakeOwner.OfPerson(omar.Id), NewYear);

        Assert.Equal((pc.Id, omar.Id, 75m, NewYear, (DateOnly?)null), (transferred.EntityId, transferred.OwnerPersonId, transferred.Percent.Value, transferred.From, transferred.To));
        Assert.Equal(2, practice.Stakes.Count);
    }

    [Fact]
    public void TransferStake_MovesOwnershipAtTheDateWithoutChangingTheTotal()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 100m));

        practice.TransferStake(stake.Id, StakeOwner.OfPerson(omar.Id), NewYear);

        Assert.Equal(100m, PercentOf(practice, jane.Id, NewYear.AddDays(-1)));
        Assert.Equal(0m, PercentOf(practice, omar.Id, NewYear.AddDays(-1)));
        Assert.Equal(0m, PercentOf(practice, jane.Id, NewYear));
        Assert.Equal(100m, PercentOf(practice, omar.Id, NewYear));
        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear.AddDays(-1)));
        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void TransferStake_ToAnOrganization_GivesItTheStake()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var jane = practice.NewPerson();
        var trust = practice.AddOrganization(null, "Doe Family Trust", OrganizationKind.Trust);
        var stake = practice.AddStake(null, TestPractice.PersonStake(mso.Id, jane.Id, 30m));

        var transferred = practice.TransferStake(stake.Id, StakeOwner.OfOrganization(trust.Id), NewYear);

        Assert.Equal((trust.Id, (Guid?)null), (transferred.OwnerId, transferred.OwnerPersonId));
        Assert.Equal(30m, PercentOf(practice, trust.Id, NewYear));
    }

    [Fact]
    public void TransferStake_OnTheDayTheStakeEnds_IsRefusedNamingOn()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 100m, to: NewYear));

        var error = Assert.Throws<DomainRuleException>(() => practice.TransferStake(stake.Id, StakeOwner.OfPerson(omar.Id), NewYear));

        Assert.Equal("On", error.Field);
        Assert.Single(practice.Stakes);
        Assert.Equal(NewYear, stake.To);
    }

    [Fact]
    public void TransferStake_BeforeTheStakeStarts_IsRefusedNamingOn()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 100m, from: NewYear));

        var error = Assert.Throws<DomainRuleException>(() => practice.TransferStake(stake.Id, StakeOwner.OfPerson(omar.Id), NewYear.AddDays(-1)));

        Assert.Equal("On", error.Field);
        Assert.Single(practice.Stakes);
        Assert.Null(stake.To);
    }

    [Fact]
    public void TransferStake_ToUnknownPerson_IsRefusedAndLeavesTheStakeUnchanged()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson();
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 100m));

        Assert.Throws<DomainRuleException>(() => practice.TransferStake(stake.Id, StakeOwner.OfPerson(Guid.NewGuid()), NewYear));

        Assert.Single(practice.Stakes);
        Assert.Null(stake.To);
        Assert.Equal(100m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void TransferStake_OfAStakeEndingBeforeAnotherStarts_PassesOnOnlyWhatWasHeld()
    {
        // Jane holds 60% until 2030, Omar 60% from 2030: ownership never exceeds 100%, so
        // transferring Jane's stake to Lee in 2025 must not give Lee 60% beyond 2030.
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson("Jane Doe");
        var omar = practice.NewPerson("Omar Ali");
        var lee = practice.NewPerson("Lee Park");
        var end = new DateOnly(2030, 1, 1);
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, jane.Id, 60m, to: end));
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, omar.Id, 60m, from: end));

        var transferred = practice.TransferStake(stake.Id, StakeOwner.OfPerson(lee.Id), NewYear);

        Assert.Equal((NewYear, (DateOnly?)end), (transferred.From, transferred.To));
        Assert.Equal(60m, PercentOf(practice, lee.Id, NewYear));
        Assert.Equal(60m, PercentOf(practice, omar.Id, end));
    }

    [Fact]
    public void OwnedPercentOn_TheFromDate_IncludesTheStake()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 25m, from: NewYear));

        Assert.Equal(0m, practice.OwnedPercentOn(pc.Id, NewYear.AddDays(-1)));
        Assert.Equal(25m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void OwnedPercentOn_TheToDate_ExcludesTheStake()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, person.Id, 25m, to: NewYear));

        Assert.Equal(25m, practice.OwnedPercentOn(pc.Id, NewYear.AddDays(-1)));
        Assert.Equal(0m, practice.OwnedPercentOn(pc.Id, NewYear));
    }

    [Fact]
    public void RemoveOrganization_WhileOwningAStake_IsRefusedNamingOrganization()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();
        var fund = practice.AddOrganization(null, "Summit Growth Fund", OrganizationKind.InvestmentFund);
        practice.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), TestPractice.Percent(40m)));

        var error = Assert.Throws<DomainRuleException>(() => practice.RemoveOrganization(fund.Id));

        Assert.Equal("Organization", error.Field);
        Assert.Single(practice.Organizations);
    }

    [Fact]
    public void RemoveOrganization_WithoutStakes_RemovesIt()
    {
        var practice = TestPractice.Create();
        var fund = practice.AddOrganization(null, "Summit Growth Fund", OrganizationKind.InvestmentFund);

        practice.RemoveOrganization(fund.Id);

        Assert.Empty(practice.Organizations);
    }

    [Fact]
    public void AddOrganization_BlankName_IsRefusedNamingName()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddOrganization(null, "  ", OrganizationKind.Company));

        Assert.Equal("Name", error.Field);
        Assert.Empty(practice.Organizations);
    }

    private static decimal PercentOf(Practice practice, Guid ownerId, DateOnly date) =>
        practice.Stakes.Where(s => s.OwnerId == ownerId && s.IsHeldOn(date)).Sum(s => s.Percent.Value);
}
