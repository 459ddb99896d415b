using Microsoft.AspNetCore.Identity;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Api;

/// <summary>POST /api/v1/auth/token: a bearer token for an email and password.</summary>
internal static class AuthEndpoints
{
    /// <summary>The name of the rate-limiting policy on the token endpoint.</summary>
    public const string RateLimitPolicy = "api-token";

    /// <summary>How long a token is valid (a working day, like the sign-in cookie).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The one answer for every refusal, so it reveals neither which accounts exist nor which are locked.</summary>
    private const string Refused = "The email and password do not match an active account, or it is locked after too many failed attempts.";

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
        TokenRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        TenantDbContextFactory contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: Refused);
        }

        // The same check as the sign-in page: a wrong password counts toward lockout, a deactivated account is refused.
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: Refused);
        }

        var (record, token) = ApiToken.Issue(user.Id, time.GetUtcNow(), TokenLifetime);
        await using var db = contexts.CreateWithoutWorkspace();
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, record.ExpiresAt));
    }
}
