using MsoManager.Domain.Common;

namespace MsoManager.Domain.Workspaces;

/// <summary>
/// The tenant: a consulting firm's or a founder's space. Owns its members and guards the rule that
/// a workspace always keeps at least one Owner.
/// </summary>
public sealed class Workspace
{
    /// <summary>Why a user cannot be added twice; the API answers it as a conflict (409).</summary>
    public const string AlreadyAMember = "This person is already a member of the workspace.";

    private readonly List<Member> _members = [];

    private Workspace()
    {
        Name = "";
        TimeZone = WorkspaceTimeZone.Utc;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When set, every member must sign in with a second step (an authenticator app code) before they
    /// can use this workspace; members without it are sent to set it up.
    /// </summary>
    public bool RequiresTwoFactor { get; private set; }

    /// <summary>The IANA time zone whose date is "today" for this workspace (<see cref="WorkspaceTimeZone"/>); UTC until an Owner sets it.</summary>
    public string TimeZone { get; private set; }

    public IReadOnlyCollection<Member> Members => _members.AsReadOnly();

    /// <summary>Creates a workspace with its first member, an Owner.</summary>
    public static Workspace Create(string name, string ownerUserId, DateTimeOffset now)
    {
        var workspace = new Workspace
        {
            Id = Guid.CreateVersion7(now),
            Name = Text.RequireName(name, "Name"),
            CreatedAt = now,
        };
        workspace.AddMember(ownerUserId, MemberRole.Owner, PracticeScope.AllPractices);
        return workspace;
    }

    public void Rename(string name) => Name = Text.RequireName(name, "Name");

    /// <summary>Sets the time zone whose date is the workspace's "today".</summary>
    public void ChangeTimeZone(string? id)
    {
        DomainRuleException.ThrowIf("TimeZone", WorkspaceTimeZone.Validate(id));
        TimeZone = id!;
    }

    /// <summary>The date it is in the workspace's time zone at <paramref name="now"/>.</summary>
    public DateOnly TodayAt(DateTimeOffset now) => WorkspaceTimeZone.Today(TimeZone, now);

    /// <summary>Turns the two-step sign-in requirement for every member on or off.</summary>
    public void RequireTwoFactor(bool required) => RequiresTwoFactor = required;

    /// <summary>Adds a user as a member; a user is a member of a workspace at most once.</summary>
    public Member AddMember(string userId, MemberRole role, PracticeScope scope)
    {
        if (HasMember(userId))
        {
            throw new DomainRuleException("Email", AlreadyAMember);
        }

        var member = new Member(Id, userId, role, scope);
        _members.Add(member);
        return member;
    }

    public bool HasMember(string userId) => _members.Any(m => m.UserId == userId);

    public void ChangeRole(Guid memberId, MemberRole role)
    {
        var member = FindMember(memberId);
        if (member.Role == MemberRole.Owner && role != MemberRole.Owner)
        {
            EnsureAnotherOwner(member, "Role", "The workspace needs at least one Owner: make someone else Owner first.");
        }

        member.ChangeRole(role);
    }

    public void ChangeScope(Guid memberId, PracticeScope scope) => FindMember(memberId).ChangeScope(scope);

    public void RemoveMember(Guid memberId)
    {
        var member = FindMember(memberId);
        if (member.Role == MemberRole.Owner)
        {
            EnsureAnotherOwner(member, "Member", "The workspace needs at least one Owner: the last Owner cannot be removed.");
        }

        _members.Remove(member);
    }

    private void EnsureAnotherOwner(Member leaving, string field, string message)
    {
        if (!_members.Any(m => m != leaving && m.Role == MemberRole.Owner))
        {
            throw new DomainRuleException(field, message);
        }
    }

    private Member FindMember(Guid memberId) =>
        _members.SingleOrDefault(m => m.Id == memberId)
        ?? throw new DomainRuleException("Member", "That member is no longer in the workspace; reload the page.");
}
