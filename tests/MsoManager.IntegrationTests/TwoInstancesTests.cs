using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;
using MsoManager.IntegrationTests.Api;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: they start together,
/// a sign-in on one is honoured by the other (data-protection keys live in the database), and
/// writes through both at once all land.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoInstancesTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private AppHost? _second;

    private AppHost Second => _second ?? throw new InvalidOperationException("The second instance has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = AppHost.OnPostgres(ConnectionString);
        _ = _second.Server;
    }

    public override async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabase_BothStart_AndSeedOnce()
    {
        var database = await Postgres.CreateDatabaseAsync();
        await using var first = AppHost.OnPostgres(database);
        await using var second = AppHost.OnPostgres(database);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        await using var scope = first.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        Assert.Equal(51, await db.ShippedStateRules.CountAsync());
    }

    [Fact]
    public async Task SignInOnOneInstance_ContinuesOnTheOther_FormsIncluded()
    {
        var user = await CreateUserAsync("roaming@x.test");
        await CreateWorkspaceAsync("Roaming", user, "Glow");
        using var one = Browser(Host);
        using var other = Browser(Second);

        // Signed in on the first instance: the cookie and its anti-forgery token were protected there.
        var (signIn, signInToken) = await FormAsync(one, "/Account/Login");
        var signedIn = await SendAsync(one, HttpMethod.Post, "/Account/Login", Cookies(signIn), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = signInToken,
            ["_handler"] = "login",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = Cookies(signIn, signedIn);

        // The other instance reads the session and accepts a form the first one rendered.
        var page = await SendAsync(other, HttpMethod.Get, "/Account/Manage/ChangePassword", cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var (form, formToken) = await FormAsync(one, "/Account/Manage/ChangePassword", cookies);
        cookies = Cookies(signIn, signedIn, form);
        var changed = await SendAsync(other, HttpMethod.Post, "/Account/Manage/ChangePassword", cookies, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
            ["__RequestVerificationToken"] = formToken,
            ["_handler"] = "change-password",
        }));
        Assert.True(changed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{changed.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "a brand new passphrase" })).StatusCode);
    }

    [Fact]
    public async Task WritesThroughBothInstancesAtOnce_AllLand_AndTheChainVerifies()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        using var otherClient = Second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        otherClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        const int WritersPerInstance = 8;
        var clients = Enumerable.Range(0, 2 * WritersPerInstance).Select(w => w % 2 == 0 ? client : otherClient).ToList();
        var ids = new List<Guid>();
        foreach (var (writer, n) in clients.Select((c, n) => (c, n)))
        {
            var document = Example("example-clean-tx");
            document["name"] = $"Practice {n}";
            ids.Add(await ImportOkAsync(writer, workspace.Id, document));
        }

        var statuses = await Task.WhenAll(clients.Select((writer, n) => Task.Run(async () =>
        {
            var results = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                using var read = await writer.GetAsync($"/api/v1/practices/{ids[n]}");
                Assert.True(read.IsSuccessStatusCode, $"GET {read.StatusCode}: {await read.Content.ReadAsStringAsync()}");
                var document = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
                document["notes"] = $"save {i} through instance {n % 2}";
                using var put = await PutAsync(writer, ids[n], document, read.Headers.ETag!.Tag);
                results.Add(put.StatusCode);
            }

            return results;
        })));

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.OK, status));
        await using var scope = Second.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var report = await AuditTrail.VerifyAsync(db);
        Assert.True(report.IsIntact, report.Problem);
    }

    private static HttpClient Browser(AppHost host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>GETs a form page; returns the answer (for its cookies) and the form's anti-forgery token.</summary>
    private static async Task<(HttpResponseMessage Page, string Token)> FormAsync(HttpClient client, string path, string? cookies = null)
    {
        var page = await SendAsync(client, HttpMethod.Get, path, cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (page, AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookies, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The cookies the answers set, as a Cookie header (later answers win).</summary>
    private static string Cookies(params HttpResponseMessage[] answers)
    {
        var jar = new Dictionary<string, string>();
        foreach (var answer in answers)
        {
            foreach (var set in answer.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0];
                jar[pair[..pair.IndexOf('=')]] = pair;
            }
        }

        return string.Join("; ", jar.Values);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
