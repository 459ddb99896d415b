using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

/// <summary>What a user does on every visit, written once.</summary>
internal static partial class PageActions
{
    /// <summary>
    /// Creates a Texas practice named <paramref name="name"/> with one professional entity and one
    /// management company ("{brand} Medical PLLC", "{brand} Management LLC"); returns its address.
    /// </summary>
    public static async Task<string> NewPracticeWithPartiesAsync(this IPage page, string name, string brand)
    {
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#new-practice");
        await page.FillAsync("#practice-name", name);
        await page.PickAsync("practice-state", "TX: Texas");
        await page.ClickAsync("#create-practice");
        await page.WaitForURLAsync(PracticeUrl());
        await page.Locator("#practice-heading").Filter(new() { HasText = name }).WaitForAsync();
        var practiceUrl = page.Url;
        await page.OpenPracticeAsync(practiceUrl, "entities");
        await page.ClickAsync("#add-professional-entity");
        await page.FillAsync("#entity-legal-name", $"{brand} Medical PLLC");
        await page.SaveDialogAsync();
        await page.ClickAsync("#add-management-company");
        await page.FillAsync("#entity-legal-name", $"{brand} Management LLC");
        await page.SaveDialogAsync();
        await page.Locator("#entities-table").GetByText($"{brand} Management LLC").WaitForAsync();
        return practiceUrl;
    }

    /// <summary>Signs in through the real form and waits until the interactive app is connected.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.SubmitLoginAsync(email, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    public static async Task SubmitLoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    /// <summary>On the members page, opens "Add or invite", types an email and submits.</summary>
    public static async Task SubmitAddMemberAsync(this IPage page, string email)
    {
        await page.GotoAsync("workspace/members");
        await page.WaitForInteractiveAsync();
        await page.Locator("#members-table tbody tr").First.WaitForAsync();
        await page.ClickAsync("#add-member");
        await page.FillAsync("#member-email", email);
        await page.ClickAsync("#add-member-submit");
    }

    /// <summary>Picks <paramref name="option"/> in the MudSelect whose input has the id <paramref name="selectId"/>.</summary>
    public static async Task PickAsync(this IPage page, string selectId, string option)
    {
        await page.Locator($"#{selectId}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens the named practice from the practice list; returns its page's address (no section).</summary>
    public static async Task<string> OpenPracticeFromListAsync(this IPage page, string name)
    {
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText(name, new() { Exact = true }).ClickAsync();
        await page.Locator("#practice-heading").WaitForAsync();
        return page.Url.Split('?')[0];
    }

    /// <summary>Opens a practice's page on a section and waits until it is interactive.</summary>
    public static async Task OpenPracticeAsync(this IPage page, string practiceUrl, string section)
    {
        await page.GotoAsync($"{practiceUrl}?section={section}");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practice-heading").WaitForAsync();
    }

    /// <summary>Waits until the element shows exactly <paramref name="text"/> (the circuit re-renders after the click returns).</summary>
    public static Task WaitForTextAsync(this IPage page, string selector, string text) =>
        page.Locator(selector).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$") })
            .WaitForAsync();

    /// <summary>Saves the open form dialog and waits for it to close.</summary>
    public static async Task SaveDialogAsync(this IPage page)
    {
        await page.ClickAsync("#form-save");
        await page.Locator("#form-save").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Clicks before the Blazor circuit connects are lost, so wait for the marker MainLayout sets.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#app-state[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Fails with the rule ids when axe-core finds a serious or critical accessibility violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}");
    }

    [GeneratedRegex(@"/practices/[0-9a-f-]{36}$")]
    private static partial Regex PracticeUrl();
}
