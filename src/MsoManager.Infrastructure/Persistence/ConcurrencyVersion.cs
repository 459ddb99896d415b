using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MsoManager.Infrastructure.Persistence;

/// <summary>
/// Optimistic concurrency for the records people edit. An entity configuration opts in with
/// <see cref="IsVersioned{TEntity}"/>; on PostgreSQL the token is the system column <c>xmin</c>,
/// on SQLite a <c>Version</c> column that <see cref="AppSaveChangesInterceptor"/> increments.
/// Either way it is the shadow property <see cref="PropertyName"/>, so callers need not know the provider.
/// </summary>
public static class ConcurrencyVersion
{
    public const string PropertyName = "Version";
    private const string Annotation = "MsoManager:Versioned";

    public static EntityTypeBuilder<TEntity> IsVersioned<TEntity>(this EntityTypeBuilder<TEntity> builder)
        where TEntity : class
    {
        builder.HasAnnotation(Annotation, true);
        return builder;
    }

    /// <summary>Makes the next save check against the version the user started from, not the one just loaded.</summary>
    public static void ExpectOriginal(DbContext context, object entity, uint version) =>
        context.Entry(entity).Property(PropertyName).OriginalValue = version;

    /// <summary>
    /// Marks an aggregate root as changed so its version moves with any change inside it (a member of a
    /// workspace, a record of a practice), and a concurrent edit anywhere in the aggregate is caught.
    /// </summary>
    public static void Touch(DbContext context, object aggregateRoot) => context.Entry(aggregateRoot).State = EntityState.Modified;

    internal static void Configure(ModelBuilder builder, bool isNpgsql)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.FindAnnotation(Annotation) is not null).ToList())
        {
            var property = builder.Entity(entityType.ClrType).Property<uint>(PropertyName).IsConcurrencyToken();
            if (isNpgsql)
            {
                property.HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate();
            }
        }
    }

    internal static void Increment(EntityEntry entry)
    {
        if (entry.Metadata.FindProperty(PropertyName) is null)
        {
            return;
        }

        var version = entry.Property(PropertyName);
        version.CurrentValue = (uint)version.OriginalValue! + 1;
    }
}
