using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>On both providers, the second of two concurrent saves of a versioned record is refused.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task SecondSaveOfTheSameRecord_IsRefused(string provider)
    {
        var sqlitePath = Path.Combine(Path.GetTempPath(), $"mso-{Guid.NewGuid():N}.db");
        await using var host = provider == "Postgres"
            ? AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync())
            : AppHost.OnSqlite(sqlitePath, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        try
        {
            var workspace = Workspace.Create("Original", "user-1", DateTimeOffset.UtcNow);
            await using var scope = host.Services.CreateAsyncScope();
            var contexts = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>();
            await using (var setup = contexts.CreateForWorkspace(workspace.Id))
            {
                setup.Workspaces.Add(workspace);
                await setup.SaveChangesAsync();
            }

            await using var first = contexts.CreateForWorkspace(workspace.Id);
            await using var second = contexts.CreateForWorkspace(workspace.Id);
            var mine = await first.Workspaces.SingleAsync();
            var theirs = await second.Workspaces.SingleAsync();
            theirs.Rename("Theirs");
            await second.SaveChangesAsync();
            mine.Rename("Mine");

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
            await using var check = contexts.CreateForWorkspace(workspace.Id);
            Assert.Equal("Theirs", (await check.Workspaces.SingleAsync()).Name);
        }
        finally
        {
            File.Delete(sqlitePath);
        }
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task AuditChain_SurvivesTheRoundTripThroughTheDatabase(string provider)
    {
        var sqlitePath = Path.Combine(Path.GetTempPath(), $"mso-{Guid.NewGuid():N}.db");
        await using var host = provider == "Postgres"
            ? AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync())
            : AppHost.OnSqlite(sqlitePath, new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        try
        {
            var workspace = Workspace.Create("Chained", "user-1", DateTimeOffset.UtcNow);
            await using var scope = host.Services.CreateAsyncScope();
            var contexts = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>();
            await using (var db = contexts.CreateForWorkspace(workspace.Id))
            {
                db.Workspaces.Add(workspace);
                await db.SaveChangesAsync();
            }

            await using var check = contexts.CreateForWorkspace(workspace.Id);
            var report = await MsoManager.Infrastructure.Auditing.AuditTrail.VerifyAsync(check);

            Assert.True(report.IsIntact, report.Problem);
            Assert.Equal(2, report.EventsChecked);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqlitePath);
        }
    }
}
