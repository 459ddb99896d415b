using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class PracticeArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_IsNotArchived()
    {
        var practice = TestPractice.Create();

        Assert.Null(practice.ArchivedAt);
    }

    [Fact]
    public void Archive_RecordsWhen()
    {
        var practice = TestPractice.Create();

        practice.Archive(Now);

        Assert.Equal(Now, practice.ArchivedAt);
    }

    [Fact]
    public void Archive_Again_KeepsTheFirstTime()
    {
        var practice = TestPractice.Create();
        practice.Archive(Now);

        practice.Archive(Now.AddDays(3));

        Assert.Equal(Now, practice.ArchivedAt);
    }

    [Fact]
    public void Restore_Archived_ClearsTheArchiveTime()
    {
        var practice = TestPractice.Create();
        practice.Archive(Now);

        practice.Restore();

        Assert.Null(practice.ArchivedAt);
    }

    [Fact]
    public void Restore_ThenArchive_RecordsTheNewTime()
    {
        var practice = TestPractice.Create();
        practice.Archive(Now);
        practice.Restore();

        practice.Archive(Now.AddDays(3));

        Assert.Equal(Now.AddDays(3), practice.ArchivedAt);
    }

    [Fact]
    public void UpdateDetails_ValidDetails_AppliesThem()
    {
        var practice = TestPractice.Create("TX");

        practice.UpdateDetails(" Glow Aesthetics Austin ", StateCode.From("CA"), PracticeStatus.Operating, " Opened in spring ");

        Assert.Equal(("Glow Aesthetics Austin", "CA", PracticeStatus.Operating, "Opened in spring"), (practice.Name, practice.PrimaryState.Value, practice.Status, practice.Notes));
    }

    [Fact]
    public void UpdateDetails_BlankName_IsRefusedNamingName()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.UpdateDetails(" ", StateCode.From("TX"), PracticeStatus.Planning, null));

        Assert.Equal("Name", error.Field);
        Assert.Equal("Glow Aesthetics", practice.Name);
    }

    [Fact]
    public void Records_BelongToThePracticeAndItsWorkspace()
    {
        var practice = TestPractice.Create();

        var person = practice.NewPerson();

        Assert.Equal((practice.Id, practice.WorkspaceId), (person.PracticeId, person.WorkspaceId));
    }
}
