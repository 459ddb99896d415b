using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Home;

/// <summary>What the home page shows: the practices the member sees and, for Owners, the team.</summary>
public sealed record HomeSummaryData(int PracticeCount, IReadOnlyList<PracticeHeadline> RecentPractices, int MemberCount);

public sealed record PracticeHeadline(Guid Id, string Name, string PrimaryState, PracticeStatus Status);

public sealed class HomeSummary(WorkspaceSession session, TenantDbContextFactory contexts)
{
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
        return new HomeSummaryData(count, [.. recent.Select(p => new PracticeHeadline(p.Id, p.Name, p.PrimaryState.Value, p.Status))], members);
    }
}
