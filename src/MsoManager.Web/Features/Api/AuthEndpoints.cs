using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Components.Account;

namespace MsoManager.Web.Features.Api;

/// <summary>POST /api/v1/auth/token: a bearer token for an email and password.</summary>
internal static class AuthEndpoints
{
    /// <summary>The name of the rate-limiting policy on the token endpoint.</summary>
    public const string RateLimitPolicy = "api-token";

    /// <summary>How long a token is valid (a working day, like the sign-in cookie).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", IssueAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Authentication")
            .WithSummary("Exchange an email and password for a bearer token (8 hours)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

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

        var (record, token) = ApiToken.Issue(user.Id, time.GetUtcNow(), TokenLifetime);
        await using var db = contexts.CreateWithoutWorkspace();
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, record.ExpiresAt));
    }
}
