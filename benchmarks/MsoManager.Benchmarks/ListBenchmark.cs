using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Benchmarks;

/// <summary>
/// One page of the practice list over 10,000 practices on PostgreSQL and on SQLite: the server-side
/// work of a page (membership check, count, page query, the page's counts) timed over many runs.
/// </summary>
internal static class ListBenchmark
{
    private const int PracticeCount = 10_000;
    private const int Runs = 200;

    public static async Task RunAsync()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var sqlitePath = Path.Combine(Path.GetTempPath(), $"mso-bench-{Guid.NewGuid():N}.db");
        try
        {
            foreach (var (label, host) in new[]
            {
                ("PostgreSQL", AppHost.OnPostgres(await postgres.CreateDatabaseAsync("bench"))),
                ("SQLite", AppHost.OnSqlite(sqlitePath, new Dictionary<string, string?> { ["Demo:Seed"] = "false" })),
            })
            {
                await using (host)
                {
                    await MeasureAsync(label, host);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqlitePath);
        }
    }

    private static async Task MeasureAsync(string label, AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = new ApplicationUser { UserName = "bench@x.test", Email = "bench@x.test", DisplayName = "Bench" };
        await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "benchmark passphrase");
        var workspace = Workspace.Create("Benchmark", user.Id, DateTimeOffset.UtcNow);
        var contexts = services.GetRequiredService<TenantDbContextFactory>();
        await using (var db = contexts.CreateForWorkspace(workspace.Id))
        {
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
        }

        var seeding = Stopwatch.StartNew();
        var states = StateCode.All;
        for (var batch = 0; batch < PracticeCount / 100; batch++)
        {
            await using var db = contexts.CreateForWorkspace(workspace.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 100; i++)
            {
                var n = (batch * 100) + i;
                var practice = Practice.Create(workspace.Id, $"Practice {n:00000} {(char)('A' + (n % 26))}", states[n % states.Count], (PracticeStatus)(n % 3), null, DateTimeOffset.UtcNow);
                practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails($"PC {n}", EntityForm.PLLC, practice.PrimaryState, EntityStatus.Active));
                practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails($"MSO {n}", EntityForm.LLC, practice.PrimaryState, EntityStatus.Active));
                practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Agreements, "Sign the MSA"));
                db.Practices.Add(practice);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (batch % 20 == 0)
            {
                Console.WriteLine($"  {label}: {(batch + 1) * 100} practices after {seeding.Elapsed.TotalSeconds:0.0} s");
            }
        }

        Console.WriteLine($"{label}: seeded {PracticeCount} practices (with 2 entities and a task each) in {seeding.Elapsed.TotalSeconds:0.0} s");

        // The stored risk the list filters and sorts on, as the background refresh writes it.
        var refresh = await services.GetRequiredService<PracticeRiskRefresher>().RefreshStaleAsync();
        Console.WriteLine($"{label}: stored the risk of {refresh.Practices} practices in {refresh.Duration.TotalSeconds:0.0} s");

        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "Bench")))));
        var session = services.GetRequiredService<WorkspaceSession>();
        await session.InitializeAsync();
        var list = services.GetRequiredService<PracticeList>();
        var queries = new[]
        {
            ("first page of 25 by name", new PracticeQuery(0, 25)),
            ("page 200 of 25 by state, descending", new PracticeQuery(199, 25, PracticeSort.PrimaryState, true)),
            ("search \"12\", 100 per page", new PracticeQuery(0, 100, Search: "12")),
            ("page 100 with a High finding, by risk", new PracticeQuery(99, 25, PracticeSort.RiskScore, Risk: RiskFilter.HasHigh)),
        };
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 20; i++)
            {
                await list.LoadAsync(query);
            }

            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await list.LoadAsync(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (page.Items.Count == 0)
                {
                    throw new InvalidOperationException($"{name} returned nothing.");
                }
            }

            times.Sort();
            Console.WriteLine($"  {label,-10} {name,-38} p50 {times[Runs / 2],6:0.0} ms  p95 {times[(int)(Runs * 0.95)],6:0.0} ms  max {times[^1],6:0.0} ms");
        }
    }
}
