using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Infrastructure.Identity;
using MsoManager.Web.Components.Account;

namespace MsoManager.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class AccountTests(PostgresFixture postgres) : TestApp(postgres)
{
    private const string WrongPassword = "not the password at all";

    [Fact]
    public async Task SignIn_WithRightPassword_RedirectsIntoTheApp()
    {
        await CreateUserAsync("ok@x.test");
        using var pages = new AccountPages(Host);

        var response = await pages.SignInAsync("ok@x.test", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Lockout", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    /// <summary>Return addresses that lead off the app: another site, a scheme, protocol-relative and backslash forms.</summary>
    public static TheoryData<string> ForeignReturnUrls => ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "\\evil.example"];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task SignIn_WithAForeignReturnUrl_SignsInAndGoesHome(string returnUrl)
    {
        await CreateUserAsync("ok@x.test");
        using var pages = new AccountPages(Host);

        var response = await pages.SignInAsync("ok@x.test", Password, returnUrl);

        Assert.Equal(pages.Home, pages.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Theory]
    [InlineData("/practices?state=TX", "practices?state=TX")]
    [InlineData("workspace/members", "workspace/members")]
    [InlineData("http://localhost/state-rules", "state-rules")]
    public async Task SignIn_WithALocalReturnUrl_GoesThere(string returnUrl, string expected)
    {
        await CreateUserAsync("ok@x.test");
        using var pages = new AccountPages(Host);

        var response = await pages.SignInAsync("ok@x.test", Password, returnUrl);

        Assert.Equal(new Uri(pages.Home, expected), pages.RedirectTarget(response));
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task SignOut_WithAForeignReturnUrl_SignsOutAndGoesHome(string returnUrl)
    {
        await CreateUserAsync("out@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("out@x.test", Password);

        var response = await pages.SignOutAsync(returnUrl);

        Assert.Equal(pages.Home, pages.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithALocalReturnUrl_SignsOutAndGoesThere()
    {
        await CreateUserAsync("out@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("out@x.test", Password);

        var response = await pages.SignOutAsync("/Account/Login");

        Assert.Equal(new Uri(pages.Home, "Account/Login"), pages.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        await CreateUserAsync("locked@x.test");
        using var pages = new AccountPages(Host);
        var first = await AccountPages.ComparableAsync(await pages.SignInAsync("locked@x.test", WrongPassword), "locked@x.test");

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            Assert.Equal(first, await AccountPages.ComparableAsync(await pages.SignInAsync("locked@x.test", WrongPassword), "locked@x.test"));
        }

        var right = await pages.SignInAsync("locked@x.test", Password);

        // The lockout shows as the same refusal as a wrong password, so it tells nothing about the account.
        Assert.StartsWith("200 ", first, StringComparison.Ordinal);
        Assert.Contains("locked after too many failed attempts", first, StringComparison.Ordinal);
        Assert.Equal(first, await AccountPages.ComparableAsync(right, "locked@x.test"));
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("locked@x.test"))!));
    }

    [Fact]
    public async Task SignIn_UnknownWrongLockedOrDeactivated_AllGetTheSamePage()
    {
        await CreateAccountsToRefuseAsync();
        using var pages = new AccountPages(Host);

        var unknown = await AccountPages.ComparableAsync(await pages.SignInAsync("nobody@x.test", Password), "nobody@x.test");
        var wrong = await AccountPages.ComparableAsync(await pages.SignInAsync("wrong@x.test", WrongPassword), "wrong@x.test");
        var locked = await AccountPages.ComparableAsync(await pages.SignInAsync("locked@x.test", Password), "locked@x.test");
        var deactivated = await AccountPages.ComparableAsync(await pages.SignInAsync("gone@x.test", Password), "gone@x.test");

        Assert.Contains("do not match an active account", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, deactivated);
    }

    [Theory]
    [MemberData(nameof(RefusedEmails), MemberType = typeof(TestApp))]
    public async Task SignIn_Refused_ChecksOnePasswordHashAsCostlyAsAnAccountsOwn(string email)
    {
        var account = await CreateAccountsToRefuseAsync();
        var (app, hasher) = WithCountingHasher();
        using var pages = new AccountPages(app);

        await pages.SignInAsync(email, WrongPassword);

        // Timing follows the work: one PBKDF2 check with the accounts' iteration count, whoever the email is.
        var check = Assert.Single(hasher.Checked);
        Assert.Equal(CountingPasswordHasher.IterationsOf(account.PasswordHash!), CountingPasswordHasher.IterationsOf(check));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_CountsTowardLockout()
    {
        await CreateUserAsync("guess@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("guess@x.test", Password);

        HttpResponseMessage last = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last = await pages.ChangePasswordAsync("a wrong current password", "a brand new passphrase");
        }

        Assert.EndsWith("Account/Lockout", last.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync("guess@x.test"))!;
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, Password));
    }

    [Fact]
    public async Task ChangePassword_WithRightCurrentPassword_ChangesIt()
    {
        await CreateUserAsync("change@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("change@x.test", Password);

        var response = await pages.ChangePasswordAsync(Password, "an even better passphrase");

        Assert.Contains("Your password was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("change@x.test"))!, "an even better passphrase"));
    }

    [Theory]
    [InlineData("elevenchars")]
    [InlineData("")]
    public async Task CreateUser_PasswordShorterThan12_IsRefused(string password)
    {
        var result = await TryCreateUserAsync(password);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("alllowercaseletters")]
    [InlineData("a passphrase of sixty-four characters or more is welcome here ok!")]
    public async Task CreateUser_LongPasswordWithoutCompositionRules_IsAccepted(string password)
    {
        var result = await TryCreateUserAsync(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task PasswordHash_UsesPbkdf2WithAtLeast210000Iterations()
    {
        var user = await CreateUserAsync("hash@x.test");

        Assert.True(CountingPasswordHasher.IterationsOf(user.PasswordHash!) >= 210_000);
    }

    [Fact]
    public async Task DeactivatedAccount_CannotSignIn_AndItsOpenSessionFailsRevalidation()
    {
        var user = await CreateUserAsync("gone@x.test");
        await using var scope = Host.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True(await provider.IsStillValidAsync(principal));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DeactivatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(stored);

        Assert.False(await provider.IsStillValidAsync(principal));
        using var pages = new AccountPages(Host);
        var response = await pages.SignInAsync("gone@x.test", Password);
        Assert.Contains("do not match an active account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityStampChange_EndsOpenSessions()
    {
        var user = await CreateUserAsync("stamp@x.test");
        await using var scope = Host.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);

        Assert.False(await provider.IsStillValidAsync(principal));
        Assert.False(await provider.IsStillValidAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private async Task<IdentityResult> TryCreateUserAsync(string password)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var email = $"{Guid.NewGuid():N}@x.test";
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>()
            .CreateAsync(new ApplicationUser { UserName = email, Email = email }, password);
    }
}
