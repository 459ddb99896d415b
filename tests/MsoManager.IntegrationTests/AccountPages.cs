using System.Net;
using System.Text.RegularExpressions;
using MsoManager.Testing;

namespace MsoManager.IntegrationTests;

/// <summary>Drives the statically rendered account forms over HTTP, as a browser without JavaScript would.</summary>
internal sealed partial class AccountPages(AppHost host) : IDisposable
{
    private readonly HttpClient _client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public Task<HttpResponseMessage> ChangePasswordAsync(string current, string next) =>
        PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

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
        var page = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        fields["_handler"] = formName;
        return await _client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
