using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class SetupTaskTests
{
    [Fact]
    public void AddSetupTask_WithoutLink_StartsAsTodo()
    {
        var practice = TestPractice.Create();

        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.ProfessionalEntity, " Form the professional entity "));

        Assert.Equal(("Form the professional entity", SetupTaskStatus.Todo, "form-the-professional-entity"), (task.Title, task.Status, task.Key));
        Assert.True(task.IsOpen);
    }

    [Fact]
    public void AddSetupTask_LinkedToAnEntity_IsAccepted()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.ProfessionalEntity, "Obtain EIN", RecordId: pc.Id));

        Assert.Equal(pc.Id, task.RecordId);
    }

    [Fact]
    public void AddSetupTask_LinkedToAPerson_IsAccepted()
    {
        var practice = TestPractice.Create();
        var person = practice.NewPerson();

        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Agreements, "Medical director agreement", RecordId: person.Id));

        Assert.Equal(person.Id, task.RecordId);
    }

    [Fact]
    public void AddSetupTask_LinkedToAnAgreement_IsAccepted()
    {
        var practice = TestPractice.Create();
        var msa = practice.NewMsa();

        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Agreements, "Sign MSA", RecordId: msa.Id));

        Assert.Equal(msa.Id, task.RecordId);
    }

    [Fact]
    public void AddSetupTask_LinkedToAnUnknownRecord_IsRefusedNamingRecord()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts", RecordId: Guid.NewGuid())));

        Assert.Equal("Record", error.Field);
        Assert.Empty(practice.SetupTasks);
    }

    [Fact]
    public void AddSetupTask_LinkedToALocation_IsRefusedNamingRecord()
    {
        var practice = TestPractice.Create();
        var location = practice.AddLocation(null, new LocationDetails("1 Main St", "Austin", StateCode.From("TX"), "78701"));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Operations, "Lease", RecordId: location.Id)));

        Assert.Equal("Record", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddSetupTask_BlankTitle_IsRefusedNamingTitle(string title)
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, title)));

        Assert.Equal("Title", error.Field);
        Assert.Empty(practice.SetupTasks);
    }

    [Fact]
    public void AddSetupTask_TitleOver200Characters_IsRefusedNamingTitle()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, new string('t', Text.NameMaxLength + 1))));

        Assert.Equal("Title", error.Field);
    }

    [Fact]
    public void AddSetupTask_DueAfter2200_IsRefusedNamingDueOn()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts", DueOn: new DateOnly(2201, 1, 1))));

        Assert.Equal("DueOn", error.Field);
    }

    [Fact]
    public void ChangeSetupTaskStatus_ChangesOnlyTheStatus()
    {
        var practice = TestPractice.Create();
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts", Owner: "Founder"));

        practice.ChangeSetupTaskStatus(task.Id, SetupTaskStatus.Done);

        Assert.Equal((SetupTaskStatus.Done, "Open bank accounts", "Founder"), (task.Status, task.Title, task.Owner));
    }

    [Theory]
    [InlineData(SetupTaskStatus.Todo, true)]
    [InlineData(SetupTaskStatus.InProgress, true)]
    [InlineData(SetupTaskStatus.Done, false)]
    [InlineData(SetupTaskStatus.NotApplicable, false)]
    public void IsOpen_OnlyWhileTodoOrInProgress(SetupTaskStatus status, bool open)
    {
        var practice = TestPractice.Create();
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts"));

        practice.ChangeSetupTaskStatus(task.Id, status);

        Assert.Equal(open, task.IsOpen);
    }

    [Fact]
    public void ChangeSetupTaskStatus_UnknownTask_IsRefusedNamingSetupTask()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.ChangeSetupTaskStatus(Guid.NewGuid(), SetupTaskStatus.Done));

        Assert.Equal("SetupTask", error.Field);
    }

    [Fact]
    public void UpdateSetupTask_LinkToAnUnknownRecord_IsRefusedAndKeepsTheOldLink()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.ProfessionalEntity, "Obtain EIN", RecordId: pc.Id));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.UpdateSetupTask(task.Id, new SetupTaskDetails(SetupPhase.ProfessionalEntity, "Obtain EIN", RecordId: Guid.NewGuid())));

        Assert.Equal("Record", error.Field);
        Assert.Equal(pc.Id, task.RecordId);
    }

    [Fact]
    public void UpdateSetupTask_InvalidDueDate_LeavesTheTaskUnchanged()
    {
        var practice = TestPractice.Create();
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts"));

        Assert.Throws<DomainRuleException>(() =>
            practice.UpdateSetupTask(task.Id, new SetupTaskDetails(SetupPhase.Banking, "Renamed", SetupTaskStatus.Done, DueOn: new DateOnly(2201, 1, 1))));

        Assert.Equal(("Open bank accounts", SetupTaskStatus.Todo), (task.Title, task.Status));
    }

    [Fact]
    public void RemoveSetupTask_RemovesIt()
    {
        var practice = TestPractice.Create();
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open bank accounts"));

        practice.RemoveSetupTask(task.Id);

        Assert.Empty(practice.SetupTasks);
    }
}
