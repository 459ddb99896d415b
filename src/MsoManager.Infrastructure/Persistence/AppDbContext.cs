using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Infrastructure.Tenancy;

namespace MsoManager.Infrastructure.Persistence;

/// <summary>
/// The one EF Core context: Identity, data protection keys and every domain record. Each instance
/// is bound to one workspace (<see cref="ICurrentWorkspace"/>), and the named query filter
/// <see cref="WorkspaceFilter"/> keeps every query inside it.
/// </summary>
public sealed class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    /// <summary>
    /// The name of the tenant query filter. Only deliberate cross-workspace lookups ignore it: a user's own
    /// memberships, an invitation found by its token hash, the check whether an account belongs elsewhere too,
    /// and the API's lookup of which of the caller's workspaces holds a practice id.
    /// </summary>
    public const string WorkspaceFilter = "Workspace";

    private static readonly MethodInfo FilterByWorkspaceMethod =
        typeof(AppDbContext).GetMethod(nameof(FilterByWorkspace), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // Read by the query filters on every query; EF parameterizes it per context instance.
    private readonly Guid _workspaceId;

    // The transaction in which this context holds the workspace's write lock, if any.
    private IDbContextTransaction? _lockedTransaction;

    public AppDbContext(DbContextOptions<AppDbContext> options, ICurrentWorkspace currentWorkspace, IAuditActor? actor = null)
        : base(options)
    {
        _workspaceId = currentWorkspace.WorkspaceId;
        Actor = actor ?? SystemActor.Instance;
    }

    public Guid WorkspaceId => _workspaceId;

    /// <summary>Who the audit trail names for this context's changes.</summary>
    public IAuditActor Actor { get; }

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<PracticeRisk> PracticeRisks => Set<PracticeRisk>();

    /// <summary>The shipped state rules: global reference data, the same in every workspace.</summary>
    public DbSet<ShippedStateRule> ShippedStateRules => Set<ShippedStateRule>();

    /// <summary>The workspace's corrections of shipped state rules.</summary>
    public DbSet<StateRuleCorrection> StateRuleCorrections => Set<StateRuleCorrection>();

    /// <summary>Bearer tokens of the HTTP API (hashes only); global like users, not workspace-owned.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>
    /// Begins a transaction holding the workspace's write lock (<see cref="WorkspaceWriteLock"/>): for a
    /// save that must read what it checks (a record's version, the stored risk) after every earlier
    /// writer of the workspace has committed. Saves in it need no lock of their own.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWorkspaceWriteAsync(CancellationToken cancellationToken = default)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await WorkspaceWriteLock.AcquireAsync(this, cancellationToken);
        _lockedTransaction = transaction;
        return transaction;
    }

    /// <summary>
    /// Begins a read-only transaction in which every query sees the database as of its first one: a
    /// whole practice is loaded by several (split) queries, and a save committed between them would
    /// otherwise give a torn aggregate (an agreement naming an entity the earlier query did not see).
    /// PostgreSQL: repeatable read (a snapshot, taking no locks); SQLite: a deferred transaction, which
    /// reads one snapshot without taking the write lock.
    /// </summary>
    public async Task<IDbContextTransaction> BeginSnapshotReadAsync(CancellationToken cancellationToken = default)
    {
        if (Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            await Database.OpenConnectionAsync(cancellationToken);
            return await Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken)
                ?? throw new InvalidOperationException("SQLite did not begin a transaction.");
        }

        return await Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>
    /// Saves; a save that writes the workspace's records (and so appends to its audit chain) runs in a
    /// transaction that takes the workspace's write lock first, so simultaneous saves queue instead of
    /// racing for the chain's next sequence number.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!WritesWorkspaceRecords())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is { } current)
        {
            if (current != _lockedTransaction)
            {
                await WorkspaceWriteLock.AcquireAsync(this, cancellationToken);
                _lockedTransaction = current;
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await BeginWorkspaceWriteAsync(cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Saves what belongs to no workspace (accounts, keys); workspace records need <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => WritesWorkspaceRecords()
        ? throw new InvalidOperationException("Save a workspace's records with SaveChangesAsync, which takes the workspace's write lock.")
        : base.SaveChanges(acceptAllChangesOnSuccess);

    private bool WritesWorkspaceRecords() =>
        ChangeTracker.Entries().Any(e => e.Entity is IWorkspaceOwned or Workspace && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ApplyWorkspaceFilters(builder);
        ConcurrencyVersion.Configure(builder, Database.IsNpgsql());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no date-time-offset type; as a sortable integer it orders and compares in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    private void ApplyWorkspaceFilters(ModelBuilder builder)
    {
        builder.Entity<Workspace>().HasQueryFilter(WorkspaceFilter, w => w.Id == _workspaceId);
        var owned = builder.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(IWorkspaceOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType)
            .ToList();
        foreach (var type in owned)
        {
            FilterByWorkspaceMethod.MakeGenericMethod(type).Invoke(this, [builder]);
        }
    }

    private void FilterByWorkspace<TEntity>(ModelBuilder builder)
        where TEntity : class, IWorkspaceOwned =>
        builder.Entity<TEntity>().HasQueryFilter(WorkspaceFilter, e => e.WorkspaceId == _workspaceId);
}
