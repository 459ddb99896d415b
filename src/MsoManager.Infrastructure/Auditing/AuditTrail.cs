using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Auditing;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Infrastructure.Auditing;

/// <summary>Reads and checks a workspace's audit chain.</summary>
public static class AuditTrail
{
    /// <summary>Streams the context's workspace chain in order and reports whether it is intact and where it breaks.</summary>
    public static async Task<AuditChainReport> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var check = new AuditChainCheck();
        await foreach (var audit in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!check.Next(audit))
            {
                break;
            }
        }

        return check.Report;
    }

    /// <summary>
    /// Whether the workspace's event at <paramref name="recorded"/>'s sequence still has its hash (null:
    /// no such event). With an intact chain, a match proves no event up to it changed since it was recorded.
    /// </summary>
    public static async Task<bool?> StillHasAsync(AppDbContext db, AuditChainLink recorded, CancellationToken cancellationToken = default)
    {
        var hash = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == recorded.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        return hash is null ? null : string.Equals(hash, recorded.Hash.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
