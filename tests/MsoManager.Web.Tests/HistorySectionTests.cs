using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;

namespace MsoManager.Web.Tests;

/// <summary>The History tab over real saves: what the interceptor stored, read back in words.</summary>
public sealed partial class HistorySectionTests : ComponentTest
{
    [Fact]
    public async Task History_AfterTheFeeChanged_ShowsOneReadableFeeLine_AndNoIds()
    {
        var workspaceId = await SignInAsOwnerAsync();
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId, terms: new MsaTerms { FeeMethod = FeeMethod.PercentOfCollections, RatePercent = 45m });
        await ChangeAsync(practice.Id, p => p.FindAgreement(msa.Id).Revise(
            p.FindAgreement(msa.Id).Terms with { FeeMethod = FeeMethod.FlatMonthly, RatePercent = null, FlatMonthly = 25_000m }, "Glow MSA", DateTimeOffset.UtcNow));

        var page = OpenHistory(practice.Id);

        var rows = page.FindAll("#history-table tbody tr").Select(r => r.TextContent).ToList();
        var change = Assert.Single(rows, r => r.Contains("Fee: 45% of collections →", StringComparison.Ordinal));
        Assert.Contains("Agreement “Glow MSA”", change, StringComparison.Ordinal);
        Assert.Contains("Fee: 45% of collections → $25,000 a month", change, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("Added", StringComparison.Ordinal) && r.Contains("Fee: 45% of collections", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Version 1 of agreement “Glow MSA”", StringComparison.Ordinal) && r.Contains("Earlier version kept", StringComparison.Ordinal));
        var table = page.Find("#history-table").TextContent;
        Assert.DoesNotMatch(Id(), table);
        Assert.DoesNotContain("{", table, StringComparison.Ordinal);
        Assert.DoesNotContain("RatePercent", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_OfARemovedLicenseAndPerson_NamesThemFromTheTrail()
    {
        var workspaceId = await SignInAsOwnerAsync();
        var practice = await AddPracticeAsync(workspaceId, "Glow Spa", p =>
        {
            var dana = p.AddPerson(null, new PersonDetails("Dana Smith"));
            p.AddLicense(dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active));
        });
        await ChangeAsync(practice.Id, p =>
        {
            var dana = p.People.Single();
            p.RemoveLicense(dana.Id, dana.Licenses.Single().Id);
            p.RemovePerson(dana.Id);
        });

        var page = OpenHistory(practice.Id);

        var rows = page.FindAll("#history-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Dana Smith's MD license TX Q1234", StringComparison.Ordinal) && r.Contains("Removed", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Person Dana Smith", StringComparison.Ordinal) && r.Contains("Removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordFilter_ListsEveryKindOfRecordByName_AndNarrowsTheRows()
    {
        var workspaceId = await SignInAsOwnerAsync();
        var (practice, _) = await AddPracticeWithMsaAsync(workspaceId, arrange: p =>
        {
            var pc = p.Entities.Single(e => e.IsProfessional);
            var dana = p.AddPerson(null, new PersonDetails("Dana Smith"));
            p.AddLicense(dana.Id, null, new LicenseDetails(LicenseType.MD, StateCode.From("FL"), "ME99", LicenseStatus.Active));
            p.AddRole(dana.Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.MedicalDirector));
            p.AddOrganization(null, "Sunrise Capital", OrganizationKind.InvestmentFund);
            p.AddLocation(null, new LocationDetails("1 Ocean Dr", "Miami", StateCode.From("FL"), "33139"));
            p.RecordFinancialMonth(pc.Id, new YearMonth(2026, 2), new FinancialFigures(Money.From(100_000m, "c"), Money.From(40_000m, "e"), Money.From(20_000m, "f")));
        });
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = OpenHistory(practice.Id);

        page.Find("#history-record").Closest(".mud-input-control")!.MouseDown();

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        var options = popovers.FindAll(".mud-list-item").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Practice Glow Spa", options);
        Assert.Contains("Professional entity Glow Medical PLLC", options);
        Assert.Contains("Dana Smith's MD license FL ME99", options);
        Assert.Contains("Dana Smith's role as medical director at Glow Medical PLLC", options);
        Assert.Contains("Organisation Sunrise Capital", options);
        Assert.Contains("Location 1 Ocean Dr, Miami, FL", options);
        Assert.Contains("Financial month February 2026 of Glow Medical PLLC", options);

        popovers.FindAll(".mud-list-item").Single(o => o.TextContent.Contains("Location", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#history-table tbody tr")));
        Assert.Contains("Street: 1 Ocean Dr", page.Find("#history-table tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_OfAReview_TellsWhatEachPersonDidInWords_WithoutIdsEnumNamesOrJson()
    {
        var olga = await AddUserAsync("Olga");
        var ada = await AddUserAsync("Ada");
        var (workspace, _) = await AddWorkspaceAsync("Firm", olga, [], (ada, MemberRole.Attorney, false));
        var (practice, msa) = await AddPracticeWithMsaAsync(workspace.Id);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        await SignInAsync(olga);
        var reviews = Services.GetRequiredService<ReviewService>();
        var reviewId = await reviews.RequestAsync(practice.Id, msa.Id, ada.Email, due, "Please look at the fee first.");
        await SignInAsync(ada);
        await reviews.CommentAsync(reviewId, ReviewSection.Fee, "The fee takes 45% of collections, which leaves the PC too little.", null);
        await reviews.AssessAsync(reviewId, "FEE_WITHIN_FMV", Assessment.Concern, "Above the FMV range.");
        await reviews.DecideAsync(reviewId, ReviewDecision.RequestChanges, "Reserve clinical staffing to the PC.");
        await SignInAsync(olga);

        var page = OpenHistory(practice.Id);

        var rows = page.FindAll("#history-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains($"Olga requested a review of “Glow MSA” (version 1) from Ada, due {due:yyyy-MM-dd}", StringComparison.Ordinal)
            && r.Contains("Message: “Please look at the fee first.”", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Ada commented on Fee (version 1): “The fee takes 45% of collections, which leaves the PC too little.”", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Checklist item FEE_WITHIN_FMV of the review of “Glow MSA”", StringComparison.Ordinal)
            && r.Contains("Ada assessed FEE_WITHIN_FMV “The fee is within the FMV range” as Concern: “Above the FMV range.”", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Review of “Glow MSA”", StringComparison.Ordinal)
            && r.Contains("Ada requested changes to version 1: “Reserve clinical staffing to the PC.”", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Status: In review → Changes requested", StringComparison.Ordinal));
        var table = page.Find("#history-table").TextContent;
        Assert.DoesNotMatch(Id(), table);
        Assert.DoesNotContain("{", table, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestChanges", table, StringComparison.Ordinal);
        Assert.DoesNotContain("ChangesRequested", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Unassessed", table, StringComparison.Ordinal);
        Assert.DoesNotContain("a removed record", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditTrail_ShowsTheChainHead_AndComparesAWrittenDownOne()
    {
        var workspaceId = await SignInAsOwnerAsync();
        var practice = await AddPracticeAsync(workspaceId, "Glow Spa", _ => { });
        var page = OpenHistory(practice.Id);

        page.Find("#verify-chain").Click();

        page.WaitForAssertion(() => Assert.Contains("intact", page.Find("#verify-result").TextContent, StringComparison.Ordinal));
        var sequence = page.Find("#chain-head-sequence").TextContent.Trim();
        var hash = page.Find("#chain-head-hash").TextContent.Trim();
        Assert.Matches("^#[0-9]+$", sequence);
        Assert.Matches("^[0-9a-f]{64}$", hash);

        page.Find("input#recorded-sequence").Change(sequence[1..]);
        page.Find("input#recorded-hash").Change(hash);
        page.Find("#compare-head").Click();

        page.WaitForAssertion(() => Assert.Contains("still has that hash", page.Find("#head-comparison").TextContent, StringComparison.Ordinal));
        page.Find("input#recorded-hash").Change(new string('0', 64));
        page.Find("#compare-head").Click();
        page.WaitForAssertion(() => Assert.Contains("now has a different hash", page.Find("#head-comparison").TextContent, StringComparison.Ordinal));
    }

    private async Task<Guid> SignInAsOwnerAsync()
    {
        var owner = await AddUserAsync("Olga");
        var (workspace, _) = await AddWorkspaceAsync("Firm", owner, []);
        await SignInAsync(owner);
        return workspace.Id;
    }

    /// <summary>A change through the store, as a page makes it: audited in the signed-in user's name.</summary>
    private async Task ChangeAsync(Guid practiceId, Action<Practice> change)
    {
        var store = Services.GetRequiredService<PracticeStore>();
        var snapshot = await store.LoadAsync(practiceId);
        await store.ChangeAsync(practiceId, snapshot!.Version, change);
    }

    private IRenderedComponent<PracticeView> OpenHistory(Guid practiceId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(PracticeLinks.Practice(practiceId, "history"));
        var page = Render<PracticeView>(p => p.Add(v => v.Id, practiceId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#history-table tbody tr td")));
        return page;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Id();
}
