using MsoManager.Infrastructure.Tenancy;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>
/// Where and as whom this circuit or request works: the workspace every <see cref="MsoManager.Infrastructure.Persistence.AppDbContext"/>
/// it creates is bound to, and the user the audit trail names. Only <see cref="WorkspaceSession"/> sets them, after checking membership.
/// </summary>
public sealed class WorkspaceSelection : ICurrentWorkspace, IAuditActor
{
    public Guid WorkspaceId { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    internal void Select(Guid workspaceId) => WorkspaceId = workspaceId;

    internal void SignIn(string userId, string userName)
    {
        UserId = userId;
        UserName = userName;
    }
}
