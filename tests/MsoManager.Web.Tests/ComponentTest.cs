using System.Security.Claims;
using Bunit.TestDoubles;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Components;
using MsoManager.Web.Features;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;
using MsoManager.Web.Hosting;
using MudBlazor;
using MudBlazor.Services;

namespace MsoManager.Web.Tests;

/// <summary>
/// A bUnit context with the app's real feature services over a migrated SQLite file, and helpers
/// to arrange a workspace and sign in as one of its members.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"mso-bunit-{Guid.NewGuid():N}.db");

    // Composed rather than inherited: MudBlazor's services are only IAsyncDisposable, and xunit v2 would dispose a BunitContext synchronously.
    private readonly BunitContext _context = new();
    private readonly BunitAuthorizationContext _authorization;

    protected ComponentTest()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _authorization = _context.AddAuthorization();
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_databasePath}"));
        Services.AddAccountStore();
        Services.AddLogging();
        Services.AddValidatorsFromAssemblyContaining<App>(ServiceLifetime.Singleton);
        Services.AddFeatures();
    }

    protected BunitServiceProvider Services => _context.Services;

    protected TenantDbContextFactory Contexts => Services.GetRequiredService<TenantDbContextFactory>();

    public async Task InitializeAsync()
    {
        await using (var db = Contexts.CreateWithoutWorkspace())
        {
            await db.Database.MigrateAsync();
        }

        // What DatabaseInitializer does at start after migrating.
        await Services.GetRequiredService<ShippedStateRules>().RefreshAsync(StateRulesCsv.ShippedText());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent => _context.Render(parameters ?? (_ => { }));

    protected async Task<ApplicationUser> AddUserAsync(string name)
    {
        var user = new ApplicationUser
        {
            UserName = $"{name.ToLowerInvariant()}@x.test",
            Email = $"{name.ToLowerInvariant()}@x.test",
            NormalizedEmail = $"{name.ToUpperInvariant()}@X.TEST",
            NormalizedUserName = $"{name.ToUpperInvariant()}@X.TEST",
            DisplayName = name,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        await using var db = Contexts.CreateWithoutWorkspace();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A workspace owned by <paramref name="owner"/> with practices, the others added in their roles.</summary>
    protected async Task<(Workspace Workspace, IReadOnlyList<Practice> Practices)> AddWorkspaceAsync(
        string name, ApplicationUser owner, string[] practices, params (ApplicationUser User, MemberRole Role, bool FirstPracticeOnly)[] members)
    {
        var workspace = Workspace.Create(name, owner.Id, DateTimeOffset.UtcNow);
        var created = practices.Select(p => Practice.Create(workspace.Id, p, StateCode.From("FL"), PracticeStatus.Operating, null, DateTimeOffset.UtcNow)).ToList();
        foreach (var (user, role, firstOnly) in members)
        {
            workspace.AddMember(user.Id, role, firstOnly ? PracticeScope.Listed([created[0].Id]) : PracticeScope.AllPractices);
        }

        await using var db = Contexts.CreateForWorkspace(workspace.Id);
        db.Workspaces.Add(workspace);
        db.Practices.AddRange(created);
        await db.SaveChangesAsync();
        return (workspace, created);
    }

    /// <summary>Adds a practice to <paramref name="workspaceId"/>, built through the domain's own methods by <paramref name="arrange"/>.</summary>
    protected async Task<Practice> AddPracticeAsync(Guid workspaceId, string name, Action<Practice> arrange, string primaryState = "FL")
    {
        var practice = Practice.Create(workspaceId, name, StateCode.From(primaryState), PracticeStatus.Operating, null, DateTimeOffset.UtcNow);
        arrange(practice);
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice;
    }

    /// <summary>
    /// A practice in <paramref name="workspaceId"/> with a professional entity, a management company
    /// and an MSA between them (title "Glow MSA", in <paramref name="status"/>), built through the
    /// domain; <paramref name="arrange"/> can add more before it is saved.
    /// </summary>
    protected async Task<(Practice Practice, Agreement Msa)> AddPracticeWithMsaAsync(
        Guid workspaceId, AgreementStatus status = AgreementStatus.Draft, MsaTerms? terms = null, Action<Practice>? arrange = null)
    {
        Agreement msa = null!;
        var practice = await AddPracticeAsync(workspaceId, "Glow Spa", p =>
        {
            var pc = p.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("FL"), EntityStatus.Active));
            var mso = p.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("FL"), EntityStatus.Active));
            msa = p.ImportAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", mso.Id, pc.Id, terms ?? MsaTerms.Empty, status);
            arrange?.Invoke(p);
        });
        return (practice, msa);
    }

    /// <summary>
    /// A review of the agreement that <paramref name="requester"/> asked of <paramref name="attorney"/> on
    /// <paramref name="requestedOn"/> (today by default), made through the domain as ReviewService makes it;
    /// with <paramref name="decision"/>, the attorney has decided it (an approval after passing every item). Both must be members of the workspace.
    /// </summary>
    protected async Task<Review> AddReviewAsync(
        Guid workspaceId, Guid agreementId, ApplicationUser attorney, ApplicationUser requester, DateOnly? dueOn = null, string? message = null,
        DateOnly? requestedOn = null, (ReviewDecision Decision, string? Reason)? decision = null)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var agreement = await db.Set<Agreement>().SingleAsync(a => a.Id == agreementId);
        var members = await db.Members.Where(m => m.UserId == attorney.Id || m.UserId == requester.Id).ToListAsync();
        var attorneyMember = members.Single(m => m.UserId == attorney.Id);
        var today = requestedOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var at = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var asAttorney = new ReviewParticipant(attorney.Id, attorney.DisplayName, attorneyMember.Role);
        var review = Review.Request(
            agreement, asAttorney, attorneyMember.Scope, new ReviewParticipant(requester.Id, requester.DisplayName, members.Single(m => m.UserId == requester.Id).Role),
            hasOpenReview: await db.Reviews.AnyAsync(r => r.AgreementId == agreementId && r.Status == ReviewStatus.Open), dueOn, message, today, at);
        if (decision is { } decided)
        {
            foreach (var code in decided.Decision == ReviewDecision.Approve ? ReviewChecklist.Codes : [])
            {
                review.Assess(code, Assessment.Pass, null, asAttorney, at);
            }

            review.Decide(agreement, decided.Decision, decided.Reason, asAttorney, at.AddHours(1));
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }

    /// <summary>Opens the practice page on <paramref name="section"/>, with the popover and dialog providers its editors need.</summary>
    protected (IRenderedComponent<PracticeView> Page, IRenderedComponent<MudDialogProvider> Dialogs) OpenPractice(Guid practiceId, string section)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(PracticeLinks.Practice(practiceId, section));
        return (Render<PracticeView>(p => p.Add(v => v.Id, practiceId)), dialogs);
    }

    /// <summary>Signs <paramref name="user"/> in and opens their workspace, as MainLayout does.</summary>
    protected async Task<WorkspaceSession> SignInAsync(ApplicationUser user)
    {
        _authorization.SetAuthorized(user.Email!);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        var session = Services.GetRequiredService<WorkspaceSession>();
        await session.InitializeAsync();
        return session;
    }
}
