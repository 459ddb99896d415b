using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.History;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>Which of a practice's events to show: all, one record's (an agreement's with its kept versions), or one person's changes.</summary>
public sealed record HistoryFilter(Guid? RecordId = null, string? UserName = null);

public sealed record HistoryQuery(Guid PracticeId, int Page, int PageSize, Guid? RecordId = null, string? UserName = null)
{
    public HistoryFilter Filter => new(RecordId, UserName);
}

public sealed record HistoryPage(IReadOnlyList<AuditEntry> Items, int TotalCount, IReadOnlyList<string> People);

/// <summary>
/// A practice's audit trail in words, for its History tab and its CSV export, and the workspace chain
/// check. Events are read a page (or, for the export, a chunk) at a time; the names of records since
/// removed are looked up in the practice's own events for that page only.
/// </summary>
public sealed class PracticeHistory(WorkspaceSession session, TenantDbContextFactory contexts)
{
    /// <summary>Events read at once while exporting: the export streams, whatever the trail's length.</summary>
    public const int ExportChunk = 500;

    /// <param name="query">The practice, the page and the filter.</param>
    /// <param name="practice">The practice as the page holds it, whose records name the events.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<HistoryPage> LoadAsync(HistoryQuery query, Practice practice, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        if (practice.Id != query.PracticeId || !await db.VisiblePractices(membership).AnyAsync(p => p.Id == query.PracticeId, cancellationToken))
        {
            return new HistoryPage([], 0, []);
        }

        var all = db.AuditEvents.AsNoTracking().Where(e => e.PracticeId == query.PracticeId);
        var people = await all.Select(e => e.UserName ?? AuditNarrative.System).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var events = Filtered(all, query.Filter);
        var total = await events.CountAsync(cancellationToken);
        var page = await events.OrderByDescending(e => e.Sequence)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var names = RecordNames.Of(practice);
        await LearnRemovedRecordsAsync(db, query.PracticeId, names, page, cancellationToken);
        var showSensitive = membership.Can(Permission.ViewSensitiveIdentifiers);
        return new HistoryPage([.. page.Select(e => AuditNarrative.Describe(e, names, showSensitive))], total, people);
    }

    /// <summary>
    /// Writes the practice's events, oldest first, as <see cref="AuditCsv"/> to <paramref name="output"/>,
    /// reading and writing <see cref="ExportChunk"/> events at a time. Only the header for a practice
    /// the member may not see.
    /// </summary>
    public async Task WriteCsvAsync(Practice practice, HistoryFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var writer = new StreamWriter(output, AuditCsv.Encoding, leaveOpen: true);
        await AuditCsv.WriteHeaderAsync(writer);
        await using var db = contexts.CreateDbContext();
        if (!await db.VisiblePractices(membership).AnyAsync(p => p.Id == practice.Id, cancellationToken))
        {
            return;
        }

        var events = Filtered(db.AuditEvents.AsNoTracking().Where(e => e.PracticeId == practice.Id), filter);
        var names = RecordNames.Of(practice);
        var showSensitive = membership.Can(Permission.ViewSensitiveIdentifiers);
        var after = 0L;
        while (true)
        {
            // Keyset on the sequence: the trail only grows at its end, so no event is skipped or repeated.
            var chunk = await events.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(ExportChunk).ToListAsync(cancellationToken);
            await LearnRemovedRecordsAsync(db, practice.Id, names, chunk, cancellationToken);
            foreach (var audit in chunk)
            {
                await AuditCsv.WriteAsync(writer, AuditNarrative.Describe(audit, names, showSensitive));
            }

            await writer.FlushAsync(cancellationToken);
            if (chunk.Count < ExportChunk)
            {
                return;
            }

            after = chunk[^1].Sequence;
        }
    }

    /// <summary>Checks the whole workspace chain (a practice's events are links of it) and reports its head.</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        return await AuditTrail.VerifyAsync(db, cancellationToken);
    }

    /// <summary>Whether the workspace's chain still has a head written down earlier (null: no event with that sequence).</summary>
    public async Task<bool?> StillHasAsync(AuditChainLink recorded, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        return await AuditTrail.StillHasAsync(db, recorded, cancellationToken);
    }

    private static IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> events, HistoryFilter filter)
    {
        if (filter.RecordId is { } recordId)
        {
            // An agreement's kept versions are records of their own that name it in their values.
            var text = recordId.ToString();
            events = events.Where(e => e.RecordId == recordId
                || (e.RecordType == nameof(AgreementVersion) && (e.After ?? e.Before)!.Contains(text)));
        }

        if (!string.IsNullOrEmpty(filter.UserName))
        {
            events = filter.UserName == AuditNarrative.System
                ? events.Where(e => e.UserName == null || e.UserName == AuditNarrative.System)
                : events.Where(e => e.UserName == filter.UserName);
        }

        return events;
    }

    /// <summary>
    /// Names the records these events refer to that the practice no longer has, from their last state in
    /// its trail (their removal, else their creation); twice more for what those refer to (a removed
    /// license's removed person). Bounded by the records these events name, not by the trail's length.
    /// </summary>
    private static async Task LearnRemovedRecordsAsync(AppDbContext db, Guid practiceId, RecordNames names, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 3; round++)
        {
            var missing = names.Missing(events).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var found = await db.AuditEvents.AsNoTracking()
                .Where(e => e.PracticeId == practiceId && missing.Contains(e.RecordId) && e.Action != AuditAction.Changed)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.RecordType, e.RecordId, e.Action, e.Before, e.After })
                .ToListAsync(cancellationToken);
            foreach (var record in found)
            {
                if (AuditValues.Parse(record.Action == AuditAction.Deleted ? record.Before : record.After) is { } values)
                {
                    names.Learn(record.RecordType, record.RecordId, values);
                }
            }

            names.NotFound(missing);
        }
    }
}
