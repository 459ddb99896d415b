using Microsoft.EntityFrameworkCore;

namespace MsoManager.Infrastructure.Persistence;

/// <summary>
/// The one lock that makes a workspace's writes serial where they must be: the audit chain is a
/// sequence per workspace (each event names the previous one's hash), and the stored risk rows are
/// rewritten by saves and by the background refresh. Every such write takes this lock as the first
/// statement of its transaction, so writers queue in one order and cannot deadlock; it is released
/// when the transaction ends. On PostgreSQL it is a transaction-level advisory lock keyed by the
/// workspace; on SQLite the transaction itself (BEGIN IMMEDIATE) already admits one writer at a time.
/// </summary>
internal static class WorkspaceWriteLock
{
    public static async Task AcquireAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({KeyOf(db.WorkspaceId)})", cancellationToken);
        }
    }

    // Advisory locks are keyed by a 64-bit number: the workspace id folded in half. Two workspaces
    // sharing a key would only wait for each other, never see each other's data.
    private static long KeyOf(Guid workspaceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        workspaceId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
