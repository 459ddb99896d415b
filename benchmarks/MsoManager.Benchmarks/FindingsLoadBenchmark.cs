using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;

namespace MsoManager.Benchmarks;

/// <summary>
/// The findings endpoint under load: the app on Kestrel (loopback) over PostgreSQL with 200 generated
/// practices, 16 connections each sending GET /api/v1/practices/{id}/findings?asOf= back to back for
/// 20 s after a 5 s warm-up; latency percentiles over every request. Client and server share the machine.
/// </summary>
internal static class FindingsLoadBenchmark
{
    private const int Practices = 200;
    private const int Connections = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(20);

    public static async Task RunAsync()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var host = AppHost.OnPostgres(await postgres.CreateDatabaseAsync("load"), kestrel: true);
        var asOf = new DateOnly(2026, 11, 29);
        const string email = "load@bench.test";
        const string password = "benchmark passphrase";
        var ids = new List<Guid>();
        var workspace = await BenchmarkWorkspace.CreateAsync(host, email, password, "Load");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var contexts = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>();
            for (var n = 0; n < Practices; n++)
            {
                await using var db = contexts.CreateForWorkspace(workspace.Id);
                var practice = PracticeGenerator.Create(workspace.Id, n, asOf);
                db.Practices.Add(practice);
                await db.SaveChangesAsync();
                ids.Add(practice.Id);
            }
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = host.ServerAddress };
        var tokenResponse = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // One connection first, after one request per practice: the latency of a request on an otherwise idle server.
        var sequential = new List<double>();
        for (var i = 0; i < 2 * Practices; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/v1/practices/{ids[i % ids.Count]}/findings?asOf={asOf:yyyy-MM-dd}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (i >= Practices)
            {
                sequential.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        sequential.Sort();
        Console.WriteLine($"Findings endpoint, one connection: p50 {sequential[sequential.Count / 2]:0.0} ms  p95 {sequential[(int)(sequential.Count * 0.95)]:0.0} ms");

        var bytes = 0L;
        var latencies = new List<double>[Connections];
        var stopAt = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            while (stopAt.Elapsed < WarmUp + Measured)
            {
                var id = ids[random.Next(ids.Count)];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/api/v1/practices/{id}/findings?asOf={asOf:yyyy-MM-dd}");
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                }

                if (stopAt.Elapsed > WarmUp)
                {
                    mine.Add(elapsed);
                    Interlocked.Add(ref bytes, body.Length);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToList();
        double At(double q) => all[Math.Min(all.Count - 1, (int)(all.Count * q))];
        Console.WriteLine($"Findings endpoint, {Connections} connections, {Measured.TotalSeconds:0} s on PostgreSQL: {all.Count:N0} requests " +
            $"({all.Count / Measured.TotalSeconds:0} per s), {bytes / all.Count:N0} bytes per response");
        Console.WriteLine($"  p50 {At(0.50):0.0} ms  p95 {At(0.95):0.0} ms  p99 {At(0.99):0.0} ms  max {all[^1]:0.0} ms");
        await RunWrkAsync(host.ServerAddress, token!, [.. ids.Select(id => $"/api/v1/practices/{id}/findings?asOf={asOf:yyyy-MM-dd}")]);
    }

    /// <summary>
    /// The same load from wrk (Debian package "wrk"), when installed: a C client takes less of the
    /// shared CPU than the .NET one, so its figures are closer to the server's own.
    /// </summary>
    private static async Task RunWrkAsync(Uri server, string token, IReadOnlyList<string> paths)
    {
        var script = Path.Combine(Path.GetTempPath(), $"mso-findings-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $$"""
            local paths = { {{string.Join(", ", paths.Select(p => $"\"{p}\""))}} }
            local i = math.random(#paths)
            request = function()
              i = (i % #paths) + 1
              return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer {{token}}" })
            end
            done = function(summary, latency, requests)
              io.write(string.format("wrk, %d connections, %.0f s: %d requests (%.0f per s), %d errors\n  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
                {{Connections}}, summary.duration / 1e6, summary.requests, summary.requests / (summary.duration / 1e6),
                summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
                latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
            end
            """);
        try
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{Connections}", $"-d{Measured.TotalSeconds:0}s", "-s", script, server.ToString().TrimEnd('/')])
            {
                RedirectStandardOutput = true,
            })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            Console.WriteLine(output[output.IndexOf("wrk,", StringComparison.Ordinal)..].TrimEnd());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("wrk is not installed (apt-get install wrk): only the .NET client's figures above.");
        }
        finally
        {
            File.Delete(script);
        }
    }
}
