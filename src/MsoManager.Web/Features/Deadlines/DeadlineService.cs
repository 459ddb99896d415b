using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Deadlines;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Deadlines;

/// <summary>A deadline with the practice it belongs to and the page address of its record, for lists across practices.</summary>
public sealed record PracticeDeadline(Guid PracticeId, string PracticeName, Deadline Deadline, string RecordLink = "");

/// <summary>
/// The deadlines of deadlines.md for the signed-in member: one practice's, or every practice's in
/// their scope, always through <see cref="DeadlineCalculator"/> so every view gives the same dates.
/// </summary>
public sealed class DeadlineService(WorkspaceSession session, TenantDbContextFactory contexts, WorkspaceClock clock)
{
    /// <summary>"Today" for deadlines and overdue marks: the date in the workspace's time zone.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>The practice's deadlines in the window, or null when it is not the member's to see.</summary>
    public async Task<IReadOnlyList<Deadline>?> ForPracticeAsync(Guid practiceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var practice = await db.VisiblePractices(membership).WithDeadlineSources().AsNoTracking().SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken);
        return practice is null ? null : DeadlineCalculator.For(practice, from, to);
    }

    /// <summary>
    /// Every deadline in the window over the practices in the member's scope (optionally of one state
    /// and kinds), in the catalog's order with the practice before the kind: date, practice id, kind, subject key.
    /// </summary>
    public Task<IReadOnlyList<PracticeDeadline>> ForWorkspaceAsync(
        DateOnly from, DateOnly to, StateCode? state = null, IReadOnlySet<string>? kinds = null, CancellationToken cancellationToken = default) =>
        ForWorkspaceAsync(new DeadlineQuery(from, to, state, kinds), cancellationToken);

    /// <summary>As above, for <paramref name="query"/>: optionally one practice, and what is overdue from before the window.</summary>
    public async Task<IReadOnlyList<PracticeDeadline>> ForWorkspaceAsync(DeadlineQuery query, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var practices = db.VisiblePractices(membership);
        if (query.State is { } state)
        {
            practices = practices.Where(p => p.PrimaryState == state);
        }

        if (query.PracticeId is { } practiceId)
        {
            practices = practices.Where(p => p.Id == practiceId);
        }

        var today = Today;
        var loaded = await practices.WithDeadlineSources().AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. loaded
                .SelectMany(practice => Find(practice, query, today)
                    .Where(d => query.Kinds is null || query.Kinds.Contains(d.Kind))
                    .Select(d => new PracticeDeadline(practice.Id, practice.Name, d, DeadlineLabels.RecordLink(practice, d))))
                .Order(CatalogOrder.Instance),
        ];
    }

    /// <summary>The practices in the member's scope, by name, for the calendar's practice filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PracticeChoicesAsync(CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var rows = await db.VisiblePractices(membership).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    private static IReadOnlyList<Deadline> Find(Domain.Practices.Practice practice, DeadlineQuery query, DateOnly today) =>
        query.WithOverdue ? DeadlineCalculator.OpenFor(practice, query.From, query.To, today) : DeadlineCalculator.For(practice, query.From, query.To);

    /// <summary>What a list across practices asks for: a window, optionally a state, kinds, one practice, and what is overdue from before it.</summary>
    public sealed record DeadlineQuery(
        DateOnly From, DateOnly To, StateCode? State = null, IReadOnlySet<string>? Kinds = null, Guid? PracticeId = null, bool WithOverdue = false);

    /// <summary>Date, practice id, kind, subject key: the order of workspace-wide lists and of their cursor.</summary>
    public sealed class CatalogOrder : IComparer<PracticeDeadline>
    {
        public static readonly CatalogOrder Instance = new();

        public int Compare(PracticeDeadline? x, PracticeDeadline? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byDate = x.Deadline.Date.CompareTo(y.Deadline.Date);
            if (byDate != 0)
            {
                return byDate;
            }

            var byPractice = x.PracticeId.CompareTo(y.PracticeId);
            if (byPractice != 0)
            {
                return byPractice;
            }

            var byKind = string.CompareOrdinal(x.Deadline.Kind, y.Deadline.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Deadline.SubjectKey, y.Deadline.SubjectKey);
        }
    }
}
