using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// The API's "Bearer" scheme: finds the token by its SHA-256 hash and accepts it while it has not
/// expired and its account is active (not deactivated, not locked out). Unauthenticated API calls get a 401 problem, never the
/// cookie scheme's redirect to the sign-in page.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantDbContextFactory contexts,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The account's display name, carried so a request needs no second read of the account.</summary>
    public const string DisplayNameClaim = "mso:display_name";

    /// <summary>The workspace the account used last, the default for calls that name none.</summary>
    public const string LastWorkspaceClaim = "mso:last_workspace";

    /// <summary>The id of the token the request came with, so the token list can mark it.</summary>
    public const string TokenIdClaim = "mso:token_id";

    // Writing "last used" on every request would turn every read into a write; once a minute is enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiToken.Hash(header["Bearer ".Length..].Trim());
        var now = time.GetUtcNow();
        await using var db = contexts.CreateWithoutWorkspace();

        // The token and its account in one round trip: this runs on every API request.
        var found = await db.ApiTokens.Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Id, u.Email, u.DisplayName, u.DeactivatedAt, u.LockoutEnabled, u.LockoutEnd, u.LastWorkspaceId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.Token.IsExpired(now))
        {
            return AuthenticateResult.Fail("The token is unknown or has expired.");
        }

        if (found.DeactivatedAt is not null)
        {
            return AuthenticateResult.Fail("The account is deactivated.");
        }

        // Identity's rule (UserManager.IsLockedOutAsync): while a lockout lasts, the account's tokens stop too.
        if (found.LockoutEnabled && found.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("The account is locked out.");
        }

        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt >= LastUsedResolution)
        {
            found.Token.Used(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, found.Id),
            new(ClaimTypes.Name, found.Email ?? found.Id),
            new(DisplayNameClaim, string.IsNullOrWhiteSpace(found.DisplayName) ? found.Email ?? "" : found.DisplayName),
            new(TokenIdClaim, found.Token.Id.ToString()),
            .. found.LastWorkspaceId is { } last ? [new Claim(LastWorkspaceClaim, last.ToString())] : Array.Empty<Claim>(),
        ];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token that has not expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Your role does not allow this.");
}
