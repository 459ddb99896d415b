using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Persistence;

/// <summary>
/// Runs before every save: refuses a write into any workspace but the context's own (the write-side
/// twin of the query filter), and advances the SQLite concurrency version of modified records.
/// </summary>
public sealed class AppSaveChangesInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void BeforeSave(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var advancesVersion = !db.Database.IsNpgsql();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var owner = entry.Entity switch
            {
                Workspace workspace => workspace.Id,
                IWorkspaceOwned owned => owned.WorkspaceId,
                _ => (Guid?)null,
            };
            if (owner is not null && owner != db.WorkspaceId)
            {
                throw new InvalidOperationException(
                    $"Refused to write a {entry.Metadata.ClrType.Name} of another workspace; open a context for that workspace instead.");
            }

            if (advancesVersion && entry.State == EntityState.Modified)
            {
                ConcurrencyVersion.Increment(entry);
            }
        }
    }
}
