using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>
/// The one place the app asks what day it is: the date in the current workspace's time zone
/// (<see cref="WorkspaceTimeZone"/>), for findings, stored risk, deadlines, overdue marks and license
/// standing alike, so no two pages disagree near midnight.
/// </summary>
public sealed class WorkspaceClock(WorkspaceSession session, TenantDbContextFactory contexts, TimeProvider time)
{
    /// <summary>Today in the current workspace (UTC before one is chosen).</summary>
    public DateOnly Today => TodayIn(session.Current);

    /// <summary>Today in <paramref name="membership"/>'s workspace, for lists that span workspaces (the review queue).</summary>
    public DateOnly TodayIn(WorkspaceMembership? membership) => WorkspaceTimeZone.Today(membership?.TimeZone ?? WorkspaceTimeZone.Utc, time.GetUtcNow());

    /// <summary>Today in the workspace <paramref name="workspaceId"/>, for readers handed a workspace rather than a session's.</summary>
    public async Task<DateOnly> TodayInAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        if (session.Current is { } current && current.WorkspaceId == workspaceId)
        {
            return TodayIn(current);
        }

        await using var db = contexts.CreateForWorkspace(workspaceId);
        var zone = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleOrDefaultAsync(cancellationToken);
        return WorkspaceTimeZone.Today(zone ?? WorkspaceTimeZone.Utc, time.GetUtcNow());
    }

    /// <summary>The current workspace's time zone, to say which "today" a page means.</summary>
    public string TimeZone => session.Current?.TimeZone ?? WorkspaceTimeZone.Utc;
}
