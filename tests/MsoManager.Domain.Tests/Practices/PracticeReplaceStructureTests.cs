using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class PracticeReplaceStructureTests
{
    [Fact]
    public void ReplaceStructure_RebuildsTheRecords_KeepingSetupTasks()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var jane = practice.NewPerson();
        practice.AddStake("s1", TestPractice.PersonStake(pc.Id, jane.Id, 100m));
        practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open the bank account"));

        practice.ReplaceStructure(p => p.AddEntity("mso", EntityKind.ManagementCompany, TestPractice.EntityDetails("New Management LLC", EntityForm.LLC)));

        Assert.Equal(["mso"], practice.Entities.Select(e => e.Key));
        Assert.Empty(practice.People);
        Assert.Empty(practice.Stakes);
        Assert.Equal("Open the bank account", Assert.Single(practice.SetupTasks).Title);
    }

    [Fact]
    public void ReplaceStructure_LinksATaskToTheNewRecordWithTheSameKey_OrUnlinksIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC"));
        var jane = practice.AddPerson("jane", new PersonDetails("Jane Doe"));
        var aboutEntity = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.ProfessionalEntity, "File the PLLC", RecordId: pc.Id));
        var aboutPerson = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Operations, "Hire Jane", RecordId: jane.Id));

        practice.ReplaceStructure(p => p.AddEntity("pc", EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC")));

        var newPc = Assert.Single(practice.Entities);
        Assert.NotEqual(pc.Id, newPc.Id);
        Assert.Equal(newPc.Id, aboutEntity.RecordId);
        Assert.Null(aboutPerson.RecordId);
    }

    [Fact]
    public void StakeTotals_FirstOverAllocation_IsTheEarliestDateOverHundred()
    {
        var later = new DateOnly(2026, 1, 1);
        var earlier = new DateOnly(2025, 1, 1);

        var over = StakeTotals.FirstOverAllocation([(60m, null, null), (50m, later, null), (45m, earlier, null)]);

        Assert.Equal((105m, (DateOnly?)earlier), over);
    }

    [Fact]
    public void StakeTotals_FirstOverAllocation_StakesThatDoNotOverlap_AreNone()
    {
        var handover = new DateOnly(2025, 6, 1);

        Assert.Null(StakeTotals.FirstOverAllocation([(100m, null, handover), (100m, handover, null)]));
    }
}
