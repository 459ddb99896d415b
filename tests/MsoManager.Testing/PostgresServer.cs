using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace MsoManager.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests. In order: a Testcontainers container when a Docker
/// engine is reachable; otherwise a temporary cluster started from the PostgreSQL binaries on this
/// machine; otherwise the server named by <c>MSO_TEST_POSTGRES</c>; otherwise it fails and says
/// how to get one. It never skips.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionVariable = "MSO_TEST_POSTGRES";

    private readonly Func<ValueTask> _stop;

    private PostgresServer(string connectionString, string description, Func<ValueTask> stop)
    {
        AdminConnectionString = connectionString;
        Description = description;
        _stop = stop;
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from, for test output.</summary>
    public string Description { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (DockerIsReachable())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return new PostgresServer(container.GetConnectionString(), "Testcontainers postgres:16-alpine", container.DisposeAsync);
        }

        if (FindBinaries() is { } binaries)
        {
            return await StartLocalClusterAsync(binaries);
        }

        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, $"{ConnectionVariable}", () => ValueTask.CompletedTask);
        }

        throw new InvalidOperationException(
            "The integration and end-to-end tests need PostgreSQL, and none was found. Do one of: start a Docker engine " +
            "(Testcontainers runs postgres:16-alpine); install the server binaries (Debian: `sudo apt-get install postgresql`, " +
            $"or run ./test.sh which does it); or set {ConnectionVariable} to a connection string of a server where the user may create databases.");
    }

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "mso")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public ValueTask DisposeAsync() => _stop();

    private static bool DockerIsReachable() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            .FirstOrDefault();
    }

    private static async Task<PostgresServer> StartLocalClusterAsync(string binaries)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mso-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var dataDir = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root, so the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres", folder], asUser: null);
        }

        var user = asRoot ? "postgres" : null;
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], user);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", dataDir, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], user);

        async ValueTask StopAsync()
        {
            try
            {
                await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "stop"], user);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50",
            $"local cluster from {binaries} on port {port}",
            StopAsync);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var argument in new[] { "-u", asUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
