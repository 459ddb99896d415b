using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.IntegrationTests;

/// <summary>
/// The app on its own fresh PostgreSQL database, with helpers to arrange users and workspaces the
/// way the product creates them, and to act as a signed-in user through the feature services.
/// </summary>
public abstract class TestApp(PostgresFixture postgres) : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private AppHost? _host;

    protected AppHost Host => _host ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The test's own database, for a second app instance on it.</summary>
    protected string ConnectionString { get; private set; } = "";

    protected PostgresServer Postgres => postgres.Server;

    protected virtual bool SeedDemo => false;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await postgres.Server.CreateDatabaseAsync();
        _host = AppHost.OnPostgres(ConnectionString, SeedDemo, extra: Settings);
        _ = _host.Server; // starts the app: migrations and seeding run now
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>
    /// A second instance of the app on the same database whose password hasher records what it checks
    /// (<see cref="CountingPasswordHasher"/>); disposed with <see cref="Host"/>.
    /// </summary>
    protected (WebApplicationFactory<Program> App, CountingPasswordHasher Hasher) WithCountingHasher()
    {
        var app = Host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<ApplicationUser>>(provider =>
                new CountingPasswordHasher(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()))))));
        return (app, (CountingPasswordHasher)app.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>());
    }

    /// <summary>The emails of <see cref="CreateAccountsToRefuseAsync"/>: unknown, wrong password, locked, deactivated.</summary>
    public static TheoryData<string> RefusedEmails => ["nobody@x.test", "wrong@x.test", "locked@x.test", "gone@x.test"];

    /// <summary>
    /// One account of each kind a sign-in can be refused for, besides "nobody@x.test" that does not exist:
    /// "wrong@x.test" (returned, to be given a wrong password), "locked@x.test" and "gone@x.test" (deactivated).
    /// </summary>
    protected async Task<ApplicationUser> CreateAccountsToRefuseAsync()
    {
        var account = await CreateUserAsync("wrong@x.test");
        await LockOutAsync(await CreateUserAsync("locked@x.test"));
        await DeactivateAsync(await CreateUserAsync("gone@x.test"));
        return account;
    }

    /// <summary>Locks the account out as five wrong passwords would.</summary>
    protected async Task LockOutAsync(ApplicationUser user)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
    }

    protected async Task DeactivateAsync(ApplicationUser user)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DeactivatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(stored);
    }

    protected async Task<ApplicationUser> CreateUserAsync(string email, string? password = Password)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, password!);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A workspace owned by <paramref name="owner"/>, with the given practices.</summary>
    protected async Task<Workspace> CreateWorkspaceAsync(string name, ApplicationUser owner, params string[] practiceNames)
    {
        var workspace = Workspace.Create(name, owner.Id, DateTimeOffset.UtcNow);
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        db.Workspaces.Add(workspace);
        db.Practices.AddRange(practiceNames.Select(p =>
            Practice.Create(workspace.Id, p, StateCode.From("TX"), PracticeStatus.Operating, null, DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();
        return workspace;
    }

    /// <summary>A new account "owner.{name}@x.test" and a workspace it owns, with the given practices.</summary>
    protected async Task<(ApplicationUser Owner, Workspace Workspace)> OwnedWorkspaceAsync(string name, params string[] practices)
    {
        var owner = await CreateUserAsync($"owner.{name}@x.test");
        return (owner, await CreateWorkspaceAsync($"Workspace {name}", owner, practices));
    }

    protected async Task AddMemberAsync(Workspace workspace, ApplicationUser user, MemberRole role, PracticeScope? scope = null)
    {
        await using var serviceScope = Host.Services.CreateAsyncScope();
        await using var db = serviceScope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var stored = await db.Workspaces.Include(w => w.Members).SingleAsync();
        stored.AddMember(user.Id, role, scope ?? PracticeScope.AllPractices);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A service scope that acts as <paramref name="user"/> signed in, like a Blazor circuit: the
    /// session is initialized and has opened the user's workspace (or <paramref name="workspace"/>).
    /// </summary>
    protected async Task<SignedIn> SignInAsync(ApplicationUser user, Workspace? workspace = null)
    {
        var scope = Host.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!)], "Test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var session = scope.ServiceProvider.GetRequiredService<WorkspaceSession>();
        await session.InitializeAsync();
        if (workspace is not null)
        {
            await session.SwitchAsync(workspace.Id);
        }

        return new SignedIn(scope, session);
    }

    protected sealed class SignedIn(AsyncServiceScope scope, WorkspaceSession session) : IAsyncDisposable
    {
        public WorkspaceSession Session { get; } = session;

        public IServiceProvider Services => scope.ServiceProvider;

        public T Get<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
