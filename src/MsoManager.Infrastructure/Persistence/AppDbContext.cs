using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
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

    // How often a save retries when simultaneous saves race for the audit chain's next sequence number.
    private const int MaxAuditChainAttempts = 16;

    private static readonly MethodInfo FilterByWorkspaceMethod =
        typeof(AppDbContext).GetMethod(nameof(FilterByWorkspace), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // Read by the query filters on every query; EF parameterizes it per context instance.
    private readonly Guid _workspaceId;

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

    public DbSet<PracticeRisk> PracticeRisks => Set<PracticeRisk>();

    /// <summary>The shipped state rules: global reference data, the same in every workspace.</summary>
    public DbSet<ShippedStateRule> ShippedStateRules => Set<ShippedStateRule>();

    /// <summary>The workspace's corrections of shipped state rules.</summary>
    public DbSet<StateRuleCorrection> StateRuleCorrections => Set<StateRuleCorrection>();

    /// <summary>Bearer tokens of the HTTP API (hashes only); global like users, not workspace-owned.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>
    /// Saves; when another save in the same workspace took the audit chain's next sequence number
    /// first (the unique (WorkspaceId, Sequence) index refused this one, and the database rolled the
    /// whole save back), appends this save's audit events after the new end of the chain and tries again.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAuditChainAttempts && IsAuditChainCollision(exception))
            {
                foreach (var pending in ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList())
                {
                    pending.State = EntityState.Detached;
                }

                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    private static bool IsAuditChainCollision(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation
            && postgres.TableName == "AuditEvents",
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19
            && sqlite.Message.Contains("AuditEvents.Sequence", StringComparison.Ordinal),
        _ => false,
    };

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
