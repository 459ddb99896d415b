using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MsoManager.Infrastructure.Identity;

namespace MsoManager.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>The account actions that are plain form posts rather than pages.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "~/" : $"~/{returnUrl.TrimStart('/')}");
        });
    }
}
