using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Deadlines;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Home;

/// <summary>
/// What the home page shows: the practices the member sees, for Owners the team, for an attorney the
/// reviews assigned to them and for a member who requests reviews their open requests (null when the role has none).
/// </summary>
public sealed record HomeSummaryData(
    int PracticeCount, IReadOnlyList<PracticeHeadline> RecentPractices, int MemberCount, ReviewCount? AssignedReviews = null, ReviewCount? RequestedReviews = null,
    DeadlineCount? Deadlines = null);

/// <summary>Deadlines in the practices the member sees: due in the next <see cref="HomeSummary.DeadlineDays"/> days, and overdue.</summary>
public sealed record DeadlineCount(int Upcoming, int Overdue);

/// <summary>Open reviews across the member's workspaces, as the Reviews page lists them, and how many of those are overdue.</summary>
public sealed record ReviewCount(int Open, int Overdue)
{
    public static ReviewCount Of(IReadOnlyList<ReviewQueueItem> queue) => new(queue.Count, queue.Count(i => i.IsOverdue));
}

public sealed record PracticeHeadline(Guid Id, string Name, string PrimaryState, PracticeStatus Status);

public sealed class HomeSummary(WorkspaceSession session, TenantDbContextFactory contexts, ReviewService reviews, DeadlineService deadlines)
{
    /// <summary>The home page counts what falls due this far ahead, as the calendar's "Next 30 days" shows.</summary>
    public const int DeadlineDays = 30;

    public async Task<HomeSummaryData> LoadAsync(CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var practices = db.VisiblePractices(membership).AsNoTracking();
        var count = await practices.CountAsync(cancellationToken);
        var recent = await practices.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Name).Take(5)
            .Select(p => new { p.Id, p.Name, p.PrimaryState, p.Status })
            .ToListAsync(cancellationToken);
        var members = membership.Can(Permission.ManageWorkspace) ? await db.Members.CountAsync(cancellationToken) : 0;
        var assigned = membership.Can(Permission.ReviewAgreements) ? ReviewCount.Of(await reviews.QueueAsync(assignedToMe: true, cancellationToken: cancellationToken)) : null;
        var requested = membership.Can(Permission.EditPractices) ? ReviewCount.Of(await reviews.QueueAsync(assignedToMe: false, cancellationToken: cancellationToken)) : null;
        var today = deadlines.Today;
        var due = await deadlines.ForWorkspaceAsync(new DeadlineService.DeadlineQuery(today, today.AddDays(DeadlineDays), WithOverdue: true), cancellationToken);
        var overdue = due.Count(d => d.Deadline.IsOverdue(today));
        return new HomeSummaryData(
            count, [.. recent.Select(p => new PracticeHeadline(p.Id, p.Name, p.PrimaryState.Value, p.Status))], members, assigned, requested,
            new DeadlineCount(due.Count - overdue, overdue));
    }
}
