using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>How the practice list is sorted.</summary>
public enum PracticeSort
{
    Name,
    PrimaryState,
    Status,
    Created,

    /// <summary>By stored risk score, lowest (riskiest) first when ascending; practices not yet evaluated last.</summary>
    RiskScore,
}

/// <summary>Which practices the list keeps, by their stored findings.</summary>
public enum RiskFilter
{
    Any,
    HasHigh,
    MediumOrWorse,
    AnyFinding,
}

/// <summary>One page of the practice list request.</summary>
public sealed record PracticeQuery(
    int Page, int PageSize, PracticeSort SortBy = PracticeSort.Name, bool Descending = false, string? Search = null, RiskFilter Risk = RiskFilter.Any);

/// <summary>One practice of the list; <see cref="Risk"/> is null until its risk is first stored.</summary>
public sealed record PracticeRow(
    Guid Id, string Name, string PrimaryState, PracticeStatus Status, int EntityCount, int OpenTaskCount, DateTimeOffset CreatedAt, RiskSummary? Risk = null);

public sealed record PracticeListPage(IReadOnlyList<PracticeRow> Items, int TotalCount);

/// <summary>Where a keyset page starts: after the practice with this lower-cased name and id.</summary>
public sealed record PracticeCursor(string LowerName, Guid Id);

/// <summary>One keyset page: the practices and where the next page starts (null after the last).</summary>
public sealed record PracticeKeysetPage(IReadOnlyList<PracticeSummary> Items, PracticeCursor? Next);

/// <summary>A practice as the API's portfolio lists it.</summary>
public sealed record PracticeSummary(Guid Id, string Name, string PrimaryState, PracticeStatus Status);

/// <summary>
/// The portfolio list: server-side paging, sorting, search and risk filter over the practices in the
/// member's scope, archived ones left out. The same five queries per page (membership, count, page with
/// its stored risk, and the page's entity and open-task counts) whatever its size or position.
/// </summary>
public sealed class PracticeList(WorkspaceSession session, TenantDbContextFactory contexts)
{
    public const int MaxPageSize = 200;

    private const string LikeEscape = "\\";

