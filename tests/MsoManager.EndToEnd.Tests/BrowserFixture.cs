using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.Seeding;
using MsoManager.Testing;

namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// One app (PostgreSQL, demo data, Kestrel on a free loopback port) and one headless Chromium for
/// the whole assembly; each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "MSO_CHROMIUM";

    private PostgresServer? _postgres;
    private IPlaywright? _playwright;

    public AppHost App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string DemoPassword { get; } = new DemoOptions().Password;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        // Every test signs in from this one address; the sign-in rate limit is for attackers, not for the suite.
        App = AppHost.OnPostgres(await _postgres.CreateDatabaseAsync("e2e"), demo: true, kestrel: true, extra: new Dictionary<string, string?>
        {
            ["Identity:SignInRateLimit:PermitLimit"] = "1000",
        });
        BaseAddress = App.ServerAddress;

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Run ./test.sh (it installs Debian's chromium package), " +
                $"or `sudo apt-get install chromium`, or set {ChromiumVariable} to a Chromium executable.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies) and page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Creates an account directly (no workspace), for tests that must not disturb the demo users.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded);
        return user;
    }

    /// <summary>
    /// A workspace of its own, owned by <paramref name="owner"/>, with these members seeing every
    /// practice: for flows between several people that must not meet the demo's data.
    /// </summary>
    public async Task<Workspace> CreateWorkspaceAsync(string name, ApplicationUser owner, params (ApplicationUser User, MemberRole Role)[] members)
    {
        var workspace = Workspace.Create(name, owner.Id, DateTimeOffset.UtcNow);
        foreach (var (user, role) in members)
        {
            workspace.AddMember(user.Id, role, PracticeScope.AllPractices);
        }

        await using var scope = App.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace;
    }

    /// <summary>Stores an API token for <paramref name="user"/>, as the token endpoint would issue it.</summary>
    public async Task<string> IssueTokenAsync(ApplicationUser user)
    {
        var (record, token) = ApiToken.Issue(user.Id, DateTimeOffset.UtcNow, TimeSpan.FromHours(8));
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync();
        return token;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
