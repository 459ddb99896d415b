using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MsoManager.Infrastructure.Identity;

namespace MsoManager.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>Goes to <paramref name="uri"/> when it is a page of this app, else home (<see cref="LocalOrHome"/>).</summary>
    public void RedirectTo(string? uri) =>
        navigationManager.NavigateTo(LocalOrHome(uri, new Uri(navigationManager.BaseUri)).AbsoluteUri);

    /// <summary>
    /// The one open-redirect check of sign-in and sign-out: <paramref name="uri"/> (absolute, root-relative or
    /// relative to <paramref name="appBase"/>) as an absolute address when it is a page of this app, else the
    /// home page. Another site, a scheme such as javascript:, "//host" and any backslash (browsers read it
    /// as "/") all go home. The answer is absolute, so a browser cannot read it as another host.
    /// </summary>
    public static Uri LocalOrHome(string? uri, Uri appBase)
    {
        if (string.IsNullOrEmpty(uri) || uri.StartsWith("//", StringComparison.Ordinal) || uri.Contains('\\', StringComparison.Ordinal) || uri.Any(char.IsControl))
        {
            return appBase;
        }

        return Uri.TryCreate(appBase, uri, out var target) && target.AbsoluteUri.StartsWith(appBase.AbsoluteUri, StringComparison.Ordinal)
            ? target
            : appBase;
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
