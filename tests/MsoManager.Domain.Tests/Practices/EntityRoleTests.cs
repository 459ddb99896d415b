using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class EntityRoleTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2026, 1, 1);

    [Fact]
    public void AddRole_ToAnEntityOfThePractice_IsAddedToThePerson()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var role = practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.MedicalDirector, Start, End));

        Assert.Equal((person.Id, pc.Id, EntityRoleKind.MedicalDirector, "medicaldirector"), (role.PersonId, role.EntityId, role.Kind, role.Key));
        Assert.Contains(role, person.Roles);
    }

    [Fact]
    public void AddRole_UnknownEntity_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddRole(person.Id, null, new EntityRoleDetails(Guid.NewGuid(), EntityRoleKind.Officer)));

        Assert.Equal("Entity", error.Field);
        Assert.Empty(person.Roles);
    }

    [Fact]
    public void AddRole_UnknownPerson_IsRefusedNamingPerson()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddRole(Guid.NewGuid(), null, new EntityRoleDetails(pc.Id, EntityRoleKind.Officer)));

        Assert.Equal("Person", error.Field);
    }

    [Fact]
    public void AddRole_ToOnTheFromDate_IsRefusedNamingTo()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Director, Start, Start)));

        Assert.Equal("To", error.Field);
        Assert.Empty(person.Roles);
    }

    [Fact]
    public void AddRole_ToBeforeFrom_IsRefusedNamingTo()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Director, End, Start)));

        Assert.Equal("To", error.Field);
    }

    [Fact]
    public void AddRole_FromOutOfRange_IsRefusedNamingFrom()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Employee, new DateOnly(1899, 12, 31))));

        Assert.Equal("From", error.Field);
    }

    [Fact]
    public void IsHeldOn_FromIsInclusiveAndToExclusive()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var role = practice.AddRole(practice.NewPerson().Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Officer, Start, End));

        Assert.False(role.IsHeldOn(Start.AddDays(-1)));
        Assert.True(role.IsHeldOn(Start));
        Assert.True(role.IsHeldOn(End.AddDays(-1)));
        Assert.False(role.IsHeldOn(End));
    }

    [Fact]
    public void AddRole_SameKindTwice_GetsDifferentKeys()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var mso = practice.NewManagementCompany();
        var person = practice.NewPerson();

        var first = practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Officer));
        var second = practice.AddRole(person.Id, null, new EntityRoleDetails(mso.Id, EntityRoleKind.Officer));

        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public void RemoveRole_RemovesItFromThePerson()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var person = practice.NewPerson();
        var role = practice.AddRole(person.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.Officer));

        practice.RemoveRole(person.Id, role.Id);

        Assert.Empty(person.Roles);
    }

    [Fact]
    public void RemoveRole_Unknown_IsRefusedNamingRole()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var error = Assert.Throws<DomainRuleException>(() => practice.RemoveRole(person.Id, Guid.NewGuid()));

        Assert.Equal("Role", error.Field);
    }
}
