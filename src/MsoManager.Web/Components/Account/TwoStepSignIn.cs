using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Components.Account;

/// <summary>
/// An account's two-step sign-in (an authenticator app's codes, through Identity's own authenticator
/// token provider): setting it up, recovery codes, turning it off, and which of the account's
/// workspaces require it. The account pages call it; it refuses what the workspaces forbid.
/// </summary>
public sealed class TwoStepSignIn(UserManager<ApplicationUser> users, TenantDbContextFactory contexts)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The account's authenticator key, created on first use; it only takes effect once a code from it is confirmed.</summary>
    public async Task<AuthenticatorKey> LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return AuthenticatorKey.For(user.Email ?? user.UserName ?? user.Id, key!);
    }

    /// <summary>
    /// Turns two-step sign-in on when <paramref name="code"/> is the authenticator app's current code,
    /// and returns a new set of recovery codes to show once; null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, string code)
    {
        if (!await IsCurrentCodeAsync(users, user, code))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    /// <summary>Replaces the recovery codes (the old ones stop working) and returns the new ones to show once.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ApplicationUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            throw new NotPermittedException("Set up two-step sign-in first; recovery codes come with it.");
        }

        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
    }

    /// <summary>A new authenticator key: the old app stops working and two-step sign-in is off until the new one is confirmed.</summary>
    public async Task ResetAsync(ApplicationUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Turns two-step sign-in off, unless a workspace the account belongs to requires it.</summary>
    public async Task DisableAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var requiring = await WorkspacesRequiringAsync(user.Id, cancellationToken);
        if (requiring.Count > 0)
        {
            throw new NotPermittedException(
                $"{Names(requiring)} {(requiring.Count == 1 ? "requires" : "require")} two-step sign-in, so it stays on while you are a member.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
    }

    /// <summary>The names of the account's workspaces whose Owners require two-step sign-in of every member.</summary>
    public async Task<IReadOnlyList<string>> WorkspacesRequiringAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateWithoutWorkspace();

        // A deliberate cross-workspace read, like the workspace switcher's: the user's own memberships only.
        return await db.Members.IgnoreQueryFilters([AppDbContext.WorkspaceFilter])
            .Where(m => m.UserId == userId)
            .Join(db.Workspaces.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]).Where(w => w.RequiresTwoFactor), m => m.WorkspaceId, w => w.Id, (m, w) => w.Name)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join("", names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    /// <summary>Whether <paramref name="code"/> is the account's authenticator app's current code (spaces and dashes allowed).</summary>
    public static Task<bool> IsCurrentCodeAsync(UserManager<ApplicationUser> users, ApplicationUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));

    /// <summary>Codes are often typed with the spaces or dashes an app shows; Identity wants the digits only.</summary>
    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