    public async Task<PracticeListPage> LoadAsync(PracticeQuery query, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var practices = db.VisiblePractices(membership).AsNoTracking().Where(p => p.ArchivedAt == null);
        practices = Search(practices, query.Search);

        // The stored risk joins in SQL, so filtering and sorting on it stay server-side over any number of practices.
        var withRisk = practices.LeftJoin(db.PracticeRisks, p => p.Id, r => r.PracticeId, (p, r) => new PracticeWithRisk { Practice = p, Risk = r });
        withRisk = query.Risk switch
        {
            RiskFilter.HasHigh => withRisk.Where(x => x.Risk!.High > 0),
            RiskFilter.MediumOrWorse => withRisk.Where(x => x.Risk!.High + x.Risk.Medium > 0),
            RiskFilter.AnyFinding => withRisk.Where(x => x.Risk!.High + x.Risk.Medium + x.Risk.Low + x.Risk.Info > 0),
            RiskFilter.Any => withRisk,
            _ => withRisk,
        };

        var total = await withRisk.CountAsync(cancellationToken);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (PracticeSort.PrimaryState, false) => withRisk.OrderBy(x => x.Practice.PrimaryState).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.PrimaryState, true) => withRisk.OrderByDescending(x => x.Practice.PrimaryState).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.Status, false) => withRisk.OrderBy(x => x.Practice.Status).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.Status, true) => withRisk.OrderByDescending(x => x.Practice.Status).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.Created, false) => withRisk.OrderBy(x => x.Practice.CreatedAt).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.Created, true) => withRisk.OrderByDescending(x => x.Practice.CreatedAt).ThenBy(x => x.Practice.Name.ToLower()),
            // Not yet evaluated sorts last either way: it is neither safe nor risky until the refresher has seen it.
            (PracticeSort.RiskScore, false) => withRisk.OrderBy(x => x.Risk == null).ThenBy(x => x.Risk!.Score).ThenBy(x => x.Practice.Name.ToLower()),
            (PracticeSort.RiskScore, true) => withRisk.OrderBy(x => x.Risk == null).ThenByDescending(x => x.Risk!.Score).ThenBy(x => x.Practice.Name.ToLower()),
            (_, true) => withRisk.OrderByDescending(x => x.Practice.Name.ToLower()),
            // Names sort as people read them, whatever the database's collation.
            _ => withRisk.OrderBy(x => x.Practice.Name.ToLower()),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await sorted.ThenBy(x => x.Practice.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.Practice.Id,
                x.Practice.Name,
                x.Practice.PrimaryState,
                x.Practice.Status,
                x.Practice.CreatedAt,
                Risk = x.Risk == null ? null : new RiskSummary(x.Risk.Score, x.Risk.High, x.Risk.Medium, x.Risk.Low, x.Risk.Info),
            })
            .ToListAsync(cancellationToken);

        // Counted for the page's practices only: counting in the page query would also count every skipped row.
        var ids = rows.Select(r => r.Id).ToList();
        var entities = await db.Set<LegalEntity>().Where(e => ids.Contains(e.PracticeId))
            .GroupBy(e => e.PracticeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var openTasks = await db.Set<SetupTask>()
            .Where(t => ids.Contains(t.PracticeId) && (t.Status == SetupTaskStatus.Todo || t.Status == SetupTaskStatus.InProgress))
            .GroupBy(t => t.PracticeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new PracticeListPage(
            [.. rows.Select(r => new PracticeRow(
                r.Id, r.Name, r.PrimaryState.Value, r.Status, entities.GetValueOrDefault(r.Id), openTasks.GetValueOrDefault(r.Id), r.CreatedAt,
                r.Risk))],
            total);
    }

    /// <summary>
    /// A keyset page for the API: practices in scope (archived ones left out) ordered by lower-cased
    /// name then id, after <paramref name="after"/>, optionally in one primary state and matching a
    /// search. Stable under inserts and deletes, and as fast on the last page as on the first.
    /// </summary>
    public async Task<PracticeKeysetPage> LoadAfterAsync(PracticeCursor? after, int limit, StateCode? state, string? search, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var practices = Search(db.VisiblePractices(membership).AsNoTracking().Where(p => p.ArchivedAt == null), search);
        if (state is not null)
        {
            practices = practices.Where(p => p.PrimaryState == state);
        }

        if (after is not null)
        {
            practices = practices.Where(p => string.Compare(p.Name.ToLower(), after.LowerName) > 0
                || (p.Name.ToLower() == after.LowerName && p.Id.CompareTo(after.Id) > 0));
        }

        var rows = await practices.OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id)
            .Take(Math.Clamp(limit, 1, MaxPageSize) + 1)
            .Select(p => new { p.Id, p.Name, LowerName = p.Name.ToLower(), p.PrimaryState, p.Status })
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new PracticeCursor(page[^1].LowerName, page[^1].Id) : null;
        return new PracticeKeysetPage([.. page.Select(r => new PracticeSummary(r.Id, r.Name, r.PrimaryState.Value, r.Status))], next);
    }

    /// <summary>Names containing the search, ignoring case; '%', '_' and the escape character match themselves, not as LIKE wildcards.</summary>
    private static IQueryable<Practice> Search(IQueryable<Practice> practices, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return practices;
        }

        // No stored name holds a control character (Text refuses them), and PostgreSQL refuses NUL in a parameter.
        if (Text.HasControlCharacters(search))
        {
            return practices.Where(p => false);
        }

        var pattern = $"%{EscapeLike(search.Trim().ToLowerInvariant())}%";
        return practices.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, LikeEscape));
    }

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    // A named type rather than an anonymous one, so the risk filter can reassign the query.
    private sealed class PracticeWithRisk
    {
        public required Practice Practice { get; init; }

        public PracticeRisk? Risk { get; init; }
    }
}
