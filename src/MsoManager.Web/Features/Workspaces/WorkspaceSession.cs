using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>
/// The signed-in user's membership of one workspace. <paramref name="NeedsTwoStepSignIn"/>: the
/// workspace requires two-step sign-in and the user has not set it up, so nothing in it is open to them.
/// </summary>
public sealed record WorkspaceMembership(
    Guid WorkspaceId, string WorkspaceName, MemberRole Role, PracticeScope Scope, bool NeedsTwoStepSignIn = false, string TimeZone = WorkspaceTimeZone.Utc)
{
    public bool Can(Permission permission) => !NeedsTwoStepSignIn && Role.Allows(permission);

    /// <summary>Why a member without two-step sign-in is kept out of a workspace that requires it.</summary>
    public static string TwoStepSignInRequired(string workspaceName) => $"{workspaceName} requires two-step sign-in; set it up to continue.";
}

/// <summary>
/// Who is signed in, which workspaces they belong to and which one they work in, for one circuit.
/// The single place that reads memberships across workspaces, and the single place that decides
/// whether an operation is allowed (<see cref="EnsureAllowedAsync"/>, checked against the database).
/// </summary>
public sealed class WorkspaceSession(
    AuthenticationStateProvider authentication,
    TenantDbContextFactory contexts,
    WorkspaceSelection selection,
    TimeProvider time)
{
    private const string NoLongerAMember = "You are no longer a member of this workspace.";

    private IReadOnlyList<WorkspaceMembership> _memberships = [];

    // Set for an API request: memberships read at its start are trusted until it ends (milliseconds),
    // where a circuit (hours) re-reads them before every operation.
    private bool _forOneRequest;

    /// <summary>Raised after the current workspace changed.</summary>
    public event Action? Changed;

    public string? UserId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IReadOnlyList<WorkspaceMembership> Memberships => _memberships;

    public WorkspaceMembership? Current { get; private set; }

    public bool IsSignedIn => UserId is not null;

    public bool Can(Permission permission) => Current?.Can(permission) == true;

    /// <summary>Loads the user's memberships and opens the last-used workspace (or the first).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        UserId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (UserId is null)
        {
            return;
        }

        await using var db = contexts.CreateWithoutWorkspace();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == UserId, cancellationToken);
        if (user is null)
        {
            UserId = null;
            return;
        }

        DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        Email = user.Email ?? "";
        selection.SignIn(UserId, Email);
        _memberships = await LoadMembershipsAsync(db, UserId, cancellationToken);
        Open(_memberships.FirstOrDefault(m => m.WorkspaceId == user.LastWorkspaceId) ?? _memberships.FirstOrDefault());
    }

    /// <summary>
    /// Signs the bearer of an API token in for one request. The authentication handler has just read
    /// the account, so only the memberships are read here.
    /// </summary>
    public async Task BeginRequestAsync(string userId, string email, string displayName, Guid? lastWorkspaceId, CancellationToken cancellationToken = default)
    {
        UserId = userId;
        Email = email;
        DisplayName = displayName;
        selection.SignIn(userId, email);
        await using var db = contexts.CreateWithoutWorkspace();
        _memberships = await LoadMembershipsAsync(db, userId, cancellationToken);
        _forOneRequest = true;
        Open(_memberships.FirstOrDefault(m => m.WorkspaceId == lastWorkspaceId) ?? _memberships.FirstOrDefault());
    }

    /// <summary>Switches to another workspace the user belongs to and remembers it for the next sign-in.</summary>
    public async Task SwitchAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var target = _memberships.SingleOrDefault(m => m.WorkspaceId == workspaceId)
            ?? throw new NotPermittedException("You are not a member of that workspace.");
        await RememberAsync(workspaceId, cancellationToken);
        Open(target);
    }

    /// <summary>
    /// Opens a workspace the user belongs to for this scope only (an API request), without remembering
    /// it as the last-used one; false when the user is not a member.
    /// </summary>
    public bool Enter(Guid workspaceId)
    {
        if (_memberships.SingleOrDefault(m => m.WorkspaceId == workspaceId) is not { } target)
        {
            return false;
        }

        Open(target);
        return true;
    }

    /// <summary>Creates a workspace owned by the user, on <paramref name="timeZone"/> (UTC when not given), and switches to it.</summary>
    public async Task CreateWorkspaceAsync(string name, string? timeZone = null, CancellationToken cancellationToken = default)
    {
        var userId = UserId ?? throw new NotPermittedException("Sign in first.");
        var workspace = Workspace.Create(name, userId, time.GetUtcNow());
        if (timeZone is not null)
        {
            workspace.ChangeTimeZone(timeZone);
        }

        await using (var db = contexts.CreateForWorkspace(workspace.Id))
        {
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(cancellationToken);
        }

        await RefreshMembershipsAsync(cancellationToken);
        await SwitchAsync(workspace.Id, cancellationToken);
    }

    /// <summary>
    /// Checks, against the database rather than this circuit's memory, that the user still belongs
    /// to the current workspace with a role that allows <paramref name="permission"/>; throws
    /// <see cref="NotPermittedException"/> otherwise. Every service calls it before it reads or writes.
    /// </summary>
    public async Task<WorkspaceMembership> EnsureAllowedAsync(Permission permission, CancellationToken cancellationToken = default)
    {
        if (UserId is null || Current is null)
        {
            throw new NotPermittedException("Open a workspace first.");
        }

        if (_forOneRequest)
        {
            return Allowed(Current, permission);
        }

        await using var db = contexts.CreateDbContext();

        // The workspace's requirement and the account's setting are read with the membership, in the same query,
        // so an Owner turning the requirement on takes effect at a member's next operation.
        var userId = UserId;
        var found = await db.Members.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new
            {
                Member = m,
                NeedsTwoStepSignIn = db.Workspaces.Any(w => w.RequiresTwoFactor) && !db.Users.Any(u => u.Id == userId && u.TwoFactorEnabled),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            throw new NotPermittedException(NoLongerAMember);
        }

        return Allowed(Current with { Role = found.Member.Role, Scope = found.Member.Scope, NeedsTwoStepSignIn = found.NeedsTwoStepSignIn }, permission);
    }

    /// <summary>
    /// Checks <paramref name="permission"/> again against the user's member record as a writer read it under
    /// the workspace's write lock (null: not a member), so a role changed by a save committed since
    /// <see cref="EnsureAllowedAsync"/> counts: an Owner demoted a moment ago no longer acts as one.
    /// </summary>
    public void EnsureStillAllowed(Member? member, Permission permission)
    {
        if (member is null || Current is null || member.UserId != UserId)
        {
            throw new NotPermittedException(NoLongerAMember);
        }

        _ = Allowed(Current with { Role = member.Role, Scope = member.Scope }, permission);
    }

    /// <summary>Re-reads the memberships, for example after the user joined or left a workspace.</summary>
    public async Task RefreshMembershipsAsync(CancellationToken cancellationToken = default)
    {
        if (UserId is null)
        {
            return;
        }

        await using var db = contexts.CreateWithoutWorkspace();
        _memberships = await LoadMembershipsAsync(db, UserId, cancellationToken);
        Open(_memberships.FirstOrDefault(m => m.WorkspaceId == Current?.WorkspaceId) ?? _memberships.FirstOrDefault());
    }

    /// <summary>The membership when it allows <paramref name="permission"/>; else the refusal that says why.</summary>
    private static WorkspaceMembership Allowed(WorkspaceMembership membership, Permission permission) =>
        membership.NeedsTwoStepSignIn ? throw new NotPermittedException(WorkspaceMembership.TwoStepSignInRequired(membership.WorkspaceName))
        : membership.Can(permission) ? membership
        : throw NotAllowed(membership.Role);

    private static NotPermittedException NotAllowed(MemberRole role) =>
        new($"As {(role is MemberRole.Owner or MemberRole.Attorney ? "an" : "a")} {role} you cannot do this.");

    private static async Task<IReadOnlyList<WorkspaceMembership>> LoadMembershipsAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        // The one deliberate cross-workspace read: a user's own memberships, to offer the switcher.
        var memberships = await db.Members.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]).AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Workspaces.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]), m => m.WorkspaceId, w => w.Id, (m, w) => new
            {
                Member = m,
                w.Name,
                w.TimeZone,
                NeedsTwoStepSignIn = w.RequiresTwoFactor && !db.Users.Any(u => u.Id == userId && u.TwoFactorEnabled),
            })
            .ToListAsync(cancellationToken);
        return [.. memberships
            .Select(m => new WorkspaceMembership(m.Member.WorkspaceId, m.Name, m.Member.Role, m.Member.Scope, m.NeedsTwoStepSignIn, m.TimeZone))
            .OrderBy(m => m.WorkspaceName, StringComparer.CurrentCultureIgnoreCase)];
    }

    private async Task RememberAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateWithoutWorkspace();
        await db.Users.Where(u => u.Id == UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastWorkspaceId, workspaceId), cancellationToken);
    }

    private void Open(WorkspaceMembership? membership)
    {
        Current = membership;
        selection.Select(membership?.WorkspaceId ?? Guid.Empty);
        Changed?.Invoke();
    }
}
