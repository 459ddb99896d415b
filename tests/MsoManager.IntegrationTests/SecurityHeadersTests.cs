using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Identity;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>
/// The headers of docs/decisions/0011-security-headers.md, read off real answers of the app on
/// Kestrel (so the Server header and a proxy on loopback are what a deployment sees).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class SecurityHeadersTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Email = "owner@x.test";
    private const string Password = "correct horse battery staple";

    /// <summary>The headers every answer carries; only the CSP nonce changes from one answer to the next.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["Content-Security-Policy"] =
            "script-src 'self' 'nonce-*'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ["X-Frame-Options"] = "DENY",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["Permissions-Policy"] =
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), " +
            "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), " +
            "screen-wake-lock=(), sync-xhr=(), usb=(), web-share=(), xr-spatial-tracking=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    private readonly List<AppHost> _hosts = [];
    private readonly List<HttpClient> _clients = [];
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Answer_OfEveryKind_CarriesTheSecurityHeaders()
    {
        (string Method, string Path, HttpStatusCode Status)[] answers =
        [
            ("GET", "/Account/Login", HttpStatusCode.OK),
            ("GET", "/favicon.png", HttpStatusCode.OK),
            ("GET", "/api/v1/state-rules", HttpStatusCode.Unauthorized),
            ("GET", "/api/v1/no-such-resource", HttpStatusCode.NotFound),
            ("GET", "/no-such-page", HttpStatusCode.NotFound),
            ("POST", "/_blazor/negotiate?negotiateVersion=1", HttpStatusCode.OK),
            ("GET", "/health/live", HttpStatusCode.OK),
        ];

        foreach (var (method, path, status) in answers)
        {
            var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.True(status == response.StatusCode, $"{method} {path}: {response.StatusCode}");
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task ApiAnswer_SuccessOrError_IsNeverStored()
    {
        await CreateUserAsync(_hosts[0]);
        var token = await _client.PostAsJsonAsync("/api/v1/auth/token", new { email = Email, password = Password });
        var bearer = (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var workspacesRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workspaces") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", bearer) } };

        var answers = new[]
        {
            token,
            await _client.SendAsync(workspacesRequest),
            await _client.GetAsync("/api/v1/workspaces"),
            await _client.GetAsync("/api/v1/no-such-resource"),
            await _client.PostAsync("/api/v1/auth/token", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json")),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode));
        Assert.All(answers, answer =>
        {
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.RequestMessage!.RequestUri}: Cache-Control {answer.Headers.CacheControl}");
            AssertSecurityHeaders(answer);
        });
    }

    [Fact]
    public async Task Page_SignedIn_IsNeverStored()
    {
        await CreateUserAsync(_hosts[0]);
        var cookies = await SignInAsync(_client, forwardedProto: null);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/practices") { Headers = { { "Cookie", cookies } } };
        var page = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control {page.Headers.CacheControl}");
        AssertSecurityHeaders(page);
    }

    [Fact]
    public async Task StaticAsset_WithItsOwnCaching_KeepsIt()
    {
        var login = await (await _client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var stylesheet = MudBlazorStylesheet().Match(login).Groups[1].Value;

        var asset = await _client.GetAsync("/" + stylesheet);

        // What MapStaticAssets declares in development (revalidate); in production fingerprinted assets are immutable.
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("no-cache", asset.Headers.CacheControl?.ToString());
        AssertSecurityHeaders(asset);
    }

    [Fact]
    public async Task Cookies_HttpsThroughTrustedProxy_AreSecure()
    {
        await CreateUserAsync(_hosts[0]);

        var signIn = await SignInAnsweredAsync(_client, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.Redirect, signIn.Answer.StatusCode);
        var cookies = signIn.FormCookies.Concat(SetCookies(signIn.Answer)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("MsoManager.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Cookies_PlainHttp_AreNotSecure()
    {
        var page = await _client.GetAsync("/Account/Login");

        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookies_ForwardedProtoFromUntrustedAddress_AreNotSecure()
    {
        // Only 10.1.2.3 is a trusted proxy: the test's own loopback connection is not.
        var client = await StartAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { { "X-Forwarded-Proto", "https" } } };
        var page = await client.SendAsync(request);

        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hsts_InProductionOverHttps_IsSentOnlyOverHttps()
    {
        var client = await StartAsync(new() { ["environment"] = "Production" });

        // A public name: browsers ignore HSTS for loopback names, and so does the header policy.
        using var overHttps = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Host", "mso.example.test" }, { "X-Forwarded-Proto", "https" } } };
        using var overHttp = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Host", "mso.example.test" } } };
        var https = await client.SendAsync(overHttps);
        var http = await client.SendAsync(overHttp);

        Assert.Equal("max-age=31536000", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_InDevelopment_IsNotSent()
    {
        using var overHttps = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Host", "mso.example.test" }, { "X-Forwarded-Proto", "https" } } };

        var answer = await _client.SendAsync(overHttps);

        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var problems = new List<string>();
        foreach (var (name, expected) in Expected)
        {
            List<string> values = response.Headers.TryGetValues(name, out var found) ? [.. found.Select(v => Nonce().Replace(v, "'nonce-*'"))] : [];
            if (values is not [var only] || only != expected)
            {
                problems.Add($"{name}: [{string.Join(" | ", values)}], expected [{expected}]");
            }
        }

        if (response.Headers.Contains("Server"))
        {
            problems.Add($"Server: {response.Headers.Server}");
        }

        Assert.True(problems.Count == 0, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}:\n{string.Join("\n", problems)}");
    }

    /// <summary>Starts the app on Kestrel (loopback, a free port) with its own database; a client that keeps no cookies.</summary>
    private async Task<HttpClient> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var host = AppHost.OnPostgres(await postgres.Server.CreateDatabaseAsync(), kestrel: true, extra: settings);
        _hosts.Add(host);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.ServerAddress };
        _clients.Add(client);
        return client;
    }

    private static async Task CreateUserAsync(AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Owner" }, Password);
        Assert.True(result.Succeeded);
    }

    /// <summary>Signs in through the login form; the Cookie header value that carries the session.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string? forwardedProto)
    {
        var signIn = await SignInAnsweredAsync(client, forwardedProto);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Answer.StatusCode);
        return string.Join("; ", SetCookies(signIn.Answer).Concat(signIn.FormCookies).Select(c => c.Split(';')[0]));
    }

    /// <summary>
    /// Cookies are carried by hand: a client's cookie jar would not send a Secure cookie back over the
    /// plain-HTTP loopback connection that stands in for the proxy's.
    /// </summary>
    private static async Task<(HttpResponseMessage Answer, IReadOnlyList<string> FormCookies)> SignInAnsweredAsync(HttpClient client, string? forwardedProto)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        if (forwardedProto is not null)
        {
            get.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var form = await client.SendAsync(get);
        var formCookies = SetCookies(form);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
            }),
            Headers = { { "Cookie", string.Join("; ", formCookies.Select(c => c.Split(';')[0])) } },
        };
        if (forwardedProto is not null)
        {
            post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return (await client.SendAsync(post), formCookies);
    }

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];

    [GeneratedRegex("'nonce-[A-Za-z0-9+/=]+'")]
    private static partial Regex Nonce();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"(_content/MudBlazor/MudBlazor\\.min\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex MudBlazorStylesheet();
}
