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
}
