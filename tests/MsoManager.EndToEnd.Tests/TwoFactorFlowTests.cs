using Microsoft.Playwright;
using MsoManager.Testing;

namespace MsoManager.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorFlowTests(BrowserFixture app)
{
    private const string Email = "twostep@e2e.test";
    private const string Password = "a passphrase with two steps";

    [Fact]
    public async Task TwoStepSignIn_SetUpFromThePage_IsAskedForAtTheNextSignIn()
    {
        await app.CreateUserAsync(Email, Password);
        var page = await app.NewPageAsync();
        await page.SignInAsync(Email, Password);

        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Two-step sign-in" }).ClickAsync();
        await page.ClickAsync("#set-up");
        await page.Locator("#qr-code").WaitForAsync();
        await Screenshot(page, "setup");
        var key = await page.InnerTextAsync("#authenticator-key");
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("#verify-setup");
        await page.Locator("#recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await Screenshot(page, "recovery-codes");
        await page.ClickAsync("#continue");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Account menu").ClickAsync();
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.SubmitLoginAsync(Email, Password);
        await page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
        await Screenshot(page, "code");
        await page.FillAsync("#code", Totp.Code(key));
        await page.CheckAsync("#remember-machine");
        await page.ClickAsync("#verify-code");

        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        // Signed in: the app itself answers (this account belongs to no workspace yet).
        Assert.Contains("not a member of any workspace", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    // Kept for a person to look at: the pages must read well to someone who is not technical.
    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"2fa-{name}.png"), FullPage = true });
}
