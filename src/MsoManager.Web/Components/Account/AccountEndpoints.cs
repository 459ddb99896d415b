using Microsoft.AspNetCore.Http.Extensions;
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
            HttpRequest request,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            // Signed out first, whatever the return address: a bad one only changes where the browser goes next.
            await signInManager.SignOutAsync();
            var appBase = new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, "/"));
            return TypedResults.Redirect(IdentityRedirectManager.LocalOrHome(returnUrl, appBase).AbsoluteUri);
        });
    }
}
