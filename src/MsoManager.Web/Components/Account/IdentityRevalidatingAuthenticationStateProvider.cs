using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MsoManager.Infrastructure.Identity;

namespace MsoManager.Web.Components.Account;

/// <summary>
/// Re-checks the signed-in user of every open circuit (interval: <c>Identity:RevalidationMinutes</c>):
/// a deleted or deactivated account, or one whose security stamp changed (password changed,
/// signed out everywhere), loses its session.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromMinutes(configuration.GetValue("Identity:RevalidationMinutes", 1.0));

    /// <summary>Whether <paramref name="principal"/> still stands for an active account with the same security stamp.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        // A new scope so the user is read fresh from the database.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDeactivated)
        {
            return false;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);
}
