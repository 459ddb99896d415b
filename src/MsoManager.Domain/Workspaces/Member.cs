using MsoManager.Domain.Common;

namespace MsoManager.Domain.Workspaces;

/// <summary>A user's membership of a workspace: one role and a practice scope. Changed through <see cref="Workspace"/>.</summary>
public sealed class Member : IWorkspaceOwned
{
    private List<Guid> _scopedPracticeIds = [];

    private Member()
    {
        UserId = "";
    }

    internal Member(Guid workspaceId, string userId, MemberRole role, PracticeScope scope)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new DomainRuleException("User", "A member must be a user.");
        }

        Id = Guid.CreateVersion7();
        WorkspaceId = workspaceId;
        UserId = userId;
        Role = role;
        ChangeScope(scope);
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    /// <summary>The Identity user's id.</summary>
    public string UserId { get; private set; }

    public MemberRole Role { get; private set; }

    /// <summary>Stored flag behind <see cref="Scope"/>: true when the member sees every practice.</summary>
    public bool ScopeIncludesAllPractices { get; private set; }

    public PracticeScope Scope => Role.SeesAllPractices() || ScopeIncludesAllPractices
        ? PracticeScope.AllPractices
        : PracticeScope.Listed(_scopedPracticeIds);

    internal void ChangeRole(MemberRole role) => Role = role;

    internal void ChangeScope(PracticeScope scope)
    {
        ScopeIncludesAllPractices = scope.IncludesAllPractices;
        _scopedPracticeIds = [.. scope.PracticeIds];
    }
}
