using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Workspaces;

public sealed class WorkspaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_MakesTheCreatorItsOnlyOwner()
    {
        var workspace = Workspace.Create("  Lumen Advisory ", "user-1", Now);

        var member = Assert.Single(workspace.Members);
        Assert.Equal("Lumen Advisory", workspace.Name);
        Assert.Equal(("user-1", MemberRole.Owner, workspace.Id), (member.UserId, member.Role, member.WorkspaceId));
        Assert.True(member.Scope.IncludesAllPractices);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_IsRefusedNamingTheField(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => Workspace.Create(name, "user-1", Now));

        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void Create_NameOver200Characters_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => Workspace.Create(new string('x', Text.NameMaxLength + 1), "user-1", Now));
    }

    [Fact]
    public void AddMember_SameUserTwice_IsRefused()
    {
        var workspace = Workspace.Create("W", "user-1", Now);
        workspace.AddMember("user-2", MemberRole.Viewer, PracticeScope.AllPractices);

        var error = Assert.Throws<DomainRuleException>(() => workspace.AddMember("user-2", MemberRole.Client, PracticeScope.AllPractices));

        Assert.Equal("Email", error.Field);
    }

    [Fact]
    public void ChangeRole_OfTheLastOwner_IsRefused()
    {
        var workspace = Workspace.Create("W", "user-1", Now);

        Assert.Throws<DomainRuleException>(() => workspace.ChangeRole(workspace.Members.Single().Id, MemberRole.Consultant));
        Assert.Equal(MemberRole.Owner, workspace.Members.Single().Role);
    }

    [Fact]
    public void ChangeRole_OfAnOwnerWhenAnotherOwnerRemains_IsAllowed()
    {
        var workspace = Workspace.Create("W", "user-1", Now);
        workspace.AddMember("user-2", MemberRole.Owner, PracticeScope.AllPractices);
        var first = workspace.Members.Single(m => m.UserId == "user-1");

        workspace.ChangeRole(first.Id, MemberRole.Attorney);

        Assert.Equal(MemberRole.Attorney, first.Role);
    }

    [Fact]
    public void RemoveMember_LastOwner_IsRefused()
    {
        var workspace = Workspace.Create("W", "user-1", Now);

        Assert.Throws<DomainRuleException>(() => workspace.RemoveMember(workspace.Members.Single().Id));
        Assert.Single(workspace.Members);
    }

    [Fact]
    public void RemoveMember_NonOwner_RemovesThem()
    {
        var workspace = Workspace.Create("W", "user-1", Now);
        var viewer = workspace.AddMember("user-2", MemberRole.Viewer, PracticeScope.AllPractices);

        workspace.RemoveMember(viewer.Id);

        Assert.DoesNotContain(viewer, workspace.Members);
    }

    [Fact]
    public void RemoveMember_Unknown_SaysToReload()
    {
        var workspace = Workspace.Create("W", "user-1", Now);

        var error = Assert.Throws<DomainRuleException>(() => workspace.RemoveMember(Guid.NewGuid()));

        Assert.Contains("reload", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scope_OfAnOwner_IsAllPracticesWhateverWasListed()
    {
        var workspace = Workspace.Create("W", "user-1", Now);
        var member = workspace.AddMember("user-2", MemberRole.Client, PracticeScope.Listed([Guid.NewGuid()]));

        workspace.ChangeRole(member.Id, MemberRole.Owner);

        Assert.True(member.Scope.IncludesAllPractices);
    }

    [Fact]
    public void ChangeScope_ToListedPractices_KeepsExactlyThose()
    {
        var workspace = Workspace.Create("W", "user-1", Now);
        var member = workspace.AddMember("user-2", MemberRole.Client, PracticeScope.AllPractices);
        var practice = Guid.NewGuid();

        workspace.ChangeScope(member.Id, PracticeScope.Listed([practice, practice]));

        Assert.False(member.Scope.IncludesAllPractices);
        Assert.Equal([practice], member.Scope.PracticeIds);
        Assert.True(member.Scope.Includes(practice));
        Assert.False(member.Scope.Includes(Guid.NewGuid()));
    }
}
