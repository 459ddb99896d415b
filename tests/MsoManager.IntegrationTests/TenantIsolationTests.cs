using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Home;

namespace MsoManager.IntegrationTests;

/// <summary>One workspace never sees or writes another's records, whatever the query.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantIsolationTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Fact]
    public async Task EveryWorkspaceOwnedEntity_HasTheWorkspaceFilter()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();

        var owned = db.Model.GetEntityTypes()
            .Where(t => typeof(IWorkspaceOwned).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(Workspace))
            .ToList();
        var domainTypes = typeof(IWorkspaceOwned).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IWorkspaceOwned).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(owned, t => t.ClrType == typeof(Practice));
        Assert.All(domainTypes, type => Assert.Contains(owned, t => t.ClrType == type));
        Assert.All(owned, type => Assert.NotNull(type.FindDeclaredQueryFilter(AppDbContext.WorkspaceFilter)));
    }

    [Fact]
    public async Task ContextOfWorkspaceA_ReadsNothingOfWorkspaceB()
    {
        var alice = await CreateUserAsync("alice@a.test");
        var bob = await CreateUserAsync("bob@b.test");
        var a = await CreateWorkspaceAsync("A", alice, "Alpha Spa");
        var b = await CreateWorkspaceAsync("B", bob, "Beta Spa", "Bravo Spa");
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(a.Id);

        Assert.Equal(["Alpha Spa"], await db.Practices.Select(p => p.Name).ToListAsync());
        Assert.Equal([a.Id], await db.Workspaces.Select(w => w.Id).ToListAsync());
        Assert.Equal([alice.Id], await db.Members.Select(m => m.UserId).ToListAsync());
        Assert.Null(await db.Practices.FirstOrDefaultAsync(p => p.WorkspaceId == b.Id));
        Assert.Null(await db.Workspaces.FindAsync(b.Id));
    }

    [Fact]
    public async Task ContextWithoutWorkspace_ReadsNoWorkspaceRecords()
    {
        var alice = await CreateUserAsync("carol@a.test");
        await CreateWorkspaceAsync("C", alice, "Gamma Spa");
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateWithoutWorkspace();

        Assert.Empty(await db.Practices.ToListAsync());
        Assert.Empty(await db.Members.ToListAsync());
        Assert.Empty(await db.Workspaces.ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_IntoAnotherWorkspace_IsRefusedAndWritesNothing()
    {
        var dave = await CreateUserAsync("dave@a.test");
        var erin = await CreateUserAsync("erin@b.test");
        var a = await CreateWorkspaceAsync("D", dave);
        var b = await CreateWorkspaceAsync("E", erin);
        await using var scope = Host.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>();
        await using (var db = contexts.CreateForWorkspace(a.Id))
        {
            db.Practices.Add(Practice.Create(b.Id, "Smuggled", StateCode.From("TX"), PracticeStatus.Planning, null, DateTimeOffset.UtcNow));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = contexts.CreateForWorkspace(b.Id);
        Assert.Empty(await check.Practices.ToListAsync());
    }

    [Fact]
    public async Task MemberOfWorkspaceA_SeesOnlyItsOwnPracticesAndWorkspaces()
    {
        var frank = await CreateUserAsync("frank@a.test");
        var grace = await CreateUserAsync("grace@b.test");
        var a = await CreateWorkspaceAsync("Frank's firm", frank, "Foxtrot Spa");
        var b = await CreateWorkspaceAsync("Grace's firm", grace, "Golf Spa");
        await using var signedIn = await SignInAsync(frank);

        var summary = await signedIn.Get<HomeSummary>().LoadAsync();

        Assert.Equal([a.Id], signedIn.Session.Memberships.Select(m => m.WorkspaceId));
        Assert.Equal(["Foxtrot Spa"], summary.RecentPractices.Select(p => p.Name));
        await Assert.ThrowsAsync<NotPermittedException>(() => signedIn.Session.SwitchAsync(b.Id));
    }

    [Fact]
    public async Task ClientWithListedScope_SeesOnlyThosePractices()
    {
        var owner = await CreateUserAsync("owner@h.test");
        var client = await CreateUserAsync("client@h.test");
        var workspace = await CreateWorkspaceAsync("H", owner, "Hotel Spa", "India Spa");
        await using (var ownerIn = await SignInAsync(owner))
        {
            var ids = (await ownerIn.Get<HomeSummary>().LoadAsync()).RecentPractices.Where(p => p.Name == "India Spa").Select(p => p.Id);
            await AddMemberAsync(workspace, client, MemberRole.Client, PracticeScope.Listed(ids));
        }

        await using var clientIn = await SignInAsync(client);
        var summary = await clientIn.Get<HomeSummary>().LoadAsync();

        Assert.Equal(1, summary.PracticeCount);
        Assert.Equal(["India Spa"], summary.RecentPractices.Select(p => p.Name));
    }
}
