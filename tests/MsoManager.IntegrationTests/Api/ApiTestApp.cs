using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.IntegrationTests.Api;

/// <summary>The app on PostgreSQL, called over HTTP as an API client would, with bearer tokens.</summary>
public abstract class ApiTestApp(PostgresFixture postgres) : TestApp(postgres)
{
    private readonly List<HttpClient> _clients = [];

    private AsyncServiceScope? _scope;

    public override async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Contexts for checking what the database holds, from one scope disposed with the test.</summary>
    protected TenantDbContextFactory Contexts => (_scope ??= Host.Services.CreateAsyncScope()).ServiceProvider.GetRequiredService<TenantDbContextFactory>();

    /// <summary>A context of no workspace: queries that ignore the filters see every workspace's rows.</summary>
    protected AppDbContext Db() => Contexts.CreateWithoutWorkspace();

    /// <summary>Verifies the workspace's audit chain, as the History tab does.</summary>
    protected async Task AssertAuditChainIntactAsync(Guid workspaceId)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var report = await AuditTrail.VerifyAsync(db);
        Assert.True(report.IsIntact, report.Problem);
    }

    /// <summary>A client that follows no redirects and keeps no cookies, like a script; disposed with the test.</summary>
    protected HttpClient Anonymous()
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        _clients.Add(client);
        return client;
    }

    protected async Task<HttpClient> ClientForAsync(ApplicationUser user)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user.Email!));
        return client;
    }

    /// <summary>An Owner of a new workspace with no practices, and a client signed in as them.</summary>
    protected async Task<(Workspace Workspace, HttpClient Client)> OwnerOfNewWorkspaceAsync()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        return (workspace, await ClientForAsync(owner));
    }

    protected static async Task<string> ETagAsync(HttpClient client, Guid practiceId) =>
        (await client.GetAsync($"/api/v1/practices/{practiceId}")).Headers.ETag!.Tag;

    protected static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid practiceId, JsonNode document, string ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/practices/{practiceId}") { Content = Json(document), Headers = { { "If-Match", ifMatch } } });

    protected async Task<string> TokenAsync(string email, string password = Password)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>The "practice" of an example file of api.md's scenarios.</summary>
    protected static JsonObject Example(string name) => (JsonObject)ExampleFile(name)["practice"]!.DeepClone();

    protected static JsonObject ExampleFile(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", $"{name}.json")))!.AsObject();

    protected static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid workspaceId, JsonNode document) =>
        client.PostAsync($"/api/v1/workspaces/{workspaceId}/practices", Json(document));

    protected static async Task<Guid> ImportOkAsync(HttpClient client, Guid workspaceId, JsonNode document)
    {
        var response = await ImportAsync(client, workspaceId, document);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    protected static StringContent Json(JsonNode document) => new(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    protected static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The JSON paths a 400 problem names.</summary>
    protected static async Task<IReadOnlyCollection<string>> ErrorPathsAsync(HttpResponseMessage response) =>
        [.. (await ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key)];

    /// <summary>Rows of every practice table and of the audit trail, across workspaces: "nothing written" is these unchanged.</summary>
    protected async Task<string> RowCountsAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        var counts = new[]
        {
            await db.Practices.IgnoreQueryFilters().CountAsync(),
            await db.Set<LegalEntity>().IgnoreQueryFilters().CountAsync(),
            await db.Set<Person>().IgnoreQueryFilters().CountAsync(),
            await db.Set<OwnershipStake>().IgnoreQueryFilters().CountAsync(),
            await db.Set<Agreement>().IgnoreQueryFilters().CountAsync(),
            await db.AuditEvents.IgnoreQueryFilters().CountAsync(),
        };
        return string.Join(",", counts);
    }

    protected static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    protected static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
