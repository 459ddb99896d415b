using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.IntegrationTests.Api;

/// <summary>A member's own API tokens: listed and revoked through the API and the "API tokens" page.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiTokenListTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    [Fact]
    public async Task ListTokens_ShowsTheCallersLiveTokensNewestFirst_WithoutTheSecret()
    {
        var user = await CreateUserAsync("me@x.test");
        var other = await CreateUserAsync("other@x.test");
        var older = await TokenAsync("me@x.test");
        var current = await TokenAsync("me@x.test");
        await TokenAsync("other@x.test");
        await StoreTokenAsync(user, DateTimeOffset.UtcNow.AddHours(-9));
        using var client = Bearer(current);

        var response = await client.GetAsync("/api/v1/auth/tokens");

        var body = await response.Content.ReadAsStringAsync();
        var items = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Fingerprint(current), Fingerprint(older)], items.Select(i => i!["fingerprint"]!.GetValue<string>()));
        Assert.Equal([true, false], items.Select(i => i!["current"]!.GetValue<bool>()));
        Assert.All(items, i => Assert.True(i!["expiresAt"]!.GetValue<DateTimeOffset>() > i["createdAt"]!.GetValue<DateTimeOffset>()));
        Assert.DoesNotContain(current, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken.Hash(current), body, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_AnotherOfMine_Answers204AndItIsRefusedAtOnce()
    {
        await CreateUserAsync("me@x.test");
        var script = await TokenAsync("me@x.test");
        using var me = Bearer(await TokenAsync("me@x.test"));
        using var scriptClient = Bearer(script);
        Assert.Equal(HttpStatusCode.OK, (await scriptClient.GetAsync("/api/v1/workspaces")).StatusCode);

        var response = await me.DeleteAsync($"/api/v1/auth/tokens/{await IdOfAsync(me, script)}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAsync(await scriptClient.GetAsync("/api/v1/workspaces"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/workspaces")).StatusCode);
    }

    [Fact]
    public async Task RevokeToken_TheCurrentOne_Answers204AndItStops()
    {
        await CreateUserAsync("me@x.test");
        var token = await TokenAsync("me@x.test");
        using var me = Bearer(token);

        var response = await me.DeleteAsync($"/api/v1/auth/tokens/{await IdOfAsync(me, token)}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAsync(await me.GetAsync("/api/v1/auth/tokens"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeToken_OfAnotherAccount_Is404AndItKeepsWorking()
    {
        var (them, theirId) = await MeAndAnotherAccountWithATokenAsync();
        using var me = Bearer(await TokenAsync("me@x.test"));

        await ProblemAsync(await me.DeleteAsync($"/api/v1/auth/tokens/{theirId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await me.DeleteAsync($"/api/v1/auth/tokens/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await them.GetAsync("/api/v1/workspaces")).StatusCode);
    }

    [Fact]
    public async Task ApiTokensPage_ListsMyLiveTokens_WithReadableDatesAndNoSecretsOrIds()
    {
        var user = await CreateUserAsync("me@x.test");
        var createdAt = new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero);
        var (record, token) = await StoreTokenAsync(user, createdAt, lifetime: DateTimeOffset.UtcNow.AddHours(2) - createdAt);
        var (_, expired) = await StoreTokenAsync(user, DateTimeOffset.UtcNow.AddHours(-9));
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("me@x.test", Password);

        var response = await pages.GetAsync("/Account/Manage/ApiTokens");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2026-03-04 09:30 UTC", html, StringComparison.Ordinal);
        Assert.Contains(record.ExpiresAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC", html, StringComparison.Ordinal);
        Assert.Contains("Not used yet", html, StringComparison.Ordinal);
        Assert.Contains(Fingerprint(token), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Fingerprint(expired), html, StringComparison.Ordinal);
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.DoesNotContain(record.TokenHash, html, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + record.Id, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiTokensPage_Revoke_RemovesMyTokenAndItIsRefusedAtOnce()
    {
        await CreateUserAsync("me@x.test");
        var token = await TokenAsync("me@x.test");
        using var client = Bearer(token);
        var id = await IdOfAsync(client, token);
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("me@x.test", Password);

        var response = await pages.RevokeTokenAsync(id);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{Fingerprint(token)} was revoked", html, StringComparison.Ordinal);
        Assert.Contains("You have no API tokens", html, StringComparison.Ordinal);
        await ProblemAsync(await client.GetAsync("/api/v1/workspaces"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiTokensPage_RevokeAnotherAccountsToken_LeavesItWorking()
    {
        var (them, theirId) = await MeAndAnotherAccountWithATokenAsync();
        await TokenAsync("me@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("me@x.test", Password);

        var response = await pages.RevokeTokenAsync(theirId);

        Assert.Contains("no longer exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await them.GetAsync("/api/v1/workspaces")).StatusCode);
    }

    /// <summary>Accounts "me@x.test" and "other@x.test"; a client with a token of the other's, and that token's id.</summary>
    private async Task<(HttpClient Them, Guid TheirTokenId)> MeAndAnotherAccountWithATokenAsync()
    {
        await CreateUserAsync("me@x.test");
        await CreateUserAsync("other@x.test");
        var theirs = await TokenAsync("other@x.test");
        var them = Bearer(theirs);
        return (them, await IdOfAsync(them, theirs));
    }

    private static string Fingerprint(string token) => ApiToken.Hash(token)[..8];

    private HttpClient Bearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The id the token list gives <paramref name="token"/>, read with <paramref name="client"/>.</summary>
    private static async Task<Guid> IdOfAsync(HttpClient client, string token)
    {
        var items = (await client.GetFromJsonAsync<JsonArray>("/api/v1/auth/tokens"))!;
        return items.Single(i => i!["fingerprint"]!.GetValue<string>() == Fingerprint(token))!["id"]!.GetValue<Guid>();
    }

    private async Task<(ApiToken Record, string Token)> StoreTokenAsync(ApplicationUser user, DateTimeOffset createdAt, TimeSpan? lifetime = null)
    {
        var issued = ApiToken.Issue(user.Id, createdAt, lifetime ?? TimeSpan.FromHours(8));
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        db.ApiTokens.Add(issued.Record);
        await db.SaveChangesAsync();
        return issued;
    }
}
