using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Workspaces;

/// <summary>The roles table of domain.md, row by row.</summary>
public sealed class RolePermissionsTests
{
    [Fact]
    public void Owner_MayDoEverythingButReviewDecisions()
    {
        Assert.All(Enum.GetValues<Permission>().Where(p => p != Permission.ReviewAgreements), p => Assert.True(MemberRole.Owner.Allows(p)));
        Assert.False(MemberRole.Owner.Allows(Permission.ReviewAgreements));
        Assert.True(MemberRole.Owner.SeesAllPractices());
    }

    [Theory]
    [InlineData(MemberRole.Consultant, new[] { Permission.ViewPractices, Permission.EditPractices, Permission.EditSetupTasks, Permission.Comment, Permission.ViewSensitiveIdentifiers })]
    [InlineData(MemberRole.Attorney, new[] { Permission.ViewPractices, Permission.Comment, Permission.ReviewAgreements })]
    [InlineData(MemberRole.Client, new[] { Permission.ViewPractices, Permission.EditSetupTasks, Permission.Comment })]
    [InlineData(MemberRole.Viewer, new[] { Permission.ViewPractices })]
    public void Role_MayDoExactlyWhatTheTableSays(MemberRole role, Permission[] allowed)
    {
        var granted = Enum.GetValues<Permission>().Where(p => role.Allows(p)).ToArray();

        Assert.Equal(allowed.Order(), granted.Order());
        Assert.False(role.SeesAllPractices());
    }

    [Fact]
    public void Describe_CoversEveryRole()
    {
        Assert.All(Enum.GetValues<MemberRole>(), role => Assert.False(string.IsNullOrWhiteSpace(role.Describe())));
    }
}
