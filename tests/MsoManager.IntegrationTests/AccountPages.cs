using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>Drives the statically rendered account forms over HTTP, as a browser without JavaScript would.</summary>
internal sealed partial class AccountPages(WebApplicationFactory<Program> host) : IDisposable
{
    private readonly HttpClient _client = host.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null) =>
        PostFormAsync(
            returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts the account menu's sign-out form, with the anti-forgery token of a signed-in page.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string? returnUrl)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenOfAsync("/Account/Manage/ChangePassword") };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await _client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect sends the browser, as an absolute address.</summary>
    public Uri RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(_client.BaseAddress!, response.Headers.Location!);
    }

    public Uri Home => _client.BaseAddress!;

    /// <summary>
    /// A page's status and HTML without what is encrypted afresh for every request (the anti-forgery
    /// token, the persisted component state, the script nonce of the security policy) and the email typed in, so two answers can be compared for
    /// what they tell about the account.
    /// </summary>
    public static async Task<string> ComparableAsync(HttpResponseMessage response, string email)
    {
        var html = await response.Content.ReadAsStringAsync();
        html = ScriptNonce().Replace(PersistedState().Replace(AntiforgeryToken().Replace(html, ""), ""), "");
        return $"{(int)response.StatusCode} " + html.Replace(email, "<email>", StringComparison.Ordinal);
    }

    public Task<HttpResponseMessage> ChangePasswordAsync(string current, string next) =>
        PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    public Task<HttpResponseMessage> RevokeTokenAsync(Guid tokenId) =>
        PostFormAsync("/Account/Manage/ApiTokens", "revoke-token", new() { ["TokenId"] = tokenId.ToString() });

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Posts the form <paramref name="formName"/> of the page at <paramref name="path"/> (query included) with these fields.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string path, string formName, Dictionary<string, string>? fields = null) =>
        PostFormAsync(path, formName, fields ?? []);

    /// <summary>Signs out through the account menu's form, as the app does.</summary>
    public async Task SignOutAsync()
    {
        var html = await (await GetAsync("/Account/Manage/ChangePassword")).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value };
        var response = await _client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenOfAsync(path);
        fields["_handler"] = formName;
        return await _client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<string> AntiforgeryTokenOfAsync(string path)
    {
        var page = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^-]*-->")]
    private static partial Regex PersistedState();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex ScriptNonce();
}
