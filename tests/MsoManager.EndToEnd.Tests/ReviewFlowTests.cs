using Microsoft.Playwright;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// The attorney's review in two browsers at once (review.md): a consultant requests it, the attorney
/// assesses every item, comments and requests changes with a reason; the consultant sees the reason
/// and revises; the attorney compares the versions and approves.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewFlowTests(BrowserFixture app)
{
    private const string Password = "review flow passphrase 2026";

    [Fact]
    public async Task Consultant_RequestsAReview_AttorneyRequestsChanges_ConsultantRevises_AttorneyComparesAndApproves()
    {
        var owner = await app.CreateUserAsync("review-owner@e2e.test", Password);
        var consultant = await app.CreateUserAsync("review-consultant@e2e.test", Password);
        var attorney = await app.CreateUserAsync("review-attorney@e2e.test", Password);
        await app.CreateWorkspaceAsync("Review Flow LLP", owner, (consultant, MemberRole.Consultant), (attorney, MemberRole.Attorney));

        // Two browser contexts, each its own person.
        var requester = await app.NewPageAsync();
        var lawyer = await app.NewPageAsync();
        await requester.SignInAsync(consultant.Email!, Password);
        await lawyer.SignInAsync(attorney.Email!, Password);

        // The consultant drafts an MSA and asks the attorney to review it.
        var practiceUrl = await requester.NewPracticeWithPartiesAsync("Solstice Aesthetics", "Solstice");
        await requester.OpenPracticeAsync(practiceUrl, "agreements");
        await requester.ClickAsync("#add-agreement");
        await requester.FillAsync("#agreement-title", "Solstice MSA");
        await requester.FillAsync("#agreement-effective-on", "2026-01-01");
        await requester.SaveDialogAsync();
        await requester.WaitForTextAsync("#agreement-solstice-msa-status", "Draft");
        await requester.ClickAsync("#agreement-solstice-msa-request-review");
        await requester.PickAsync("review-attorney", attorney.Email!);
        await requester.FillAsync("#review-message", "Please look at the fee first.");
        await requester.SaveDialogAsync();
        await requester.WaitForTextAsync("#agreement-solstice-msa-status", "In review");

        // The attorney finds it in their queue and opens it.
        await OpenFromQueueAsync(lawyer, "Solstice MSA");
        await lawyer.GetByText("Please look at the fee first.").WaitForAsync();
        await AssessEveryItemAsync(lawyer, "Pass");
        await lawyer.FillAsync("#comment-box-Fee", "A fee without a method or amount cannot be approved.");
        await lawyer.ClickAsync("#comment-submit-Fee");
        await lawyer.GetByText("A fee without a method or amount cannot be approved.").WaitForAsync();

        // Requesting changes needs a reason.
        await lawyer.ClickAsync("#review-request-changes");
        await lawyer.ClickAsync("#review-confirm");
        await lawyer.GetByText("a reason is required").WaitForAsync();
        await lawyer.FillAsync("#review-reason", "Set a flat monthly fee within the FMV range.");
        await lawyer.ClickAsync("#review-confirm");
        await lawyer.Locator("#review-decision-banner").Filter(new() { HasText = "Set a flat monthly fee within the FMV range." }).WaitForAsync();
        await ScreenshotAsync(lawyer, "review-changes-requested");
        await lawyer.AssertAccessibleAsync();

        // The consultant sees the decision and its reason on the agreement, revises and asks again.
        await requester.OpenPracticeAsync(practiceUrl, "agreements");
        await requester.WaitForTextAsync("#agreement-solstice-msa-status", "Changes requested");
        await requester.Locator("#agreement-solstice-msa-decision").Filter(new() { HasText = "Set a flat monthly fee within the FMV range." }).WaitForAsync();
        await requester.ClickAsync("#agreement-solstice-msa-edit");
        await requester.ClickAsync("#fee-method-FlatMonthly");
        await requester.FillAsync("#fee-flat-monthly", "25000");
        await requester.SaveDialogAsync();
        await requester.ClickAsync("#agreement-solstice-msa-request-review");
        await requester.PickAsync("review-attorney", attorney.Email!);
        await requester.SaveDialogAsync();
        await requester.WaitForTextAsync("#agreement-solstice-msa-status", "In review");

        // The attorney compares what changed since the version they reviewed, then approves.
        await OpenFromQueueAsync(lawyer, "Solstice MSA");
        await lawyer.ClickAsync("#review-since-last");
        await lawyer.Locator("#compare-changes").GetByText("$25,000").WaitForAsync();
        await lawyer.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 20_000 });
        await ScreenshotAsync(lawyer, "review-compare");
        await lawyer.AssertAccessibleAsync();
        await lawyer.GoBackAsync();
        await lawyer.WaitForInteractiveAsync();
        await AssessEveryItemAsync(lawyer, "Pass");
        await lawyer.ClickAsync("#review-approve");
        await lawyer.ClickAsync("#review-confirm");
        await lawyer.Locator("#review-decision-banner").Filter(new() { HasText = "Approved" }).WaitForAsync();
        await lawyer.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null, new() { Timeout = 20_000 });
        await ScreenshotAsync(lawyer, "review-approved");
        await lawyer.AssertAccessibleAsync();

        await requester.OpenPracticeAsync(practiceUrl, "agreements");
        await requester.WaitForTextAsync("#agreement-solstice-msa-status", "Approved");
        await requester.GotoAsync("reviews");
        await requester.WaitForInteractiveAsync();
        await requester.Locator("#reviews-heading").WaitForAsync();
        await requester.AssertAccessibleAsync();
    }

    /// <summary>Opens the review of <paramref name="agreement"/> from the Reviews page.</summary>
    private static async Task OpenFromQueueAsync(IPage page, string agreement)
    {
        await page.GotoAsync("reviews");
        await page.WaitForInteractiveAsync();
        await page.Locator("#reviews-table tr").Filter(new() { HasText = agreement }).Locator(".review-open").ClickAsync();
        await page.Locator("#review-item-PARTIES").WaitForAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Sets every checklist item to <paramref name="assessment"/> and saves it, as the attorney clicks through the list.</summary>
    private static async Task AssessEveryItemAsync(IPage page, string assessment)
    {
        foreach (var code in ReviewChecklist.Codes)
        {
            await page.ClickAsync($"#review-item-{code}-assessment-{assessment}");
            await page.ClickAsync($"#review-item-{code}-save");
            await page.Locator($"#review-item-{code}-unsaved").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }

        await page.Locator("#review-progress").Filter(new() { HasText = $"{ReviewChecklist.Codes.Count} of {ReviewChecklist.Codes.Count}" }).WaitForAsync();
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
}
