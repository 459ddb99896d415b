using MsoManager.Domain.Common;

namespace MsoManager.Domain.Workspaces;

/// <summary>
/// An Owner's invitation of someone without an account. The link carries a secret token; only its
/// SHA-256 is stored, so a database reader cannot accept an invitation.
/// </summary>
public sealed class Invitation : IWorkspaceOwned
{
    /// <summary>How long an invitation link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private List<Guid> _scopedPracticeIds = [];

    private Invitation()
    {
        Email = "";
        TokenHash = "";
        InvitedByUserId = "";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Email { get; private set; }

    public MemberRole Role { get; private set; }

    public bool ScopeIncludesAllPractices { get; private set; }

    public PracticeScope Scope => ScopeIncludesAllPractices ? PracticeScope.AllPractices : PracticeScope.Listed(_scopedPracticeIds);

    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; private set; }

    public string InvitedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Invitation Create(
        Guid workspaceId, string email, MemberRole role, PracticeScope scope, string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        var normalizedEmail = email.Trim();
        DomainRuleException.ThrowIf("Email", normalizedEmail.Length == 0 ? "Email is required." : Text.ValidateEmail(normalizedEmail));

        return new Invitation
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Email = normalizedEmail,
            Role = role,
            ScopeIncludesAllPractices = scope.IncludesAllPractices,
            _scopedPracticeIds = [.. scope.PracticeIds],
            TokenHash = tokenHash,
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainRuleException("Token", "This invitation has expired, was revoked or was already used. Ask the workspace Owner for a new one.");
        }

        AcceptedAt = now;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainRuleException("Invitation", "This invitation was already accepted.");
        }

        RevokedAt ??= now;
    }
}
