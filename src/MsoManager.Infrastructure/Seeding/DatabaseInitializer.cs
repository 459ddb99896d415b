using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.Infrastructure.Seeding;

/// <summary>
/// Start-up work on the database: applies the provider's migrations, refreshes the shipped state
/// rules when the embedded file changed, then, on a database with no user, creates the bootstrap
/// admin and the demo workspace as configured. Instances that start together on one database take
/// turns (<see cref="StartupLock"/>); the later ones find the work done.
/// </summary>
public sealed class DatabaseInitializer(
    TenantDbContextFactory contexts,
    ShippedStateRules stateRules,
    UserManager<ApplicationUser> users,
    DatabaseSettings database,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoEmailDomain = "demo.test";

    /// <summary>Migrates and seeds; returns the demo logins when the demo workspace exists.</summary>
    public async Task<IReadOnlyList<DemoLogin>> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var startup = await StartupLock.AcquireAsync(database, cancellationToken);
        await using (var db = contexts.CreateWithoutWorkspace())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await stateRules.RefreshAsync(StateRulesCsv.ShippedText(), cancellationToken);

        var isEmpty = !await users.Users.AnyAsync(cancellationToken);
        if (isEmpty)
        {
            await CreateBootstrapAdminAsync(cancellationToken);
        }

        var seedDemo = demo.Value.Seed ?? database.Provider == DatabaseProvider.Sqlite;
        if (!seedDemo)
        {
            return [];
        }

        if (isEmpty)
        {
            await CreateDemoWorkspaceAsync(cancellationToken);
        }

        return await users.FindByEmailAsync(DemoEmail(MemberRole.Owner)) is null
            ? []
            : [.. Enum.GetValues<MemberRole>().Select(r => new DemoLogin(r.ToString(), DemoEmail(r), demo.Value.Password))];
    }

    private static string DemoEmail(MemberRole role) => $"{role.ToString().ToLowerInvariant()}@{DemoEmailDomain}";

    private async Task CreateBootstrapAdminAsync(CancellationToken cancellationToken)
    {
        var options = bootstrap.Value;
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrEmpty(options.AdminPassword))
        {
            return;
        }

        var admin = await CreateUserAsync(options.AdminEmail, "Administrator", options.AdminPassword);
        var workspace = Workspace.Create(options.WorkspaceName, admin.Id, time.GetUtcNow());
        await SaveWorkspaceAsync(workspace, [], [], cancellationToken);
        await RememberWorkspaceAsync(admin, workspace.Id);
        logger.LogInformation("Created the bootstrap admin account and its workspace {WorkspaceId}", workspace.Id);
    }

    private async Task CreateDemoWorkspaceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var password = demo.Value.Password;
        var owner = await CreateUserAsync(DemoEmail(MemberRole.Owner), "Olivia Owner", password);
        var workspace = Workspace.Create("Lumen Advisory (demo)", owner.Id, now);

        var practices = DemoPractices.Create(workspace.Id, now);

        var people = new (MemberRole Role, string Name, PracticeScope Scope)[]
        {
            (MemberRole.Consultant, "Carlos Consultant", PracticeScope.AllPractices),
            (MemberRole.Attorney, "Ada Attorney", PracticeScope.Listed([practices[1].Id, practices[3].Id])),
            (MemberRole.Client, "Chloe Client", PracticeScope.Listed([practices[0].Id])),
            (MemberRole.Viewer, "Victor Viewer", PracticeScope.Listed([practices[0].Id, practices[2].Id])),
        };
        var demoUsers = new List<ApplicationUser> { owner };
        var participants = new Dictionary<MemberRole, ReviewParticipant>();
        foreach (var (role, name, scope) in people)
        {
            var user = await CreateUserAsync(DemoEmail(role), name, password);
            workspace.AddMember(user.Id, role, scope);
            demoUsers.Add(user);
            participants[role] = new ReviewParticipant(user.Id, name, role);
        }

        var reviews = DemoReviews.Create(practices[1], participants[MemberRole.Consultant], participants[MemberRole.Attorney], now);
        await SaveWorkspaceAsync(workspace, practices, reviews, cancellationToken);
        foreach (var user in demoUsers)
        {
            await RememberWorkspaceAsync(user, workspace.Id);
        }

        logger.LogInformation("Created the demo workspace {WorkspaceId} with {PracticeCount} practices", workspace.Id, practices.Count);
    }

    private async Task SaveWorkspaceAsync(
        Workspace workspace, IEnumerable<Practice> practices, IEnumerable<Review> reviews, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateForWorkspace(workspace.Id);
        db.Workspaces.Add(workspace);
        db.Practices.AddRange(practices);
        db.Reviews.AddRange(reviews);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ApplicationUser> CreateUserAsync(string email, string displayName, string password)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    private async Task RememberWorkspaceAsync(ApplicationUser user, Guid workspaceId)
    {
        user.LastWorkspaceId = workspaceId;
        await users.UpdateAsync(user);
    }
}
