using Microsoft.EntityFrameworkCore;
using MsoManager.Infrastructure.Tenancy;

namespace MsoManager.Infrastructure.Persistence;

/// <summary>
/// Creates short-lived contexts bound to the caller's current workspace (the Blazor pattern of one
/// context per operation), or to a named workspace for work that is not a user's, such as seeding.
/// </summary>
public sealed class TenantDbContextFactory(DbContextOptions<AppDbContext> options, ICurrentWorkspace currentWorkspace, IAuditActor? actor = null)
    : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options, currentWorkspace, actor);

    /// <summary>A context for <paramref name="workspaceId"/>, whatever the caller's current workspace.</summary>
    public AppDbContext CreateForWorkspace(Guid workspaceId, IAuditActor? onBehalfOf = null) =>
        new(options, new FixedWorkspace(workspaceId), onBehalfOf ?? actor);

    /// <summary>A context bound to no workspace: it sees users and nothing workspace-owned unless a query deliberately ignores <see cref="AppDbContext.WorkspaceFilter"/>.</summary>
    public AppDbContext CreateWithoutWorkspace() => new(options, FixedWorkspace.None, actor);
}
