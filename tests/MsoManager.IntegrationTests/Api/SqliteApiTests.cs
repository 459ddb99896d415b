using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests.Api;

/// <summary>The API on SQLite, the default provider: the keyset query, the escaped search and the importer translate there too.</summary>
public sealed class SqliteApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mso-api-").FullName;

    [Fact]
    public async Task DemoPortfolio_WalkedOneByOne_AndAnImport_WorkOnSqlite()
    {
        await using var host = AppHost.OnSqlite(Path.Combine(_folder, "api.db"));
        using var client = await DemoOwnerAsync(host);
        var workspace = (await client.GetFromJsonAsync<JsonArray>("/api/v1/workspaces"))![0]!["id"]!.GetValue<Guid>();

        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/workspaces/{workspace}/practices?limit=1" + (cursor is null ? "" : $"&cursor={cursor}")))!;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        var wildcard = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/workspaces/{workspace}/practices?q=%25"))!["items"]!.AsArray();
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "example-clean-tx.json")))!["practice"]!;
        var import = await client.PostAsync($"/api/v1/workspaces/{workspace}/practices", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(4, ids.Distinct().Count());
        Assert.Empty(wildcard); // no demo name holds '%': it is matched literally, not as LIKE's wildcard
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{import.Headers.Location}/findings?asOf=2026-11-29")).StatusCode);
    }

    [Fact]
    public async Task TokenList_AndRevoke_WorkOnSqlite()
    {
        await using var host = AppHost.OnSqlite(Path.Combine(_folder, "tokens.db"));
        using var client = await DemoOwnerAsync(host);

        var listed = Assert.Single((await client.GetFromJsonAsync<JsonArray>("/api/v1/auth/tokens"))!)!;
        var revoked = await client.DeleteAsync($"/api/v1/auth/tokens/{listed["id"]!.GetValue<Guid>()}");

        Assert.True(listed["current"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/tokens")).StatusCode);
    }

    [Fact]
    public async Task PutByKey_TheStatusGuard_TheAuditCsvAndMembers_WorkOnSqlite()
    {
        await using var host = AppHost.OnSqlite(Path.Combine(_folder, "records.db"));
        using var client = await DemoOwnerAsync(host);
        var (workspace, location) = await ImportCleanTxAsync(client, "InReview");

        var get = await client.GetAsync(location);
        var stored = JsonNode.Parse(await get.Content.ReadAsStringAsync())!;
        var unchanged = await PutAsync(client, location, stored, get.Headers.ETag!.Tag);
        stored["agreements"]![0]!["status"] = "Approved";
        var approvedByOwner = await PutAsync(client, location, stored, get.Headers.ETag.Tag);
        stored["agreements"]![0]!["status"] = "InReview";
        stored["people"]![0]!["name"] = "Dana Smith-Lee";
        var renamed = await PutAsync(client, location, stored, get.Headers.ETag.Tag);
        var csv = await client.GetStringAsync($"{location}/audit.csv");
        var members = (await client.GetFromJsonAsync<JsonArray>($"/api/v1/workspaces/{workspace}/members"))!;

        Assert.Equal((HttpStatusCode.OK, get.Headers.ETag.Tag), (unchanged.StatusCode, unchanged.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.Forbidden, approvedByOwner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("Dana Smith-Lee", csv, StringComparison.Ordinal);
        Assert.Contains(members, m => m!["email"]!.GetValue<string>() == "owner@demo.test");
    }

    [Fact]
    public async Task AReview_RequestedCommentedAndDecided_WorksOnSqlite()
    {
        await using var host = AppHost.OnSqlite(Path.Combine(_folder, "reviews.db"));
        using var owner = await DemoOwnerAsync(host);
        var (workspace, practice) = await ImportCleanTxAsync(owner, "Draft");
        await owner.PutAsJsonAsync($"/api/v1/workspaces/{workspace}/members/attorney@demo.test", new { role = "Attorney", practices = (Guid[]?)null });

        var request = await owner.PostAsJsonAsync($"{practice}/agreements/msa/reviews", new { attorneyEmail = "attorney@demo.test" });
        using var attorney = await DemoClientAsync(host, "attorney@demo.test");
        var comment = await attorney.PostAsJsonAsync($"{request.Headers.Location}/comments", new { section = "Fee", text = "Is the flat fee within the FMV range?" });
        var decision = await attorney.PostAsJsonAsync($"{request.Headers.Location}/decision", new { decision = "RequestChanges", reason = "Reserve clinical staffing to the PC." });
        var requested = (await owner.GetFromJsonAsync<JsonArray>("/api/v1/reviews?assignedToMe=false&includeDecided=true"))!;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (request.StatusCode, comment.StatusCode, decision.StatusCode));
        var review = (await decision.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("ChangesRequested", "Is the flat fee within the FMV range?"), (review["status"]!.GetValue<string>(), review["comments"]![0]!["text"]!.GetValue<string>()));
        Assert.Equal("ChangesRequested", (await owner.GetFromJsonAsync<JsonObject>(practice))!["agreements"]![0]!["status"]!.GetValue<string>());
        Assert.Contains(requested, r => r!["id"]!.GetValue<Guid>() == review["id"]!.GetValue<Guid>());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Uri location, JsonNode document, string etag) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "If-Match", etag } },
        });

    /// <summary>Imports the clean Texas example into the caller's first workspace, its MSA in <paramref name="status"/>: the workspace and the practice's address.</summary>
    private static async Task<(Guid Workspace, Uri Practice)> ImportCleanTxAsync(HttpClient client, string status)
    {
        var workspace = (await client.GetFromJsonAsync<JsonArray>("/api/v1/workspaces"))![0]!["id"]!.GetValue<Guid>();
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "example-clean-tx.json")))!["practice"]!;
        document["agreements"]![0]!["status"] = status;
        var import = await client.PostAsync($"/api/v1/workspaces/{workspace}/practices", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return (workspace, import.Headers.Location!);
    }

    /// <summary>A client with a bearer token of the demo Owner.</summary>
    private static Task<HttpClient> DemoOwnerAsync(AppHost host) => DemoClientAsync(host, "owner@demo.test");

    /// <summary>A client with a bearer token of a demo member.</summary>
    private static async Task<HttpClient> DemoClientAsync(AppHost host, string email)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "demo-passphrase-2026" });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        return client;
    }
}
