using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Components.Account;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// POST /api/v1/auth/token: a bearer token for an email and password; GET /api/v1/auth/tokens and
/// DELETE /api/v1/auth/tokens/{id}: the caller's own tokens, listed and revoked.
/// </summary>
internal static class AuthEndpoints
{
    /// <summary>The name of the rate-limiting policy on the token endpoint.</summary>
    public const string RateLimitPolicy = "api-token";

    /// <summary>How long a token is valid (a working day, like the sign-in cookie).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    /// <summary><c>code</c>: the authenticator app's current code, for accounts with two-step sign-in.</summary>
    public sealed record TokenRequest(string? Email, string? Password, string? Code = null);

    private const string TwoStepCodeRefused =
        "This account uses two-step sign-in: send the 6-digit code its authenticator app shows now as code. Wrong codes count toward lockout.";

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    /// <summary>One of the caller's tokens; <c>current</c> marks the one this request came with.</summary>
    public sealed record TokenListItem(Guid Id, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, bool Current);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", IssueAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Authentication")
            .WithSummary("Exchange an email and password for a bearer token (8 hours)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The token list and revocation, mapped on the group that requires a token.</summary>
    public static void MapTokenEndpoints(this IEndpointRouteBuilder authenticated)
    {
        var tokens = authenticated.MapGroup("/auth/tokens").WithTags("Authentication");
        tokens.MapGet("", ListAsync)
            .WithSummary("Your tokens that have not expired, newest first (never the token itself: a fingerprint, the first 8 hex characters of its SHA-256)");
        tokens.MapDelete("/{id:guid}", RevokeAsync)
            .WithSummary("Revoke one of your tokens (the current one too); it is refused from the next request on")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<TokenListItem[]>> ListAsync(ClaimsPrincipal user, ApiTokenStore store, CancellationToken cancellationToken)
    {
        var current = user.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim);
        var tokens = await store.ListAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return TypedResults.Ok(tokens.Select(t => new TokenListItem(t.Id, t.Fingerprint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.Id.ToString() == current)).ToArray());
    }

    private static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, ApiTokenStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("That token");

    private static async Task<IResult> IssueAsync(
        TokenRequest request, AccountSignInManager signIn, TenantDbContextFactory contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        // The same check as the sign-in page, with the same work and answer for an unknown, wrong, locked or
        // deactivated account; a wrong password counts toward lockout.
        var user = string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)
            ? null
            : await signIn.CheckPasswordAsync(request.Email.Trim(), request.Password, lockoutOnFailure: true);
        if (user is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: AccountSignInManager.Refused);
        }

        // The second step holds for the API too, or a password alone would open an account that has it.
        if (!await signIn.CheckSecondStepAsync(user, request.Code))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: TwoStepCodeRefused);
        }

        var (record, token) = ApiToken.Issue(user.Id, time.GetUtcNow(), TokenLifetime);
        await using var db = contexts.CreateWithoutWorkspace();
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, record.ExpiresAt));
    }
}
