using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MsoManager.Testing;

/// <summary>
/// The real app, configured as a user would (environment settings), for integration and browser
/// tests. With <c>kestrel: true</c> it listens on a free loopback port so a browser can reach it.
/// </summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private AppHost(IReadOnlyDictionary<string, string?> settings, bool kestrel)
    {
        _settings = settings;
        if (kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    /// <summary>The app on a PostgreSQL database; demo data off unless asked for.</summary>
    public static AppHost OnPostgres(string connectionString, bool demo = false, bool kestrel = false, IReadOnlyDictionary<string, string?>? extra = null) =>
        new(Merge(new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Demo:Seed"] = demo ? "true" : "false",
        }, extra), kestrel);

    /// <summary>The app on a SQLite file, with its defaults (demo data on) unless overridden.</summary>
    public static AppHost OnSqlite(string databasePath, IReadOnlyDictionary<string, string?>? extra = null, bool kestrel = false) =>
        new(Merge(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={databasePath}",
        }, extra), kestrel);

    /// <summary>The loopback address the Kestrel server listens on (starts it if needed).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <summary>
    /// Stops the app and closes its idle PostgreSQL connections: Npgsql pools outlive the host, and a
    /// test run makes a database (so a pool) per test class, which would run the server out of clients.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_settings.TryGetValue("ConnectionStrings:Postgres", out var connectionString) && !string.IsNullOrEmpty(connectionString))
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Found from the solution folder, so hosts outside the test projects (the benchmarks) work too.
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "MsoManager.Web"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? extra)
    {
        settings["Logging:File:Path"] = "";
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
