using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.Tenancy;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>An invitation as its link shows it to the invitee.</summary>
public sealed record InvitationView(Guid WorkspaceId, string WorkspaceName, string Email, MemberRole Role, bool IsOpen, bool AccountExists);

/// <summary>
/// The invitee's side of an invitation: read it by its link token, then join as a new account or
/// as the existing account with the invited email. Runs outside any workspace, so it finds the
/// invitation by its token hash alone.
/// </summary>
public sealed class InvitationAcceptance(TenantDbContextFactory contexts, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<InvitationView?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        await using var db = contexts.CreateWithoutWorkspace();
        var invitation = await FindInvitationAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        var workspaceName = await db.Workspaces.IgnoreQueryFilters([AppDbContext.WorkspaceFilter])
            .Where(w => w.Id == invitation.WorkspaceId).Select(w => w.Name).SingleAsync(cancellationToken);
        var accountExists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new InvitationView(invitation.WorkspaceId, workspaceName, invitation.Email, invitation.Role, invitation.IsOpen(time.GetUtcNow()), accountExists);
    }

    /// <summary>Creates the invitee's account and makes it a member; returns the new user, or the reasons it was refused.</summary>
    public async Task<(ApplicationUser? User, IReadOnlyList<string> Errors)> AcceptAsNewAccountAsync(
        string token, string displayName, string password, CancellationToken cancellationToken = default)
    {
        var view = await FindAsync(token, cancellationToken);
        if (view is not { IsOpen: true } || view.AccountExists)
        {
            return (null, ["This invitation can no longer be used to create an account."]);
        }

        var user = new ApplicationUser
        {
            UserName = view.Email,
            Email = view.Email,
            EmailConfirmed = true,
            DisplayName = Text.RequireName(displayName, "Name"),
            LastWorkspaceId = view.WorkspaceId,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [.. created.Errors.Select(e => e.Description)]);
        }

        await JoinAsync(token, user, cancellationToken);
        return (user, []);
    }

    /// <summary>Makes the signed-in account a member, when its email is the invited one.</summary>
    public async Task AcceptAsExistingAccountAsync(string token, ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var view = await FindAsync(token, cancellationToken) ?? throw new DomainRuleException("Token", "This invitation link is not valid.");
        if (!string.Equals(view.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("Token", $"This invitation is for {view.Email}; sign in with that account to accept it.");
        }

        await JoinAsync(token, user, cancellationToken);
        user.LastWorkspaceId = view.WorkspaceId;
        await users.UpdateAsync(user);
    }

    private static Task<Invitation?> FindInvitationAsync(AppDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.Hash(token);
        return db.Invitations.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private async Task JoinAsync(string token, ApplicationUser user, CancellationToken cancellationToken)
    {
        Guid workspaceId;
        await using (var lookup = contexts.CreateWithoutWorkspace())
        {
            workspaceId = (await FindInvitationAsync(lookup, token, cancellationToken))?.WorkspaceId
                ?? throw new DomainRuleException("Token", "This invitation link is not valid.");
        }

        await using var db = contexts.CreateForWorkspace(workspaceId, new AuditActor(user.Id, user.Email));
        var invitation = await FindInvitationAsync(db, token, cancellationToken) ?? throw new DomainRuleException("Token", "This invitation link is not valid.");
        var workspace = await db.Workspaces.Include(w => w.Members).SingleAsync(cancellationToken);
        invitation.Accept(time.GetUtcNow());
        workspace.AddMember(user.Id, invitation.Role, invitation.Scope);
        ConcurrencyVersion.Touch(db, workspace);
        await db.SaveChangesAsync(cancellationToken);
    }
}
