using Microsoft.AspNetCore.Identity;
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

    /// <summary>The one answer for every refusal, so it reveals neither which accounts exist nor which are locked.</summary>
    private const string Refused = "The email and password do not match an active account, or it is locked after too many failed attempts.";

    /// <summary><c>code</c>: the authenticator app's current code, for accounts with two-step sign-in.</summary>
    public sealed record TokenRequest(string? Email, string? Password, string? Code = null);

    private const string TwoStepCodeRefused =
        "This account uses two-step sign-in: send the 6-digit code its authenticator app shows now as code. Wrong codes count toward lockout.";

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

        // The second step holds for the API too, or a password alone would open an account that has it.
        if (await users.GetTwoFactorEnabledAsync(user)
            && !await VerifyTwoStepCodeAsync(users, user, request.Code))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: TwoStepCodeRefused);
        }

        var (record, token) = ApiToken.Issue(user.Id, time.GetUtcNow(), TokenLifetime);
        await using var db = contexts.CreateWithoutWorkspace();
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, record.ExpiresAt));
    }

    private static async Task<bool> VerifyTwoStepCodeAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoStepSignIn.Normalize(code)))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }
}
