using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.IntegrationTests;

/// <summary>The practice store and list: roles, concurrency, scope and the list's query count, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeStoreTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Fact]
    public async Task Consultant_CreatesAndChangesAPractice_AndEveryChangeIsAudited()
    {
        var (_, workspace, consultant) = await WorkspaceWithAsync(MemberRole.Consultant);
        await using var signedIn = await SignInAsync(consultant);
        var store = signedIn.Get<PracticeStore>();

        var id = await store.CreateAsync("Glow", StateCode.From("TX"), PracticeStatus.Planning, null);
        var snapshot = (await store.LoadAsync(id))!;
        snapshot = await store.ChangeAsync(id, snapshot.Version, p => p.AddEntity("pc", EntityKind.ProfessionalEntity,
            new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Planned)));

        Assert.Equal("Glow Medical PLLC", Assert.Single(snapshot.Practice.Entities).LegalName);
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var events = await db.AuditEvents.Where(e => e.PracticeId == id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Practice", "LegalEntity"], events.Select(e => e.RecordType));
        Assert.All(events, e => Assert.Equal(consultant.Email, e.UserName));
    }

    [Theory]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Viewer)]
    [InlineData(MemberRole.Client)]
    public async Task ReadOnlyRoles_CannotChangeThePracticeEvenThroughTheService(MemberRole role)
    {
        var (owner, workspace, member) = await WorkspaceWithAsync(role);
        var practiceId = await CreatePracticeAsOwnerAsync(owner);
        await using var signedIn = await SignInAsync(member);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;

        Assert.False(snapshot.CanEdit);
        await Assert.ThrowsAsync<NotPermittedException>(() => store.CreateAsync("Sneaky", StateCode.From("TX"), PracticeStatus.Planning, null));
        await Assert.ThrowsAsync<NotPermittedException>(() => store.ChangeAsync(practiceId, snapshot.Version, p => p.UpdateDetails("Renamed", p.PrimaryState, p.Status, null)));
        // Roles with a narrower permission are held to it, whatever the change tries to do.
        var narrower = role == MemberRole.Attorney ? Permission.ReviewAgreements : Permission.EditSetupTasks;
        if (role != MemberRole.Viewer)
        {
            await Assert.ThrowsAsync<NotPermittedException>(() => store.ChangeAsync(practiceId, snapshot.Version, p => p.UpdateDetails("Renamed", p.PrimaryState, p.Status, null), narrower));
        }

        Assert.Equal("Acme Spa", (await store.LoadAsync(practiceId))!.Practice.Name);
    }

    [Fact]
    public async Task Client_UpdatesSetupTasks_ButNothingElse()
    {
        var (owner, _, client) = await WorkspaceWithAsync(MemberRole.Client);
        var practiceId = await CreatePracticeAsOwnerAsync(owner);
        await using var signedIn = await SignInAsync(client);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;

        snapshot = await store.ChangeAsync(practiceId, snapshot.Version,
            p => p.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Banking, "Open the bank account")), Permission.EditSetupTasks);

        Assert.Equal("Open the bank account", Assert.Single(snapshot.Practice.SetupTasks).Title);
        await Assert.ThrowsAsync<NotPermittedException>(() => store.ChangeAsync(practiceId, snapshot.Version,
            p => p.AddPerson(null, new PersonDetails("Smuggled")), Permission.EditSetupTasks));
    }

    [Fact]
    public async Task SecondSaveFromAStaleVersion_IsRefusedSayingWhoChangedWhat()
    {
        var (owner, workspace, consultant) = await WorkspaceWithAsync(MemberRole.Consultant);
        var practiceId = await CreatePracticeAsOwnerAsync(owner);
        await using var ownerIn = await SignInAsync(owner);
        await using var consultantIn = await SignInAsync(consultant);
        var ownersView = (await ownerIn.Get<PracticeStore>().LoadAsync(practiceId))!;
        var consultantsView = (await consultantIn.Get<PracticeStore>().LoadAsync(practiceId))!;

        await ownerIn.Get<PracticeStore>().ChangeAsync(practiceId, ownersView.Version, p => p.UpdateDetails("Owner's name", p.PrimaryState, p.Status, null));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => consultantIn.Get<PracticeStore>()
            .ChangeAsync(practiceId, consultantsView.Version, p => p.UpdateDetails("Consultant's name", p.PrimaryState, p.Status, null)));

        Assert.Contains(owner.Email!, conflict.Message, StringComparison.Ordinal);
        Assert.Contains("changed a practice", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Owner's name", (await ownerIn.Get<PracticeStore>().LoadAsync(practiceId))!.Practice.Name);
    }

    [Fact]
    public async Task RefusedChange_WritesNothing()
    {
        var (owner, _, _) = await WorkspaceWithAsync(MemberRole.Viewer);
        var practiceId = await CreatePracticeAsOwnerAsync(owner);
        await using var signedIn = await SignInAsync(owner);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;
        snapshot = await store.ChangeAsync(practiceId, snapshot.Version, p =>
        {
            var pc = p.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("PC", EntityForm.PC, StateCode.From("TX"), EntityStatus.Active));
            var a = p.AddPerson("a", new PersonDetails("A"));
            p.AddStake("s1", new StakeDetails(pc.Id, StakeOwner.OfPerson(a.Id), Percentage.From(60, "Percent")));
        });

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => store.ChangeAsync(practiceId, snapshot.Version, p =>
        {
            var b = p.AddPerson("b", new PersonDetails("B"));
            p.AddStake("s2", new StakeDetails(p.Entities.Single().Id, StakeOwner.OfPerson(b.Id), Percentage.From(50, "Percent")));
        }));

        Assert.Equal("Percent", error.Field);
        Assert.Contains("110%", error.Message, StringComparison.Ordinal);
        var stored = (await store.LoadAsync(practiceId))!.Practice;
        Assert.Single(stored.People);
        Assert.Single(stored.Stakes);
    }

    [Fact]
    public async Task PracticeOutsideTheMembersScope_IsNotFound()
    {
        var (owner, _, client) = await WorkspaceWithAsync(MemberRole.Client, scopeToNothing: true);
        var practiceId = await CreatePracticeAsOwnerAsync(owner);
        await using var signedIn = await SignInAsync(client);

        Assert.Null(await signedIn.Get<PracticeStore>().LoadAsync(practiceId));
        Assert.Equal(0, (await signedIn.Get<PracticeList>().LoadAsync(new PracticeQuery(0, 25))).TotalCount);
    }

    [Fact]
    public async Task PracticeList_TakesTheSameNumberOfQueriesWhateverThePage()
    {
        var (owner, workspace, _) = await WorkspaceWithAsync(MemberRole.Viewer);
        await using (var db = Host.Services.CreateScope().ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id))
        {
            db.Practices.AddRange(Enumerable.Range(1, 120).Select(i =>
                Practice.Create(workspace.Id, $"Spa {i:000}", StateCode.From(i % 2 == 0 ? "TX" : "FL"), PracticeStatus.Operating, null, DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
        }

        await Host.Services.GetRequiredService<PracticeRiskRefresher>().RefreshStaleAsync();
        await using var signedIn = await SignInAsync(owner);
        var list = signedIn.Get<PracticeList>();
        var counts = new List<int>();
        foreach (var query in new[]
        {
            new PracticeQuery(0, 10), new PracticeQuery(3, 25, PracticeSort.PrimaryState, true), new PracticeQuery(0, 100, Search: "spa 1"),
            new PracticeQuery(1, 25, PracticeSort.RiskScore), new PracticeQuery(0, 50, Risk: RiskFilter.AnyFinding),
        })
        {
            using var counter = new QueryCounter();
            var page = await list.LoadAsync(query);
            Assert.True(query.Risk != RiskFilter.Any || page.Items.Count > 0);
            counts.Add(counter.Count);
        }

        Assert.All(counts, count => Assert.Equal(counts[0], count));
        Assert.True(counts[0] <= 5, $"A page of the list took {counts[0]} queries.");
    }

    [Fact]
    public async Task PracticeList_PagesSortsAndSearches()
    {
        var (owner, workspace, _) = await WorkspaceWithAsync(MemberRole.Viewer);
        await using (var db = Host.Services.CreateScope().ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id))
        {
            db.Practices.AddRange(new[] { ("Bravo", "TX"), ("alpha", "NY"), ("Charlie", "CA"), ("Delta Glow", "FL") }.Select(p =>
                Practice.Create(workspace.Id, p.Item1, StateCode.From(p.Item2), PracticeStatus.Planning, null, DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
        }

        await using var signedIn = await SignInAsync(owner);
        var list = signedIn.Get<PracticeList>();

        Assert.Equal(["alpha", "Bravo"], (await list.LoadAsync(new PracticeQuery(0, 2))).Items.Select(r => r.Name));
        Assert.Equal(["Delta Glow", "Charlie"], (await list.LoadAsync(new PracticeQuery(0, 2, PracticeSort.Name, true))).Items.Select(r => r.Name));
        Assert.Equal(["Charlie", "Delta Glow"], (await list.LoadAsync(new PracticeQuery(0, 2, PracticeSort.PrimaryState))).Items.Select(r => r.Name));
        Assert.Equal(["Delta Glow"], (await list.LoadAsync(new PracticeQuery(0, 10, Search: "GLOW"))).Items.Select(r => r.Name));
        Assert.Equal(4, (await list.LoadAsync(new PracticeQuery(1, 2))).TotalCount);
    }

    private async Task<(MsoManager.Infrastructure.Identity.ApplicationUser Owner, Workspace Workspace, MsoManager.Infrastructure.Identity.ApplicationUser Member)> WorkspaceWithAsync(
        MemberRole role, bool scopeToNothing = false)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await CreateUserAsync($"owner-{tag}@x.test");
        var member = await CreateUserAsync($"{role.ToString().ToLowerInvariant()}-{tag}@x.test");
        var workspace = await CreateWorkspaceAsync($"Workspace {tag}", owner);
        await AddMemberAsync(workspace, member, role, scopeToNothing ? PracticeScope.Listed([Guid.NewGuid()]) : PracticeScope.AllPractices);
        return (owner, workspace, member);
    }

    private async Task<Guid> CreatePracticeAsOwnerAsync(MsoManager.Infrastructure.Identity.ApplicationUser owner)
    {
        await using var signedIn = await SignInAsync(owner);
        return await signedIn.Get<PracticeStore>().CreateAsync("Acme Spa", StateCode.From("TX"), PracticeStatus.Planning, null);
    }
}
