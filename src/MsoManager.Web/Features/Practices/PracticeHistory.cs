using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

public sealed record HistoryQuery(Guid PracticeId, int Page, int PageSize, Guid? RecordId = null, string? UserName = null);

public sealed record HistoryRow(long Sequence, DateTimeOffset OccurredAt, string Who, AuditAction Action, string RecordType, Guid RecordId, string? Before, string? After);

public sealed record HistoryPage(IReadOnlyList<HistoryRow> Items, int TotalCount, IReadOnlyList<string> People);

/// <summary>A practice's audit trail for its history view, and the workspace chain check.</summary>
public sealed class PracticeHistory(WorkspaceSession session, TenantDbContextFactory contexts)
{
    public async Task<HistoryPage> LoadAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        if (!await db.VisiblePractices(membership).AnyAsync(p => p.Id == query.PracticeId, cancellationToken))
        {
            return new HistoryPage([], 0, []);
        }

        var events = db.AuditEvents.AsNoTracking().Where(e => e.PracticeId == query.PracticeId);
        var people = await events.Select(e => e.UserName ?? "system").Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        if (query.RecordId is { } recordId)
        {
            events = events.Where(e => e.RecordId == recordId);
        }

        if (!string.IsNullOrEmpty(query.UserName))
        {
            events = query.UserName == "system" ? events.Where(e => e.UserName == null || e.UserName == "system") : events.Where(e => e.UserName == query.UserName);
        }

        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(e => e.Sequence)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(e => new HistoryRow(e.Sequence, e.OccurredAt, e.UserName ?? "system", e.Action, e.RecordType, e.RecordId, e.Before, e.After))
            .ToListAsync(cancellationToken);
        return new HistoryPage(rows, total, people);
    }

    /// <summary>Checks the whole workspace chain (a practice's events are links of it).</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        return await AuditTrail.VerifyAsync(db, cancellationToken);
    }
}
