using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Hosting;

namespace MsoManager.Web.Components.Account;

/// <summary>
/// Identity's sign-in manager, refusing deactivated accounts on every sign-in path, spending the
/// same work (one password hash check) on every refusal, so the time of an answer does not tell an
/// unknown, locked or deactivated account from one with a wrong password, and counting wrong
/// recovery codes toward lockout like wrong passwords and authenticator codes.
/// </summary>
internal sealed class AccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    DecoyPasswordHash decoy)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The one answer to every refused sign-in, page and API alike: it reveals neither which accounts exist nor which are locked or deactivated.</summary>
    public static readonly string Refused =
        $"The email and password do not match an active account, or the account is locked after too many failed attempts; if so, try again in {AccountsSetup.LockoutMinutes} minutes.";

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDeactivated && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
        await FindAsync(userName, password) is { } user
            ? await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure)
            : SignInResult.Failed;

    /// <summary>
    /// The account named <paramref name="userName"/> when <paramref name="password"/> is its password and it may
    /// sign in now, else null; a wrong password counts toward lockout. For sign-ins that set no cookie (API tokens).
    /// </summary>
    public async Task<ApplicationUser?> CheckPasswordAsync(string userName, string password, bool lockoutOnFailure) =>
        await FindAsync(userName, password) is { } user && (await CheckPasswordSignInAsync(user, password, lockoutOnFailure)).Succeeded
            ? user
            : null;

    /// <summary>
    /// For a sign-in that sets no cookie (API tokens), once the password is right: true when the account
    /// has no second step or <paramref name="code"/> is its authenticator app's current code. A wrong code
    /// counts toward lockout, like on the code page.
    /// </summary>
    public async Task<bool> CheckSecondStepAsync(ApplicationUser user, string? code)
    {
        if (!await UserManager.GetTwoFactorEnabledAsync(user))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(code) && await TwoStepSignIn.IsCurrentCodeAsync(UserManager, user, code))
        {
            await UserManager.ResetAccessFailedCountAsync(user);
            return true;
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            await UserManager.AccessFailedAsync(user);
        }

        return false;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked or deactivated account before it reads the password: quickly, which would tell.
        if (await PreSignInCheck(user) is { } refused)
        {
            CheckDecoy(password);
            return refused;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private async Task<ApplicationUser?> FindAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            CheckDecoy(password);
        }

        return user;
    }

    private void CheckDecoy(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(DecoyPasswordHash.Owner, decoy.For(UserManager.PasswordHasher), password);

    // Identity leaves recovery codes out of lockout (they are random) and lets a locked account use
    // one; here a locked account waits like on every other path, and each wrong code counts.
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded)
        {
            return result;
        }

        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}

/// <summary>
/// The hash of a random password no one knows, made once with the app's own hasher (so with its
/// iteration count): checking a password against it costs what checking an account's does.
/// </summary>
internal sealed class DecoyPasswordHash
{
    /// <summary>Stands in for the account the hash would belong to; the hasher does not read it.</summary>
    public static readonly ApplicationUser Owner = new();

    private string? _hash;

    public string For(IPasswordHasher<ApplicationUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Owner, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
}
