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
/// expired and its account is active. Unauthenticated API calls get a 401 problem, never the
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
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null || token.IsExpired(now))
        {
            return AuthenticateResult.Fail("The token is unknown or has expired.");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null || user.IsDeactivated)
        {
            return AuthenticateResult.Fail("The account is deactivated.");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            token.Used(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email ?? user.Id)], SchemeName);
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
