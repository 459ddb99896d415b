using FluentValidation;
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

/// <summary>What adding someone did: added an existing account, or created an invitation link to pass on.</summary>
public sealed record AddMemberResult(bool Added, string? InvitationPath);

/// <summary>One page of members plus the workspace version the page's edits must be based on, and the workspace's two-step sign-in setting.</summary>
public sealed record MembersPage(IReadOnlyList<MemberRow> Items, int TotalCount, uint WorkspaceVersion, bool RequiresTwoStepSignIn = false);

/// <summary>
/// The Owner's management of members: add or invite, change roles and scopes, remove, revoke
/// invitations and deactivate accounts that belong to this workspace only. Every change is checked
/// against the workspace version the Owner saw, so two Owners cannot silently undo each other.
/// </summary>
public sealed class MembersService(
    WorkspaceSession session,
    TenantDbContextFactory contexts,
    IValidator<AddMemberForm> addValidator,
    IValidator<ScopeForm> scopeValidator,
    IServiceScopeFactory scopes,
    TimeProvider time)
{
    public async Task<MembersPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await db.Workspaces.Select(w => new { Version = EF.Property<uint>(w, ConcurrencyVersion.PropertyName), w.RequiresTwoFactor }).SingleAsync(cancellationToken);
        var query = from m in db.Members
                    join u in db.Users on m.UserId equals u.Id
                    orderby u.DisplayName, u.Email, m.Id
                    select new { Member = m, u.DisplayName, u.Email, u.DeactivatedAt, u.TwoFactorEnabled };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page * pageSize).Take(pageSize).AsNoTracking().ToListAsync(cancellationToken);
        return new MembersPage(
            [.. rows.Select(r => new MemberRow(r.Member.Id, r.Member.UserId, r.DisplayName, r.Email ?? "", r.Member.Role, r.Member.Scope, r.DeactivatedAt is not null, r.TwoFactorEnabled))],
            total,
            workspace.Version,
            workspace.RequiresTwoFactor);
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

    /// <summary>Adds an existing account as a member, or creates an invitation link for a new one.</summary>
    public async Task<AddMemberResult> AddOrInviteAsync(AddMemberForm form, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await addValidator.ValidateAndThrowAsync(form, cancellationToken);
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await LoadAsync(db, workspaceVersion, cancellationToken);

        var normalizedEmail = form.Email.Trim().ToUpperInvariant();
        var existing = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        if (existing is not null)
        {
            workspace.AddMember(existing.Id, form.Role, form.ToScope());
            await SaveAsync(db, workspace, cancellationToken);
            return new AddMemberResult(true, null);
        }

        var now = time.GetUtcNow();
        var earlier = await db.Invitations
            .Where(i => i.Email.ToUpper() == normalizedEmail && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        earlier.ForEach(i => i.Revoke(now));

        var token = InvitationTokens.NewToken();
        db.Invitations.Add(Invitation.Create(workspace.Id, form.Email, form.Role, form.ToScope(), InvitationTokens.Hash(token), session.UserId!, now));
        await SaveAsync(db, workspace, cancellationToken);
        return new AddMemberResult(false, $"Account/AcceptInvitation?token={token}");
    }

    public async Task ChangeRoleAsync(Guid memberId, MemberRole role, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await LoadAsync(db, workspaceVersion, cancellationToken);
        workspace.ChangeRole(memberId, role);
        await SaveAsync(db, workspace, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
    }

    public async Task ChangeScopeAsync(Guid memberId, ScopeForm form, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await scopeValidator.ValidateAndThrowAsync(form, cancellationToken);
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await LoadAsync(db, workspaceVersion, cancellationToken);
        workspace.ChangeScope(memberId, form.ToScope());
        await SaveAsync(db, workspace, cancellationToken);
    }

    public async Task RemoveAsync(Guid memberId, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var workspace = await LoadAsync(db, workspaceVersion, cancellationToken);
        workspace.RemoveMember(memberId);
        await SaveAsync(db, workspace, cancellationToken);
        await session.RefreshMembershipsAsync(cancellationToken);
    }

    /// <summary>
    /// Turns on or off the requirement that every member signs in with two steps. An Owner turns it on
    /// only once their own account has it, so the setting never shuts out the person who set it.
    /// </summary>
    public async Task RequireTwoStepSignInAsync(bool required, uint workspaceVersion, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        if (required && !await db.Users.AnyAsync(u => u.Id == session.UserId && u.TwoFactorEnabled, cancellationToken))
        {
            throw new NotPermittedException("Set up two-step sign-in for your own account first (account menu, Two-step sign-in), then require it of everyone.");
        }

        var workspace = await LoadAsync(db, workspaceVersion, cancellationToken);
        workspace.RequireTwoFactor(required);
        await SaveAsync(db, workspace, cancellationToken);
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

    private static async Task<Workspace> LoadAsync(AppDbContext db, uint workspaceVersion, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.Include(w => w.Members).SingleAsync(cancellationToken);
        ConcurrencyVersion.ExpectOriginal(db, workspace, workspaceVersion);
        return workspace;
    }

    private static async Task SaveAsync(AppDbContext db, Workspace workspace, CancellationToken cancellationToken)
    {
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
    }
}
