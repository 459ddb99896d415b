using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>A member as the members page lists them.</summary>
public sealed record MemberRow(
    Guid MemberId, string UserId, string DisplayName, string Email, MemberRole Role, PracticeScope Scope, bool IsDeactivated, bool HasTwoStepSignIn = false);

/// <summary>An open invitation as the members page lists it.</summary>
public sealed record InvitationRow(Guid Id, string Email, MemberRole Role, DateTimeOffset ExpiresAt);

/// <summary>What adding someone did: added an existing account (<paramref name="Member"/>), or created an invitation link to pass on.</summary>
public sealed record AddMemberResult(MemberRow? Member, InvitationLink? Invitation)
{
    public bool Added => Member is not null;
}

/// <summary>One page of members plus the workspace version the page's edits must be based on, and the workspace's two-step sign-in setting.</summary>
public sealed record MembersPage(IReadOnlyList<MemberRow> Items, int TotalCount, uint WorkspaceVersion, bool RequiresTwoStepSignIn = false, string TimeZone = WorkspaceTimeZone.Utc);

/// <summary>
/// The Owner's management of members, for the members page and the API alike: add or invite, change roles
/// and scopes, remove, revoke invitations and deactivate accounts that belong to this workspace only. The
/// page's changes are checked against the workspace version the Owner saw, so two Owners cannot silently
/// undo each other; the API's (which find a member by email) apply to the workspace as it is. Either way a
/// change runs under the workspace's write lock, so the last-Owner rule sees every change committed before it.
/// </summary>
public sealed class MembersService(
    WorkspaceSession session,
    TenantDbContextFactory contexts,
    IValidator<AddMemberForm> addValidator,
    IValidator<ScopeForm> scopeValidator,
    IServiceScopeFactory scopes,
    TimeProvider time)
{
    /// <summary>Why a practice id cannot be in a member's scope.</summary>
    public const string NotAPracticeOfTheWorkspace = "This is not a practice of this workspace.";

    private static readonly Task<bool> Changed = Task.FromResult(true);

    public async Task<MembersPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await db.Workspaces.Select(w => new { Version = EF.Property<uint>(w, ConcurrencyVersion.PropertyName), w.RequiresTwoFactor, w.TimeZone }).SingleAsync(cancellationToken);
        var query = Rows(db);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page * pageSize).Take(pageSize).AsNoTracking().ToListAsync(cancellationToken);
        return new MembersPage([.. rows.Select(r => r.ToRow())], total, workspace.Version, workspace.RequiresTwoFactor, workspace.TimeZone);
    }

    /// <summary>The member whose account has this email (in any case); null when none has.</summary>
    public async Task<MemberRow?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        return await FindRowAsync(email, cancellationToken);
    }

    public async Task<IReadOnlyList<InvitationRow>> ListOpenInvitationsAsync(CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow();
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. open.Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.ExpiresAt))];
    }

    /// <summary>Practices whose name contains <paramref name="search"/>, for the scope picker.</summary>
    public async Task<IReadOnlyList<PracticeChoice>> SearchPracticesAsync(string? search, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var query = db.Practices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().ToLowerInvariant()}%";
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern));
        }

        return await query.OrderBy(p => p.Name).Take(20).Select(p => new PracticeChoice(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Names of the given practices, to show a member's listed scope.</summary>
    public async Task<IReadOnlyList<PracticeChoice>> PracticesByIdAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        return await db.Practices.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new PracticeChoice(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds an existing account as a member, or creates an invitation link (which works once) for a new one.
    /// <paramref name="workspaceVersion"/>: the version the page was loaded at; null takes the workspace as it is.
    /// </summary>
    public async Task<AddMemberResult> AddOrInviteAsync(AddMemberForm form, uint? workspaceVersion, CancellationToken cancellationToken = default)
    {
        await addValidator.ValidateAndThrowAsync(form, cancellationToken);
        var normalizedEmail = Normalize(form.Email);
        InvitationLink? invitation = null;
        await ChangeAsync(workspaceVersion, async (db, workspace) =>
        {
            await EnsurePracticesOfWorkspaceAsync(db, form, cancellationToken);
            var existing = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                // A conflict with the workspace as it is, not a bad field: the API answers 409.
                if (workspace.HasMember(existing))
                {
                    throw new AlreadyExistsException(Workspace.AlreadyAMember);
                }

                workspace.AddMember(existing, form.Role, form.ToScope());
                return true;
            }

            var now = time.GetUtcNow();
            var earlier = await db.Invitations
                .Where(i => i.Email.ToUpper() == normalizedEmail && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(cancellationToken);
            earlier.ForEach(i => i.Revoke(now));

            var token = InvitationTokens.NewToken();
            var created = Invitation.Create(workspace.Id, form.Email, form.Role, form.ToScope(), InvitationTokens.Hash(token), session.UserId!, now);
            db.Invitations.Add(created);
            invitation = new InvitationLink(token, created.ExpiresAt);
            return true;
        }, cancellationToken);

        return invitation is not null ? new AddMemberResult(null, invitation) : new AddMemberResult(await FindRowAsync(form.Email, cancellationToken), null);
    }

    public async Task ChangeRoleAsync(Guid memberId, MemberRole role, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(workspaceVersion, (_, workspace) =>
        {
            workspace.ChangeRole(memberId, role);
            return Changed;
        }, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
    }

    public async Task ChangeScopeAsync(Guid memberId, ScopeForm form, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await scopeValidator.ValidateAndThrowAsync(form, cancellationToken);
        await ChangeAsync(workspaceVersion, async (db, workspace) =>
        {
            await EnsurePracticesOfWorkspaceAsync(db, form, cancellationToken);
            workspace.ChangeScope(memberId, form.ToScope());
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes the role and scope of the member whose account has this email, at once (the API's change);
    /// returns the member as changed, or null when no member has that email.
    /// </summary>
    public async Task<MemberRow?> ChangeAsync(string email, MemberRole role, ScopeForm scope, CancellationToken cancellationToken = default)
    {
        await scopeValidator.ValidateAndThrowAsync(scope, cancellationToken);
        MemberListing? found = null;
        await ChangeAsync(null, async (db, workspace) =>
        {
            // Tracked: the same Member instance as the workspace's, so the listing shows the change.
            found = await Rows(db, email).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return false;
            }

            await EnsurePracticesOfWorkspaceAsync(db, scope, cancellationToken);
            workspace.ChangeRole(found.Member.Id, role);
            workspace.ChangeScope(found.Member.Id, scope.ToScope());
            return true;
        }, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
        return found?.ToRow();
    }

    public async Task RemoveAsync(Guid memberId, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(workspaceVersion, (_, workspace) =>
        {
            workspace.RemoveMember(memberId);
            return Changed;
        }, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
    }

    /// <summary>Removes the member whose account has this email (the API's removal); false when no member has it.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken = default)
    {
        var removed = await ChangeAsync(null, async (db, workspace) =>
        {
            if (await Rows(db, email).SingleOrDefaultAsync(cancellationToken) is not { } found)
            {
                return false;
            }

            workspace.RemoveMember(found.Member.Id);
            return true;
        }, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// Turns on or off the requirement that every member signs in with two steps. An Owner turns it on
    /// only once their own account has it, so the setting never shuts out the person who set it.
    /// </summary>
    public Task RequireTwoStepSignInAsync(bool required, uint workspaceVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(workspaceVersion, async (db, workspace) =>
        {
            if (required && !await db.Users.AnyAsync(u => u.Id == session.UserId && u.TwoFactorEnabled, cancellationToken))
            {
                throw new NotPermittedException("Set up two-step sign-in for your own account first (account menu, Two-step sign-in), then require it of everyone.");
            }

            workspace.RequireTwoFactor(required);
            return true;
        }, cancellationToken);

    /// <summary>Sets the time zone whose date is the workspace's "today" (findings, deadlines, overdue marks) for every member.</summary>
    public async Task ChangeTimeZoneAsync(string zone, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(workspaceVersion, (_, workspace) =>
        {
            workspace.ChangeTimeZone(zone);
            return Changed;
        }, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
    }

    public async Task RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return;
        }

        invitation.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Stops an account from signing in and ends its open sessions. Allowed only for accounts that
    /// belong to this workspace alone, so one Owner cannot lock someone out of other workspaces.
    /// </summary>
    public async Task SetDeactivatedAsync(Guid memberId, bool deactivated, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new ConcurrencyConflictException("That member is no longer in the workspace; reload the page.");
        if (member.UserId == session.UserId)
        {
            throw new NotPermittedException("You cannot deactivate your own account.");
        }

        var otherWorkspaces = await db.Members.IgnoreQueryFilters([AppDbContext.WorkspaceFilter])
            .CountAsync(m => m.UserId == member.UserId && m.WorkspaceId != member.WorkspaceId, cancellationToken);
        if (otherWorkspaces > 0)
        {
            throw new NotPermittedException("This person also belongs to other workspaces; remove them from this one instead.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(member.UserId) ?? throw new ConcurrencyConflictException("That account no longer exists.");
        user.DeactivatedAt = deactivated ? time.GetUtcNow() : null;
        await users.UpdateAsync(user);
        // A new security stamp invalidates the account's cookies and open circuits at their next check.
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>
    /// One change of the workspace or its members, made by <paramref name="change"/> (false: nothing to change,
    /// nothing saved). The workspace is read under its write lock, after every earlier writer committed, so the
    /// domain's last-Owner rule and the caller's own role are checked against the members as they are: two
    /// Owners demoting each other at the same moment queue, and the second meets the rule.
    /// <paramref name="workspaceVersion"/>: the version the page was loaded at (a change since is refused);
    /// null (the API) changes the workspace as it is.
    /// </summary>
    private async Task<bool> ChangeAsync(uint? workspaceVersion, Func<AppDbContext, Workspace, Task<bool>> change, CancellationToken cancellationToken)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken);
        var workspace = await db.Workspaces.Include(w => w.Members).SingleAsync(cancellationToken);
        session.EnsureStillAllowed(workspace.Members.SingleOrDefault(m => m.UserId == session.UserId), Permission.ManageWorkspace);
        if (workspaceVersion is { } version)
        {
            ConcurrencyVersion.ExpectOriginal(db, workspace, version);
        }

        if (!await change(db, workspace))
        {
            return false;
        }

        ConcurrencyVersion.Touch(db, workspace);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(
                "Another Owner changed the members of this workspace since you loaded the page, so nothing was saved. Reload to see their change, then try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Refuses practice ids in the form's scope that are not practices of this workspace (another workspace's,
    /// or none), naming each by its place in the list as <c>Practices[i]</c>.
    /// </summary>
    private static async Task EnsurePracticesOfWorkspaceAsync(AppDbContext db, ScopeForm form, CancellationToken cancellationToken)
    {
        var ids = form.ListedPracticeIds();
        if (ids.Count == 0)
        {
            return;
        }

        var known = await db.Practices.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var failures = ids.Select((id, i) => (id, i)).Where(p => !known.Contains(p.id))
            .Select(p => new ValidationFailure($"{nameof(ScopeForm.Practices)}[{p.i}]", NotAPracticeOfTheWorkspace))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private async Task<MemberRow?> FindRowAsync(string email, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return (await Rows(db, email).AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToRow();
    }

    /// <summary>The workspace's members with their accounts, ordered as the page lists them; only the one with <paramref name="email"/> when given.</summary>
    private static IQueryable<MemberListing> Rows(AppDbContext db, string? email = null)
    {
        var users = db.Users.AsQueryable();
        if (email is not null)
        {
            var normalizedEmail = Normalize(email);
            users = users.Where(u => u.NormalizedEmail == normalizedEmail);
        }

        return from m in db.Members
               join u in users on m.UserId equals u.Id
               orderby u.DisplayName, u.Email, m.Id
               select new MemberListing(m, u.DisplayName, u.Email, u.DeactivatedAt, u.TwoFactorEnabled);
    }

    // As Identity normalizes emails (upper invariant), so any case finds the account.
    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private sealed record MemberListing(Member Member, string DisplayName, string? Email, DateTimeOffset? DeactivatedAt, bool TwoFactorEnabled)
    {
        public MemberRow ToRow() => new(Member.Id, Member.UserId, DisplayName, Email ?? "", Member.Role, Member.Scope, DeactivatedAt is not null, TwoFactorEnabled);
    }
}
