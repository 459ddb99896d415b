using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>
/// The one place that narrows practices to a member's scope (the workspace filter already narrowed them
/// to the workspace), and the one definition of loading a whole practice.
/// </summary>
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

    /// <summary>The whole aggregate: every record a practice holds, loaded with split queries.</summary>
    public static IQueryable<Practice> WithEverything(this IQueryable<Practice> practices) =>
        practices.WithStructure()
            .Include(p => p.Agreements).ThenInclude(a => a.Versions)
            .Include(p => p.SetupTasks);

    /// <summary>What the compliance engine reads: the aggregate without setup tasks and agreement history.</summary>
    public static IQueryable<Practice> WithStructure(this IQueryable<Practice> practices) =>
        practices
            .Include(p => p.Locations)
            .Include(p => p.Entities)
            .Include(p => p.People).ThenInclude(person => person.Licenses)
            .Include(p => p.People).ThenInclude(person => person.Roles)
            .Include(p => p.Organizations)
            .Include(p => p.Stakes)
            .Include(p => p.Agreements)
            .Include(p => p.FinancialMonths)
            .AsSplitQuery();

    /// <summary>What the deadline calculator reads: entities, people with their licenses, agreements and setup tasks.</summary>
    public static IQueryable<Practice> WithDeadlineSources(this IQueryable<Practice> practices) =>
        practices
            .Include(p => p.Entities)
            .Include(p => p.People).ThenInclude(person => person.Licenses)
            .Include(p => p.Agreements)
            .Include(p => p.SetupTasks)
            .AsSplitQuery();
}
