using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Infrastructure.Auditing;

/// <summary>
/// Records every create, change and delete of a workspace's records as an <see cref="AuditEvent"/>
/// in the same save: who (the context's <see cref="AppDbContext.Actor"/>), when, which record, and
/// the values before and after, chained to the workspace's previous event. Services never write
/// audit events themselves. The end of the chain is read inside the save's transaction, after
/// <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/> took the workspace's write
/// lock, so no other save can append between the read and this one's events.
/// </summary>
public sealed class AuditTrailInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && HasAuditedChanges(db))
        {
            var last = await db.AuditEvents.OrderByDescending(e => e.Sequence)
                .Select(e => new ChainLink(e.Sequence, e.Hash)).FirstOrDefaultAsync(cancellationToken);
            Append(db, LastLink(last));
        }

        return result;
    }

    private static ChainLink LastLink(ChainLink? last) => last ?? new ChainLink(0, AuditEvent.GenesisHash);

    private static bool HasAuditedChanges(AppDbContext db) =>
        db.ChangeTracker.Entries().Any(e => IsAudited(e) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    // Derived records are left out: what they are derived from is audited where it changed.
    private static bool IsAudited(EntityEntry entry) => entry.Entity is (IWorkspaceOwned or Workspace) and not (AuditEvent or IDerivedRecord);

    private void Append(AppDbContext db, ChainLink last)
    {
        var now = time.GetUtcNow();
        var changes = db.ChangeTracker.Entries()
            .Where(e => IsAudited(e) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Describe)
            .OfType<Change>()
            .ToList();
        foreach (var change in changes)
        {
            var audit = AuditEvent.Record(
                db.WorkspaceId, last.Sequence + 1, last.Hash, now, db.Actor.UserId, db.Actor.UserName,
                change.Action, change.RecordType, change.RecordId, change.PracticeId, change.Before, change.After);
            db.AuditEvents.Add(audit);
            last = new ChainLink(audit.Sequence, audit.Hash);
        }
    }

    private static Change? Describe(EntityEntry entry)
    {
        var (id, practiceId) = entry.Entity switch
        {
            Workspace workspace => (workspace.Id, (Guid?)null),
            Domain.Practices.Practice practice => (practice.Id, practice.Id),
            IPracticeOwned record => ((Guid)entry.Property("Id").CurrentValue!, record.PracticeId),
            _ => ((Guid)entry.Property("Id").CurrentValue!, null),
        };
        var properties = entry.Properties
            .Where(p => p.Metadata.Name != ConcurrencyVersion.PropertyName)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var type = entry.Metadata.ClrType.Name;
        switch (entry.State)
        {
            case EntityState.Added:
                return new Change(AuditAction.Created, type, id, practiceId, null, Json(properties.Select(p => (p, p.CurrentValue))));
            case EntityState.Deleted:
                return new Change(AuditAction.Deleted, type, id, practiceId, Json(properties.Select(p => (p, p.OriginalValue))), null);
            case EntityState.Modified:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                return changed.Count == 0
                    ? null
                    : new Change(AuditAction.Changed, type, id, practiceId,
                        Json(changed.Select(p => (p, p.OriginalValue))), Json(changed.Select(p => (p, p.CurrentValue))));
            case EntityState.Detached:
            case EntityState.Unchanged:
            default:
                return null;
        }
    }

    /// <summary>A JSON object of property name to plain value (value objects as their stored form), keys sorted.</summary>
    private static string Json(IEnumerable<(PropertyEntry Property, object? Value)> values)
    {
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (property, value) in values)
        {
            document[property.Metadata.Name] = Plain(property, value);
        }

        return JsonSerializer.Serialize(document);
    }

    private static object? Plain(PropertyEntry property, object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum member => member.ToString(),
        _ when property.Metadata.GetValueConverter() is { } converter => converter.ConvertToProvider(value),
        _ => value,
    };

    private sealed record ChainLink(long Sequence, string Hash);

    private sealed record Change(AuditAction Action, string RecordType, Guid RecordId, Guid? PracticeId, string? Before, string? After);
}
