using MsoManager.Infrastructure.Tenancy;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>
/// The workspace this circuit or request works in, read by every <see cref="MsoManager.Infrastructure.Persistence.AppDbContext"/>
/// it creates. Only <see cref="WorkspaceSession"/> selects it, after checking membership.
/// </summary>
public sealed class WorkspaceSelection : ICurrentWorkspace
{
    public Guid WorkspaceId { get; private set; }

    internal void Select(Guid workspaceId) => WorkspaceId = workspaceId;
}
