using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.Seeding;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>Start-up on each provider: migrations exist, are current, apply to an empty database, and seeding runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PersistenceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PostgresMigrations_MatchTheModel()
    {
        await using var host = AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();

        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag the model: run scripts/add-migration.sh <Name>.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task SqliteMigrations_MatchTheModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mso-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = AppHost.OnSqlite(path, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
            await using var scope = host.Services.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();

            Assert.True(db.Database.IsSqlite());
            Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations lag the model: run scripts/add-migration.sh <Name>.");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Start_OnEmptyPostgres_MigratesAndIsReady()
    {
        await using var host = AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        using var client = host.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public void Start_WhenPostgresUnreachable_FailsInsteadOfServing()
    {
        using var host = AppHost.OnPostgres("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");

        // Migrations run before the app listens, so a deployment with a wrong connection string fails loudly.
        Assert.ThrowsAny<Exception>(() => host.CreateClient());
    }

    [Fact]
    public async Task Start_OnEmptySqliteWithDefaults_SeedsTheDemoWorkspace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mso-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = AppHost.OnSqlite(path);
            using var client = host.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var role in new[] { "owner", "consultant", "attorney", "client", "viewer" })
            {
                var user = await users.FindByEmailAsync($"{role}@{DatabaseInitializer.DemoEmailDomain}");
                Assert.NotNull(user);
                Assert.True(await users.CheckPasswordAsync(user, new DemoOptions().Password));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Start_OnPostgresByDefault_DoesNotSeedDemoData()
    {
        await using var host = AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync(), extra: new Dictionary<string, string?> { ["Demo:Seed"] = null });
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.Empty(await users.Users.ToListAsync());
    }

    [Fact]
    public async Task Start_WithBootstrapAdminOnEmptyDatabase_CreatesOwnerOfFirstWorkspace()
    {
        await using var host = AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync(), extra: new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "admin@example.com",
            ["Bootstrap:AdminPassword"] = "a long enough admin passphrase",
            ["Bootstrap:WorkspaceName"] = "Acme Advisory",
        });
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("admin@example.com");
        Assert.NotNull(admin);
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(admin.LastWorkspaceId!.Value);

        var workspace = await db.Workspaces.Include(w => w.Members).SingleAsync();
        Assert.Equal("Acme Advisory", workspace.Name);
        var member = Assert.Single(workspace.Members);
        Assert.Equal(admin.Id, member.UserId);
        Assert.Equal(Domain.Workspaces.MemberRole.Owner, member.Role);
    }

    [Fact]
    public async Task Restart_KeepsDataProtectionKeysInTheDatabase_SoCookiesStayValid()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        string protectedText;
        await using (var first = AppHost.OnPostgres(connectionString))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("test").Protect("still signed in");
        }

        await using var second = AppHost.OnPostgres(connectionString);
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("still signed in", unprotected);
        await using var scope = second.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
