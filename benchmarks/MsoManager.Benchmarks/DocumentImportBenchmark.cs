using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MsoManager.Testing;
using MsoManager.Web.Features.Api;

namespace MsoManager.Benchmarks;

/// <summary>
/// Large practice documents: N people, each with a license and a role at the PC and an equal stake in
/// the MSO (N stakes in one entity, the ownership rule's worst case). For N = 1,000, 5,000 and the
/// limit: reading and validating in process, building the aggregate (the importer's domain work), and
/// POST /api/v1/workspaces/{id}/practices end to end on PostgreSQL (validation, import, audit trail);
/// then PUT of the document GET returned (matched by key, nothing changes, nothing is written) and
/// PUT with one person renamed (one record changed in place). Then a document over the limit
/// (40,000 people), which is refused before its records are checked.
/// </summary>
internal static class DocumentImportBenchmark
{
    public static async Task RunAsync()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var host = AppHost.OnPostgres(await postgres.CreateDatabaseAsync("documents"));
        const string email = "documents@bench.test";
        const string password = "benchmark passphrase";
        var workspaceId = (await BenchmarkWorkspace.CreateAsync(host, email, password, "Documents")).Id;

        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var json = host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Console.WriteLine($"Practice documents (limits: {PracticeDocumentLimits.MaxRecordsPerList:N0} records a list, {PracticeDocumentLimits.MaxBodyBytes / (1024 * 1024)} MiB a body)");
        Console.WriteLine($"  {"people",8} {"bytes",12} {"validate",10} {"build",10} {"POST",10} {"PUT same",10} {"PUT 1 chg",10}  answer");
        await MeasureAsync(100, warmUp: true);
        foreach (var people in new[] { 1_000, 5_000, PracticeDocumentLimits.MaxRecordsPerList }.Distinct().Order())
        {
            await MeasureAsync(people, warmUp: false);
        }

        await MeasureAsync(40_000, warmUp: false);

        async Task MeasureAsync(int people, bool warmUp)
        {
            var text = Document(people).ToJsonString();
            // In process: the best of three, as the machine may be shared.
            var clock = Stopwatch.StartNew();
            var document = JsonSerializer.Deserialize<PracticeDocument>(text, json)!;
            var validation = await new PracticeDocumentValidator().ValidateAsync(document);
            var validated = clock.Elapsed;
            for (var again = 0; again < 2; again++)
            {
                clock.Restart();
                await new PracticeDocumentValidator().ValidateAsync(JsonSerializer.Deserialize<PracticeDocument>(text, json)!);
                validated = clock.Elapsed < validated ? clock.Elapsed : validated;
            }

            var built = TimeSpan.Zero;
            if (validation.IsValid)
            {
                clock.Restart();
                PracticeDocumentMapping.ToNewPractice(document, workspaceId, DateTimeOffset.UtcNow);
                built = clock.Elapsed;
            }

            clock.Restart();
            using var response = await client.PostAsync($"/api/v1/workspaces/{workspaceId}/practices", new StringContent(text, Encoding.UTF8, "application/json"));
            var posted = clock.Elapsed;
            var answer = $"{(int)response.StatusCode}" + (response.IsSuccessStatusCode ? "" : " " + Shorten(await response.Content.ReadAsStringAsync()));
            var (same, oneChange) = ("-", "-");
            if (response.IsSuccessStatusCode)
            {
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                (same, answer) = await PutAsync(id, stored => stored, answer);
                (oneChange, answer) = await PutAsync(id, stored =>
                {
                    stored["people"]![0]!["name"] = "Person 0 (renamed)";
                    return stored;
                }, answer);
            }

            if (!warmUp)
            {
                Console.WriteLine(
                    $"  {people,8:N0} {Encoding.UTF8.GetByteCount(text),12:N0} {Seconds(validated),10} {(validation.IsValid ? Seconds(built) : "-"),10} {Seconds(posted),10} {same,10} {oneChange,10}  {answer}");
            }
        }

        // GET the stored document, change it, PUT it back with its ETag: the time of the PUT alone.
        async Task<(string Elapsed, string Answer)> PutAsync(Guid id, Func<JsonObject, JsonObject> change, string answer)
        {
            using var get = await client.GetAsync($"/api/v1/practices/{id}");
            var stored = change(JsonNode.Parse(await get.Content.ReadAsStringAsync())!.AsObject());
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/practices/{id}") { Content = new StringContent(stored.ToJsonString(), Encoding.UTF8, "application/json") };
            put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(put);
            var elapsed = Seconds(clock.Elapsed);
            return (elapsed, response.IsSuccessStatusCode ? $"{answer}, {(int)response.StatusCode}" : $"{answer}, PUT {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>A valid document with <paramref name="people"/> people: a PC and an MSO, each person licensed, employed by the PC and owning an equal share of the MSO.</summary>
    private static JsonObject Document(int people)
    {
        var share = Math.Floor(10_000m / people) / 100m;
        var persons = new JsonArray();
        var stakes = new JsonArray();
        for (var i = 0; i < people; i++)
        {
            persons.Add(new JsonObject
            {
                ["key"] = $"p{i}",
                ["name"] = $"Person {i}",
                ["email"] = $"p{i}@example.com",
                ["licenses"] = new JsonArray(new JsonObject { ["key"] = "md", ["type"] = "MD", ["state"] = "TX", ["number"] = $"Q{i}", ["status"] = "Active", ["expiresOn"] = "2030-01-31" }),
                ["roles"] = new JsonArray(new JsonObject { ["key"] = "emp", ["entity"] = "pc", ["role"] = "Employee", ["from"] = "2025-01-10" }),
            });
            stakes.Add(new JsonObject { ["key"] = $"s{i}", ["entity"] = "mso", ["owner"] = $"p{i}", ["percent"] = share, ["from"] = "2025-01-12" });
        }

        return new JsonObject
        {
            ["name"] = $"Large practice {people}",
            ["primaryState"] = "TX",
            ["status"] = "Operating",
            ["entities"] = new JsonArray(
                new JsonObject { ["key"] = "pc", ["kind"] = "ProfessionalEntity", ["legalName"] = "Large Medical PLLC", ["form"] = "PLLC", ["state"] = "TX", ["status"] = "Active" },
                new JsonObject { ["key"] = "mso", ["kind"] = "ManagementCompany", ["legalName"] = "Large Management LLC", ["form"] = "LLC", ["state"] = "TX", ["status"] = "Active" }),
            ["people"] = persons,
            ["ownership"] = stakes,
        };
    }

    private static string Seconds(TimeSpan elapsed) => $"{elapsed.TotalSeconds:0.00} s";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "...";
}
