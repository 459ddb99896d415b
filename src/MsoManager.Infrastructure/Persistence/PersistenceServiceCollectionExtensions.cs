using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Seeding;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider: a scoped
    /// <see cref="TenantDbContextFactory"/> for feature services, and a scoped context for Identity.
    /// The caller registers <see cref="Tenancy.ICurrentWorkspace"/>.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<AppSaveChangesInterceptor>();
        services.AddSingleton<AuditTrailInterceptor>();
        services.AddSingleton<ShippedStateRuleCache>();
        services.AddScoped<ShippedStateRules>();
        services.AddScoped<IStateRuleSource, StateRuleSource>();
        services.AddSingleton<StateRuleBookCache>();
        services.AddDbContextFactory<AppDbContext, TenantDbContextFactory>(
            (provider, options) =>
            {
                Configure(options, settings);
                options.AddInterceptors(
                    provider.GetRequiredService<AppSaveChangesInterceptor>(),
                    provider.GetRequiredService<AuditTrailInterceptor>());
            },
            ServiceLifetime.Scoped);
        services.AddScoped(provider => (TenantDbContextFactory)provider.GetRequiredService<IDbContextFactory<AppDbContext>>());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Provider options shared by the app and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(settings.MigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsAssembly(settings.MigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {settings.Provider}.");
        }
    }
}
