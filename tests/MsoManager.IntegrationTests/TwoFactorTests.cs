using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;
using MsoManager.Web.Components.Account;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.IntegrationTests;

/// <summary>Two-step sign-in: authenticator codes, recovery codes, lockout, and the workspace requirement on every path.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoFactorTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Fact]
    public async Task EnableAuthenticator_WithCodeFromTheShownKey_TurnsItOnAndShowsTenRecoveryCodes()
    {
        await CreateUserAsync("setup@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("setup@x.test", Password);
        var setup = await (await pages.GetAsync("/Account/Manage/EnableAuthenticator")).Content.ReadAsStringAsync();
        var key = ShownKey(setup);

        var response = await pages.SubmitAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator", new() { ["Input.Code"] = Totp.Code(key) });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
        Assert.Equal(TwoStepSignIn.RecoveryCodeCount, RecoveryCodes(html).Count);
        Assert.True((await FindUserAsync("setup@x.test")).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task EnableAuthenticator_WithWrongCode_LeavesItOff()
    {
        await CreateUserAsync("wrongsetup@x.test");
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("wrongsetup@x.test", Password);
        var key = ShownKey(await (await pages.GetAsync("/Account/Manage/EnableAuthenticator")).Content.ReadAsStringAsync());

        var response = await pages.SubmitAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator", new() { ["Input.Code"] = Totp.WrongCode(key) });

        Assert.Contains("That code is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindUserAsync("wrongsetup@x.test")).TwoFactorEnabled);
    }

    [Fact]
    public async Task SignIn_WithTwoStepOn_AsksForTheCodeBeforeLettingIn()
    {
        var user = await CreateUserAsync("twostep@x.test");
        var (key, _) = await EnableTwoStepAsync(user);
        using var pages = new AccountPages(Host);

        var password = await pages.SignInAsync("twostep@x.test", Password);
        var notYet = await pages.GetAsync("/Account/Manage/ChangePassword");
        var code = await pages.SubmitAsync(CodePage(password), "login-with-2fa", new() { ["Input.Code"] = Totp.Code(key) });

        Assert.Contains("Account/LoginWith2fa", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Account/Login", notYet.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.DoesNotContain("Account/", code.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithRememberThisDevice_SkipsTheCodeOnThatDeviceOnly()
    {
        var user = await CreateUserAsync("remember@x.test");
        var (key, _) = await EnableTwoStepAsync(user);
        using var device = new AccountPages(Host);
        var first = await device.SignInAsync("remember@x.test", Password);
        await device.SubmitAsync(CodePage(first), "login-with-2fa", new() { ["Input.Code"] = Totp.Code(key), ["Input.RememberMachine"] = "true" });
        await device.SignOutAsync();

        var again = await device.SignInAsync("remember@x.test", Password);
        using var otherDevice = new AccountPages(Host);
        var elsewhere = await otherDevice.SignInAsync("remember@x.test", Password);

        Assert.DoesNotContain("Account/", again.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Account/LoginWith2fa", elsewhere.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithRecoveryCode_WorksOnceOnly()
    {
        var user = await CreateUserAsync("recovery@x.test");
        var (_, codes) = await EnableTwoStepAsync(user);

        var first = await SignInWithRecoveryCodeAsync("recovery@x.test", codes[0]);
        var second = await SignInWithRecoveryCodeAsync("recovery@x.test", codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.DoesNotContain("Account/", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already used", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TwoStepSignIn.RecoveryCodeCount - 1, await CountRecoveryCodesAsync("recovery@x.test"));
    }

    [Fact]
    public async Task SignIn_WrongCodeFiveTimes_LocksTheAccountEvenForTheRightCode()
    {
        var user = await CreateUserAsync("guesscode@x.test");
        var (key, _) = await EnableTwoStepAsync(user);
        using var pages = new AccountPages(Host);
        var codePage = CodePage(await pages.SignInAsync("guesscode@x.test", Password));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await pages.SubmitAsync(codePage, "login-with-2fa", new() { ["Input.Code"] = Totp.WrongCode(key) });
            Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await pages.SubmitAsync(codePage, "login-with-2fa", new() { ["Input.Code"] = Totp.WrongCode(key) });
        var right = await pages.SubmitAsync(codePage, "login-with-2fa", new() { ["Input.Code"] = Totp.Code(key) });

        Assert.EndsWith("Account/Lockout", fifth.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Account/Lockout", right.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(await IsLockedOutAsync("guesscode@x.test"));
    }

    [Fact]
    public async Task SignIn_WrongRecoveryCodeFiveTimes_LocksTheAccount()
    {
        var user = await CreateUserAsync("guessrecovery@x.test");
        var (_, codes) = await EnableTwoStepAsync(user);
        using var pages = new AccountPages(Host);
        var recoveryPage = CodePage(await pages.SignInAsync("guessrecovery@x.test", Password)).Replace("LoginWith2fa", "LoginWithRecoveryCode", StringComparison.Ordinal);

        HttpResponseMessage last = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last = await pages.SubmitAsync(recoveryPage, "login-with-recovery-code", new() { ["Input.RecoveryCode"] = "nope0-nope0" });
        }

        var right = await pages.SubmitAsync(recoveryPage, "login-with-recovery-code", new() { ["Input.RecoveryCode"] = codes[0] });

        Assert.EndsWith("Account/Lockout", last.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Account/Lockout", right.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TwoStepSignIn.RecoveryCodeCount, await CountRecoveryCodesAsync("guessrecovery@x.test"));
    }

    [Fact]
    public async Task WorkspaceRequiringTwoStep_MemberWithoutIt_IsSentToSetupWithTheReason()
    {
        var (_, workspace) = await RequiringWorkspaceAsync("pages");
        var member = await CreateUserAsync("member.pages@x.test");
        await AddMemberAsync(workspace, member, MemberRole.Consultant);
        using var pages = new AccountPages(Host);
        await pages.SignInAsync("member.pages@x.test", Password);

        var home = await pages.GetAsync("/");
        var setup = await (await pages.GetAsync("/Account/Manage/EnableAuthenticator")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.EndsWith("Account/Manage/EnableAuthenticator", home.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Workspace pages requires two-step sign-in; set it up to continue.", WebUtility.HtmlDecode(setup), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceRequiringTwoStep_ServicesRefuseMemberWithoutIt_UntilTheySetItUp()
    {
        var (_, workspace) = await RequiringWorkspaceAsync("services", "Mike Spa");
        var member = await CreateUserAsync("member.services@x.test");
        await AddMemberAsync(workspace, member, MemberRole.Consultant);

        await using (var before = await SignInAsync(member))
        {
            var refused = await Assert.ThrowsAsync<NotPermittedException>(() => before.Get<PracticeList>().LoadAfterAsync(null, 10, null, null));
            Assert.Equal("Workspace services requires two-step sign-in; set it up to continue.", refused.Message);
            Assert.False(before.Session.Can(Permission.ViewPractices));
        }

        await EnableTwoStepAsync(member);

        await using var after = await SignInAsync(member);
        Assert.Equal("Mike Spa", (await after.Get<PracticeList>().LoadAfterAsync(null, 10, null, null)).Items.Single().Name);
    }

    [Fact]
    public async Task WorkspaceRequiringTwoStep_OpenCircuitOfMemberWithoutIt_IsRefusedAtTheNextRead()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("circuit", "November Spa");
        var member = await CreateUserAsync("member.circuit@x.test");
        await AddMemberAsync(workspace, member, MemberRole.Consultant);
        await using var open = await SignInAsync(member);
        Assert.Single((await open.Get<PracticeList>().LoadAfterAsync(null, 10, null, null)).Items);

        await EnableTwoStepAsync(owner);
        await RequireTwoStepAsync(owner, true);

        await Assert.ThrowsAsync<NotPermittedException>(() => open.Get<PracticeList>().LoadAfterAsync(null, 10, null, null));
    }

    [Fact]
    public async Task WorkspaceRequiringTwoStep_ApiRefusesThatWorkspaceToMemberWithoutIt()
    {
        var (_, workspace) = await RequiringWorkspaceAsync("api", "Oscar Spa");
        var member = await CreateUserAsync("member.api@x.test");
        await AddMemberAsync(workspace, member, MemberRole.Consultant);
        using var api = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "member.api@x.test"));

        var refused = await api.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("requires two-step sign-in", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var (key, _) = await EnableTwoStepAsync(member);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api, "member.api@x.test", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_ForAccountWithTwoStep_NeedsTheRightCode()
    {
        var user = await CreateUserAsync("apicode@x.test");
        var (key, _) = await EnableTwoStepAsync(user);
        using var api = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var withoutCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "apicode@x.test", password = Password });
        var wrongCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "apicode@x.test", password = Password, code = Totp.WrongCode(key) });
        var rightCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "apicode@x.test", password = Password, code = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("two-step sign-in", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Viewer)]
    public async Task RequireTwoStepSignIn_AsNonOwner_IsNotPermittedAndChangesNothing(MemberRole role)
    {
        var (_, workspace) = await OwnedWorkspaceAsync($"nonowner{role}");
        var other = await CreateUserAsync($"{role}.require@x.test");
        await AddMemberAsync(workspace, other, role);
        await EnableTwoStepAsync(other);
        await using var signedIn = await SignInAsync(other);

        await Assert.ThrowsAsync<NotPermittedException>(() => signedIn.Get<MembersService>().RequireTwoStepSignInAsync(true, 0));

        Assert.False(await RequiresTwoStepAsync(workspace));
    }

    [Fact]
    public async Task RequireTwoStepSignIn_OwnerWithoutItThemselves_IsRefused()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("ownerwithout");

        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => RequireTwoStepAsync(owner, true));

        Assert.Contains("your own account first", refused.Message, StringComparison.Ordinal);
        Assert.False(await RequiresTwoStepAsync(workspace));
    }

    [Fact]
    public async Task RequireTwoStepSignIn_ByOwnerWithIt_IsSavedAuditedAndListed()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("owner");
        var member = await CreateUserAsync("member.listed@x.test");
        await AddMemberAsync(workspace, member, MemberRole.Client);
        await EnableTwoStepAsync(owner);

        await RequireTwoStepAsync(owner, true);

        Assert.True(await RequiresTwoStepAsync(workspace));
        await using var signedIn = await SignInAsync(owner);
        var page = await signedIn.Get<MembersService>().ListAsync(0, 25);
        Assert.True(page.RequiresTwoStepSignIn);
        Assert.Equal([(owner.Id, true), (member.Id, false)], page.Items.Select(m => (m.UserId, m.HasTwoStepSignIn)).OrderBy(m => m.Item2 ? 0 : 1));
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var audited = await db.AuditEvents.Where(e => e.RecordType == nameof(Workspace)).OrderBy(e => e.Sequence).Select(e => new { e.UserId, e.After }).ToListAsync();
        Assert.Contains(audited, e => e.UserId == owner.Id && e.After!.Contains("\"RequiresTwoFactor\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisableTwoStep_WhileAWorkspaceRequiresIt_IsRefused()
    {
        var (owner, _) = await RequiringWorkspaceAsync("disable");
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(owner.Id))!;

        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => scope.ServiceProvider.GetRequiredService<TwoStepSignIn>().DisableAsync(stored));

        Assert.Equal("Workspace disable requires two-step sign-in, so it stays on while you are a member.", refused.Message);
        Assert.True((await FindUserAsync(owner.Email!)).TwoFactorEnabled);
    }

    /// <summary>Sets two-step sign-in up through the service, as the setup page does; returns the key and recovery codes.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoStepAsync(ApplicationUser user)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var twoStep = scope.ServiceProvider.GetRequiredService<TwoStepSignIn>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        var key = (await twoStep.LoadKeyAsync(stored)).GroupedKey;
        var codes = await twoStep.EnableAsync(stored, Totp.Code(key));
        Assert.NotNull(codes);
        return (key, codes);
    }

    /// <summary>An Owner with two-step sign-in on, and their workspace "Workspace {name}" requiring it.</summary>
    private async Task<(ApplicationUser Owner, Workspace Workspace)> RequiringWorkspaceAsync(string name, params string[] practices)
    {
        var (owner, workspace) = await OwnedWorkspaceAsync(name, practices);
        await EnableTwoStepAsync(owner);
        await RequireTwoStepAsync(owner, true);
        return (owner, workspace);
    }

    private async Task RequireTwoStepAsync(ApplicationUser owner, bool required)
    {
        await using var signedIn = await SignInAsync(owner);
        var members = signedIn.Get<MembersService>();
        await members.RequireTwoStepSignInAsync(required, (await members.ListAsync(0, 1)).WorkspaceVersion);
    }

    private async Task<bool> RequiresTwoStepAsync(Workspace workspace)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        return await db.Workspaces.Select(w => w.RequiresTwoFactor).SingleAsync();
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string email, string recoveryCode)
    {
        using var pages = new AccountPages(Host);
        var recoveryPage = CodePage(await pages.SignInAsync(email, Password)).Replace("LoginWith2fa", "LoginWithRecoveryCode", StringComparison.Ordinal);
        return await pages.SubmitAsync(recoveryPage, "login-with-recovery-code", new() { ["Input.RecoveryCode"] = recoveryCode });
    }

    private static async Task<string> TokenAsync(HttpClient api, string email, string? code = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password, code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    private async Task<ApplicationUser> FindUserAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<int> CountRecoveryCodesAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> IsLockedOutAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The code page the password step redirected to, as a path with its query.</summary>
    private static string CodePage(HttpResponseMessage passwordStep)
    {
        Assert.Equal(HttpStatusCode.Redirect, passwordStep.StatusCode);
        var location = passwordStep.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/');
    }

    private static string ShownKey(string setupPage) => WebUtility.HtmlDecode(AuthenticatorKeyElement().Match(setupPage).Groups[1].Value);

    private static List<string> RecoveryCodes(string page) => [.. RecoveryCode().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex AuthenticatorKeyElement();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
