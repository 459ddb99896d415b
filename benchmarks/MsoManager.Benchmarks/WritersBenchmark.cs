using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MsoManager.Testing;

namespace MsoManager.Benchmarks;

/// <summary>
/// Many writers in one workspace at once, over the HTTP API on Kestrel (loopback) and PostgreSQL:
/// each writer reads a practice (GET, its ETag) and replaces it with a changed note (PUT with
/// If-Match), <see cref="SavesPerWriter"/> times. First every writer on its own practice (every save
/// should commit), then every writer on the same practice (each save commits or is refused as 409).
/// Reports saves, committed, 409s, failures (any other answer) and the PUT's p50/p95.
/// </summary>
internal static class WritersBenchmark
{
    private const int SavesPerWriter = 15;
    private static readonly int[] WriterCounts = [1, 4, 8, 16];
    private static int _failureShown;

    public static async Task RunAsync()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var host = AppHost.OnPostgres(await postgres.CreateDatabaseAsync("writers"), kestrel: true);
        const string email = "writers@bench.test";
        const string password = "benchmark passphrase";
        var workspaceId = (await BenchmarkWorkspace.CreateAsync(host, email, password, "Writers")).Id;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = host.ServerAddress, Timeout = TimeSpan.FromMinutes(2) };
        var tokenResponse = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The clean Texas example of the spec, imported once per writer: every save replaces a whole structure.
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine("tests", "examples", "example-clean-tx.json")))!["practice"]!;
        var ids = new List<Guid>();
        for (var n = 0; n < WriterCounts.Max(); n++)
        {
            var document = example.DeepClone();
            document["name"] = $"Writer practice {n}";
            using var imported = await client.PostAsync($"/api/v1/workspaces/{workspaceId}/practices",
                new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            imported.EnsureSuccessStatusCode();
            ids.Add((await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        Console.WriteLine($"Concurrent saves (PUT with If-Match) on PostgreSQL, {SavesPerWriter} saves per writer:");
        foreach (var samePractice in new[] { false, true })
        {
            foreach (var writers in WriterCounts)
            {
                var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
                    WriteAsync(client, samePractice ? ids[0] : ids[w], $"writer {w}"))));
                Report(samePractice ? "same practice" : "own practices", writers, [.. results.SelectMany(r => r)]);
            }
        }
    }

    private static async Task<List<(HttpStatusCode Status, double Milliseconds)>> WriteAsync(HttpClient client, Guid practiceId, string writer)
    {
        var results = new List<(HttpStatusCode, double)>();
        for (var i = 0; i < SavesPerWriter; i++)
        {
            using var get = await client.GetAsync($"/api/v1/practices/{practiceId}");
            get.EnsureSuccessStatusCode();
            var document = JsonNode.Parse(await get.Content.ReadAsStringAsync())!.AsObject();
            document["notes"] = $"Saved by {writer}, round {i}";
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/practices/{practiceId}")
            {
                Content = new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(put);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict) && Interlocked.Exchange(ref _failureShown, 1) == 0)
            {
                Console.WriteLine($"  first failure: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
            }

            results.Add((response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }

        return results;
    }

    private static void Report(string scenario, int writers, IReadOnlyList<(HttpStatusCode Status, double Milliseconds)> results)
    {
        var times = results.Select(r => r.Milliseconds).Order().ToList();
        double At(double q) => times[Math.Min(times.Count - 1, (int)(times.Count * q))];
        var committed = results.Count(r => r.Status == HttpStatusCode.OK);
        var conflicts = results.Count(r => r.Status == HttpStatusCode.Conflict);
        var failures = results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
            .GroupBy(r => (int)r.Status).Select(g => $"{g.Count()}x{g.Key}").ToList();
        Console.WriteLine($"  {scenario,-14} {writers,2} writers: {results.Count,3} saves, {committed,3} committed, {conflicts,3} refused 409, " +
            $"{results.Count - committed - conflicts,3} failed{(failures.Count > 0 ? $" ({string.Join(", ", failures)})" : "")}; " +
            $"p50 {At(0.50):0} ms  p95 {At(0.95):0} ms");
    }
}
