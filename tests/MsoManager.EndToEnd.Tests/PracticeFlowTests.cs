using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MsoManager.EndToEnd.Tests;

/// <summary>The practice record in the browser: built by a founder, guarded by roles and by concurrency checks.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PracticeFlowTests(BrowserFixture app)
{
    [Fact]
    public async Task Founder_BuildsAPracticeWithPcMsoOwnersAndMsa_AndABadPercentIsRefused()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#new-practice");
        await page.FillAsync("#practice-name", "Radiance Aesthetics");
        await page.PickAsync("practice-state", "TX: Texas");
        await page.ClickAsync("#create-practice");
        await page.WaitForURLAsync(PracticeUrl());
        await page.Locator("#practice-heading").Filter(new() { HasText = "Radiance Aesthetics" }).WaitForAsync();
        var practiceUrl = page.Url;

        await page.OpenPracticeAsync(practiceUrl, "entities");
        await page.ClickAsync("#add-professional-entity");
        await page.FillAsync("#entity-legal-name", "Radiance Medical PLLC");
        await page.SaveDialogAsync();
        await page.ClickAsync("#add-management-company");
        await page.FillAsync("#entity-legal-name", "Radiance Management LLC");
        await page.SaveDialogAsync();
        await page.Locator("#entities-table").GetByText("Radiance Management LLC").WaitForAsync();

        await page.OpenPracticeAsync(practiceUrl, "people");
        foreach (var name in new[] { "Dr. Rosa Reyes", "Sam Founder" })
        {
            await page.ClickAsync("#add-person");
            await page.FillAsync("#person-name", name);
            await page.SaveDialogAsync();
        }

        await page.OpenPracticeAsync(practiceUrl, "ownership");
        await AddStakeAsync(page, "Radiance Medical PLLC", "Dr. Rosa Reyes", "100");
        await AddStakeAsync(page, "Radiance Management LLC", "Sam Founder", "100");
        await page.WaitForTextAsync("#cap-total-radiance-medical-pllc", "100%");

        // A second owner of the fully owned PC: first a malformed percent, then one that would pass 100%.
        await page.ClickAsync("#add-stake");
        await page.PickAsync("stake-entity", "Radiance Medical PLLC");
        await page.PickAsync("stake-owner", "Sam Founder");
        await page.FillAsync("#stake-percent", "150");
        await page.ClickAsync("#form-save");
        await page.GetByText("Percent must be more than 0 and at most 100").First.WaitForAsync();
        await page.FillAsync("#stake-percent", "10");
        await page.ClickAsync("#form-save");
        // The domain names the percent, so its refusal shows at that field.
        await page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error").Filter(new() { HasText = "110%" }).WaitForAsync();
        await page.ClickAsync("#form-cancel");
        await page.WaitForTextAsync("#cap-total-radiance-medical-pllc", "100%");

        await page.OpenPracticeAsync(practiceUrl, "agreements");
        await page.ClickAsync("#add-agreement");
        await page.FillAsync("#agreement-title", "Radiance MSA");
        // With one management company and one professional entity, the parties are already chosen.
        Assert.Contains("Radiance Management LLC", await page.InnerTextAsync(".mud-dialog"), StringComparison.Ordinal);
        await page.SaveDialogAsync();
        await page.Locator("#agreements-table").GetByText("Radiance MSA").WaitForAsync();
        // The confirmation fades in and out; axe would measure its contrast mid-animation.
        await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Attorney_OpensAPractice_AndCannotChangeIt()
    {
        var (page, practiceUrl) = await OpenDemoPracticeAsync("attorney@demo.test", "Pacific Skin Studio");

        foreach (var section in new[] { "overview", "entities", "ownership", "people" })
        {
            await page.OpenPracticeAsync(practiceUrl, section);
            Assert.Contains("Read only for Attorney", await page.InnerTextAsync("#read-only-chip"), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#edit-practice, #add-professional-entity, #add-stake, #add-person").CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = EditOrRemove() }).CountAsync());
        }

        Assert.Equal(0, await page.Locator("#practices-table").CountAsync());
        Assert.DoesNotContain("Glow Aesthetics", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameStake_TheSecondGetsTheConcurrencyMessage()
    {
        var owner = await app.NewPageAsync();
        var consultant = await app.NewPageAsync();
        await owner.SignInAsync("owner@demo.test", app.DemoPassword);
        await consultant.SignInAsync("consultant@demo.test", app.DemoPassword);
        await owner.GotoAsync("practices");
        await owner.WaitForInteractiveAsync();
        await owner.Locator("#practices-table").GetByText("Coral Med Spa").ClickAsync();
        await owner.WaitForURLAsync(PracticeUrl());
        var practiceUrl = owner.Url;
        await owner.OpenPracticeAsync(practiceUrl, "ownership");
        await consultant.OpenPracticeAsync(practiceUrl, "ownership");

        var stake = new Regex("^Edit Sam Rivera's 100% of Coral Management LLC$");
        await owner.GetByRole(AriaRole.Button, new() { NameRegex = stake }).First.ClickAsync();
        await consultant.GetByRole(AriaRole.Button, new() { NameRegex = stake }).First.ClickAsync();
        await owner.FillAsync("#stake-percent", "90");
        await owner.SaveDialogAsync();
        await consultant.FillAsync("#stake-percent", "80");
        await consultant.ClickAsync("#form-save");

        Assert.Contains("after you opened this page", await consultant.InnerTextAsync("#form-error"), StringComparison.Ordinal);
        await consultant.ClickAsync("#form-cancel");
        Assert.Contains("owner@demo.test", await consultant.InnerTextAsync("#conflict-message"), StringComparison.Ordinal);
        await consultant.ClickAsync("#reload-practice");
        await consultant.Locator("#conflict-message").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await consultant.WaitForTextAsync("#cap-total-mso", "90%");
    }

    [Fact]
    public async Task NewDialog_QuietUntilAFieldIsLeft_ThenSaysWhatIsWrong()
    {
        var (page, practiceUrl) = await OpenDemoPracticeAsync("owner@demo.test", "Pacific Skin Studio");
        await page.OpenPracticeAsync(practiceUrl, "people");
        var errors = page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error");

        await page.ClickAsync("#add-person");
        // The dialog focuses its first field once; focusing the dialog after it blurred the field and showed "Name is required.".
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'person-name'");
        await page.WaitForTimeoutAsync(1_000);
        Assert.Equal(0, await errors.CountAsync());

        await page.Keyboard.PressAsync("Tab");
        await errors.Filter(new() { HasText = "Name is required." }).WaitForAsync();
        await page.ClickAsync("#form-save");
        Assert.Equal(["Name is required."], await errors.AllInnerTextsAsync());
        await page.ClickAsync("#form-cancel");
    }

    /// <summary>Signs in as a demo user on a new page and opens one of the demo practices from the list.</summary>
    private async Task<(IPage Page, string PracticeUrl)> OpenDemoPracticeAsync(string email, string practice)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(email, app.DemoPassword);
        await page.GotoAsync("practices");
        await page.WaitForInteractiveAsync();
        await page.Locator("#practices-table").GetByText(practice).ClickAsync();
        await page.WaitForURLAsync(PracticeUrl());
        return (page, page.Url);
    }

    private static async Task AddStakeAsync(IPage page, string entity, string owner, string percent)
    {
        await page.ClickAsync("#add-stake");
        await page.PickAsync("stake-entity", entity);
        await page.PickAsync("stake-owner", owner);
        await page.FillAsync("#stake-percent", percent);
        await page.SaveDialogAsync();
    }

    private static Regex PracticeUrl() => PracticeUrlPattern();

    [GeneratedRegex("/practices/[0-9a-f-]{36}")]
    private static partial Regex PracticeUrlPattern();

    [GeneratedRegex("^(Edit|Remove|Transfer) ")]
    private static partial Regex EditOrRemove();
}
