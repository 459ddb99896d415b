using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.IntegrationTests.Api;

[Collection(PostgresCollection.Name)]
public sealed class ApiAuthenticationTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    /// <summary>Every endpoint but the token endpoint, with a method and a path that would otherwise answer.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/workspaces" },
        { "GET", $"/api/v1/workspaces/{Guid.Empty}/practices" },
        { "POST", $"/api/v1/workspaces/{Guid.Empty}/practices" },
        { "GET", $"/api/v1/practices/{Guid.Empty}" },
        { "PUT", $"/api/v1/practices/{Guid.Empty}" },
        { "DELETE", $"/api/v1/practices/{Guid.Empty}" },
        { "GET", $"/api/v1/practices/{Guid.Empty}/findings" },
        { "GET", "/api/v1/state-rules" },
        { "GET", "/api/v1/state-rules/TX" },
        { "GET", "/api/v1/auth/tokens" },
        { "DELETE", $"/api/v1/auth/tokens/{Guid.Empty}" },
    };

    [Fact]
    public async Task Token_RightPassword_IsStoredOnlyAsItsHashAndExpiresInEightHours()
    {
        var user = await CreateUserAsync("ok@x.test");
        using var client = Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ok@x.test", password = Password });

        var body = await ReadObjectAsync(response);
        var token = body["token"]!.GetValue<string>();
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8.1));
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        var stored = await db.ApiTokens.SingleAsync();
        Assert.Equal(user.Id, stored.UserId);
        Assert.Equal(ApiToken.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
    }

    [Fact]
    public async Task Token_WrongPasswordAndUnknownEmail_GiveTheSame401()
    {
        await CreateUserAsync("known@x.test");
        using var client = Anonymous();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "known@x.test", password = "not the password at all" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@x.test", password = "not the password at all" });

        var wrongProblem = await ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        var unknownProblem = await ProblemAsync(unknown, HttpStatusCode.Unauthorized);
        wrongProblem.Remove("traceId");
        unknownProblem.Remove("traceId");
        Assert.Equal(wrongProblem.ToJsonString(), unknownProblem.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(RefusedEmails), MemberType = typeof(TestApp))]
    public async Task Token_Refused_ChecksOnePasswordHashAsCostlyAsAnAccountsOwn(string email)
    {
        var account = await CreateAccountsToRefuseAsync();
        var (app, hasher) = WithCountingHasher();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the password at all" });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        var check = Assert.Single(hasher.Checked);
        Assert.Equal(CountingPasswordHasher.IterationsOf(account.PasswordHash!), CountingPasswordHasher.IterationsOf(check));
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LockTheAccountEvenForTheRightOne()
    {
        await CreateUserAsync("locked@x.test");
        using var client = Anonymous();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "locked@x.test", password = "not the password at all" }), HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "locked@x.test", password = Password });

        await ProblemAsync(right, HttpStatusCode.Unauthorized);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("locked@x.test"))!));
    }

    [Fact]
    public async Task Token_TooManyRequestsFromOneAddress_Answers429WithRetryAfter()
    {
        using var client = Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var attempt = 1; attempt <= 11; attempt++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"u{attempt}@x.test", password = "whatever it is" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await ProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Token_BadJson_Is400NamingIt()
    {
        using var client = Anonymous();

        var response = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"email\": 12", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithoutToken_Is401Problem(string method, string path)
    {
        using var client = Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithUnknownToken_Is401Problem(string method, string path)
    {
        using var client = Anonymous();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-this-app-issued");

        await ProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithExpiredToken_Is401Problem(string method, string path)
    {
        var user = await CreateUserAsync("expired@x.test");
        var (record, token) = ApiToken.Issue(user.Id, DateTimeOffset.UtcNow.AddHours(-9), TimeSpan.FromHours(8));
        await using (var scope = Host.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace())
        {
            db.ApiTokens.Add(record);
            await db.SaveChangesAsync();
        }

        using var client = Anonymous();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await ProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_OfADeactivatedAccount_IsRefused()
    {
        var user = await CreateUserAsync("gone@x.test");
        using var client = await ClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/workspaces")).StatusCode);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.DeactivatedAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(stored);
        }

        await ProblemAsync(await client.GetAsync("/api/v1/workspaces"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "gone@x.test", password = Password }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_OfALockedOutAccount_IsRefusedLikeAnUnknownOneUntilTheLockoutEnds()
    {
        var user = await CreateUserAsync("locked@x.test");
        using var client = await ClientForAsync(user);
        using var stranger = Anonymous();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-this-app-issued");
        await LockOutAsync(user);

        var locked = await ProblemAsync(await client.GetAsync("/api/v1/workspaces"), HttpStatusCode.Unauthorized);
        var unknown = await ProblemAsync(await stranger.GetAsync("/api/v1/workspaces"), HttpStatusCode.Unauthorized);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddSeconds(-1));
        }

        locked.Remove("traceId");
        unknown.Remove("traceId");
        Assert.Equal(unknown.ToJsonString(), locked.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/workspaces")).StatusCode);
    }

    [Fact]
    public async Task Api_WithOnlyTheSignInCookie_Is401NotARedirect()
    {
        await CreateUserAsync("cookie@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("cookie@x.test", Password);

        var response = await pages.GetAsync("/api/v1/workspaces");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_IsServedAndListsEveryPathWithTheBearerScheme()
    {
        using var client = Anonymous();

        var document = await ReadObjectAsync(await client.GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/auth/tokens", paths);
        Assert.Contains("/api/v1/auth/tokens/{id}", paths);
        Assert.Contains("/api/v1/workspaces", paths);
        Assert.Contains("/api/v1/workspaces/{workspaceId}/practices", paths);
        Assert.Contains("/api/v1/practices/{id}", paths);
        Assert.Contains("/api/v1/practices/{id}/findings", paths);
        Assert.Contains("/api/v1/state-rules", paths);
        Assert.Contains("/api/v1/state-rules/{stateCode}", paths);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
    }
}
