using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// Every page in Chromium with the Content-Security-Policy enforced (docs/decisions/0011-security-headers.md):
/// no violation anywhere, and the interactive app still works under the policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersTests(BrowserFixture app)
{
    [Fact]
    public void PageLists_EveryRoutablePage_IsWalked()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template.TrimStart('/'));
        var walked = AppPages.SignedOut.Concat(AppPages.SignedIn).Select(path => path.Split('?')[0]).Concat(AppPages.ByRecord)
            .Concat(AppPages.AgreementPages.Select(p => p.Route));

        Assert.Empty(routes.Except(walked, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignedOutPages_UnderThePolicy_ReportNoViolation()
    {
        var page = await app.NewPageAsync();
        var watch = await CspWatch.StartAsync(page);

        foreach (var path in AppPages.SignedOut)
        {
            await VisitAsync(page, watch, path);
        }

        watch.AssertNone();
    }

    [Fact]
    public async Task SignedInPages_UnderThePolicy_ReportNoViolation()
    {
        var page = await app.NewPageAsync();
        var watch = await CspWatch.StartAsync(page);
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await watch.CollectAsync(page, "sign-in");

        foreach (var path in AppPages.SignedIn)
        {
            await VisitAsync(page, watch, path);
        }

        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText(AppPages.DemoPractice, new() { Exact = true }).ClickAsync();
        await page.Locator("#practice-heading").WaitForAsync();
        var practiceUrl = page.Url.Split('?')[0];
        foreach (var section in AppPages.PracticeSections)
        {
            await page.OpenPracticeAsync(practiceUrl, section);
            await watch.CollectAsync(page, $"practice section {section}");
        }

        foreach (var (_, path) in AppPages.AgreementPages)
        {
            await VisitAsync(page, watch, $"{practiceUrl}/{path}");
        }

        watch.AssertNone();
    }

    [Fact]
    public async Task InteractiveApp_UnderThePolicy_ThemeDialogAndPopoverWork()
    {
        var page = await app.NewPageAsync();
        var watch = await CspWatch.StartAsync(page);
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();

        // Each step waits for the circuit's re-render: the theme's inline <style>, a dialog, a positioned popover.
        await page.ClickAsync("button[aria-label='Switch to dark theme']");
        await page.Locator("button[aria-label='Switch to light theme']").WaitForAsync();
        await page.ClickAsync("#new-practice");
        await page.FillAsync("#practice-name", "Not saved");
        await page.PickAsync("practice-state", "TX: Texas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await page.Locator("#practice-name").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await watch.CollectAsync(page, "practices, after clicks");
        watch.AssertNone();
    }

    [Fact]
    public async Task InlineScript_UnderThePolicy_IsBlockedAndReported()
    {
        var page = await app.NewPageAsync();
        var watch = await CspWatch.StartAsync(page);
        await page.GotoAsync("Account/Login");

        // What an injected script would be: the policy must stop it, and the watch must see that it did.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");
        await watch.CollectAsync(page, "login, after injecting a script");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(watch.Violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }

    private static async Task VisitAsync(IPage page, CspWatch watch, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        if (AppPages.IsInteractive(path))
        {
            await page.WaitForInteractiveAsync();
        }

        await watch.CollectAsync(page, "/" + path);
    }

    /// <summary>
    /// Collects what Chromium reports when the policy blocks something: the securitypolicyviolation events
    /// (listened for before any page script runs) and its console messages about the policy.
    /// </summary>
    private sealed class CspWatch
    {
        private const string Listener = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
            """;

        private readonly List<string> _console = [];
        private readonly List<string> _violations = [];

        public IReadOnlyList<string> Violations => _violations;

        public static async Task<CspWatch> StartAsync(IPage page)
        {
            var watch = new CspWatch();
            await page.AddInitScriptAsync(Listener);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (watch._console)
                    {
                        watch._console.Add(message.Text);
                    }
                }
            };
            return watch;
        }

        public void AssertNone() => Assert.True(_violations.Count == 0, "Content Security Policy violations:\n" + string.Join("\n", _violations));

        /// <summary>Waits for the page to settle, then files what it reported under <paramref name="where"/>.</summary>
        public async Task CollectAsync(IPage page, string where)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var events = await page.EvaluateAsync<string[]>("() => (window.__cspViolations || []).splice(0)");
            _violations.AddRange(events.Select(e => $"{where}: {e}"));
            lock (_console)
            {
                _violations.AddRange(_console.Select(m => $"{where}: console: {m}"));
                _console.Clear();
            }
        }
    }
}
