using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>The one place that narrows practices to a member's scope (the workspace filter already narrowed them to the workspace).</summary>
internal static class PracticeScoping
{
    public static IQueryable<Practice> VisiblePractices(this AppDbContext db, WorkspaceMembership membership)
    {
        if (membership.Scope.IncludesAllPractices)
        {
            return db.Practices;
        }

        var ids = membership.Scope.PracticeIds;
        return db.Practices.Where(p => ids.Contains(p.Id));
    }
}
