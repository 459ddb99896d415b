using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class AgreementsSectionTests : ComponentTest
{
    [Fact]
    public async Task AgreementEditor_FeeMethod_ShowsOnlyTheAmountsThatMethodNeeds()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId);
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();
        provider.WaitForElement("#fee-method");
        ChooseFeeMethod(provider, FeeMethod.FlatMonthly);

        provider.WaitForAssertion(() => Assert.Single(provider.FindAll("#fee-flat-monthly")));
        Assert.Empty(provider.FindAll("#fee-rate-percent"));
        Assert.Empty(provider.FindAll("#fee-markup-percent"));

        ChooseFeeMethod(provider, FeeMethod.Hybrid);

        provider.WaitForAssertion(() => Assert.Single(provider.FindAll("#fee-rate-percent")));
        Assert.Single(provider.FindAll("#fee-flat-monthly"));
        Assert.Empty(provider.FindAll("#fee-markup-percent"));
    }

    [Fact]
    public async Task AddAgreement_AsConsultant_AddsADraftMsaBetweenThePracticesEntities()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, _) = await AddPracticeWithMsaAsync(workspaceId);
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find("#add-agreement").Click();
        provider.WaitForElement("#agreement-title").Change("Second MSA");
        ChooseFeeMethod(provider, FeeMethod.PercentOfCollections);
        provider.WaitForElement("#fee-rate-percent").Change("12.5");
        provider.Find("#form-save").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#agreements-table tbody tr.agreement-row").Count));
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var stored = await db.Practices.AsNoTracking().Include(p => p.Agreements).Include(p => p.Entities).SingleAsync(p => p.Id == practice.Id);
        var added = stored.Agreements.Single(a => a.Title == "Second MSA");
        Assert.Equal(AgreementStatus.Draft, added.Status);
        Assert.Equal("Glow Management LLC", stored.FindEntity(added.ManagementCompanyId!.Value).LegalName);
        Assert.Equal("Glow Medical PLLC", stored.FindEntity(added.ProfessionalEntityId!.Value).LegalName);
        Assert.Equal((FeeMethod.PercentOfCollections, 12.5m), (added.Terms.FeeMethod!.Value, added.Terms.RatePercent!.Value));
        Assert.Equal(MsaTerms.EssentialAuthority, added.Terms.ReservedAuthority);
    }

    [Fact]
    public async Task AgreementEditor_MethodChangedFromHybridToFlat_SavesNoRate()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var hybrid = new MsaTerms { FeeMethod = FeeMethod.Hybrid, FlatMonthly = 5000m, RatePercent = 10m };
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId, terms: hybrid);
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();
        provider.WaitForElement("#fee-rate-percent");
        ChooseFeeMethod(provider, FeeMethod.FlatMonthly);
        provider.Find("#form-save").Click();

        await WaitForAsync(async () => Assert.Equal(2, (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).VersionNumber));
        var saved = (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).Terms;
        Assert.Equal(FeeMethod.FlatMonthly, saved.FeeMethod);
        Assert.Equal(5000m, saved.FlatMonthly);
        Assert.Null(saved.RatePercent);
    }

    [Theory]
    [InlineData(MemberRole.Attorney, false)]
    [InlineData(MemberRole.Consultant, true)]
    [InlineData(MemberRole.Owner, true)]
    public async Task AgreementsSection_ButtonsFollowTheRole(MemberRole role, bool edits)
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(role);
        Agreement? draft = null;
        var (practice, inReview) = await AddPracticeWithMsaAsync(workspaceId, AgreementStatus.InReview,
            arrange: p => draft = p.AddAgreement(null, AgreementType.MedicalDirectorAgreement, "Medical director agreement", null, null, MsaTerms.Empty));
        var (page, _) = OpenAgreements(practice.Id);

        // Review steps are no buttons here, for any role: a review is requested, then decided on its own page.
        Assert.Empty(page.FindAll($"#agreement-{inReview.Key}-approve, #agreement-{inReview.Key}-request-changes, #agreement-{draft!.Key}-submit"));
        Assert.Equal(edits, page.FindAll($"#agreement-{draft.Key}-request-review").Count == 1);
        Assert.Empty(page.FindAll($"#agreement-{inReview.Key}-request-review"));
        Assert.Equal(edits, page.FindAll($"#agreement-{draft.Key}-edit").Count == 1);
        Assert.Equal(edits, page.FindAll($"#agreement-{inReview.Key}-edit").Count == 1);
        Assert.Equal(edits, page.FindAll("#add-agreement").Count == 1);
        Assert.Single(page.FindAll($"#agreement-{inReview.Key}-versions"));
        Assert.Equal(edits, page.FindAll($"#agreement-{inReview.Key}-outside-review").Count == 1);
    }

    [Fact]
    public async Task AgreementsSection_AnImportedExecutedAgreement_SaysItWasNotReviewedHere()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId, AgreementStatus.Executed, new MsaTerms { EffectiveOn = new DateOnly(2024, 1, 1) });
        var (page, _) = OpenAgreements(practice.Id);

        Assert.Equal("Recorded on import as executed, not reviewed in MSO Manager", page.Find($"#agreement-{msa.Key}-provenance").TextContent.Trim());
        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-outside-review"));
    }

    [Fact]
    public async Task ReviseDraft_AsConsultant_SavesVersion2AndListsVersion1()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId, terms: new MsaTerms { InitialTermMonths = 36 });
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();
        provider.WaitForElement("#agreement-title").Change("Glow MSA (revised)");
        provider.Find("#agreement-initial-term").Change("60");
        provider.Find("#form-save").Click();

        await WaitForAsync(async () => Assert.Equal(2, (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).VersionNumber));
        var saved = await LoadAgreementAsync(workspaceId, practice.Id, msa.Id);
        Assert.Equal("Glow MSA (revised)", saved.Title);
        Assert.Equal(60, saved.Terms.InitialTermMonths);
        var earlier = Assert.Single(saved.Versions);
        Assert.Equal((1, "Glow MSA", 36), (earlier.Number, earlier.Title, earlier.Terms.InitialTermMonths));

        page.WaitForElement($"#agreement-{msa.Key}-versions").Click();

        provider.WaitForAssertion(() => Assert.Contains("superseded by revision", provider.Find("#agreement-version-1").TextContent, StringComparison.Ordinal));
        Assert.Contains("(current)", provider.Find("#agreement-version-2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgreementEditor_FmvLowAboveHigh_ShowsTheMessageAndSavesNothing()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId);
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();
        provider.WaitForElement("#fmv-low").Change("200000");
        provider.Find("#fmv-high").Change("100000");
        provider.Find("#form-save").Click();

        // At the field, from the form's validator, before anything reaches the domain (which would answer in #form-error).
        provider.WaitForAssertion(() => Assert.Contains("FMV high must not be below FMV low.",
            provider.Find("#fmv-high").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(provider.FindAll("#form-error"));
        Assert.Single(provider.FindAll("#form-save"));
        var stored = await LoadAgreementAsync(workspaceId, practice.Id, msa.Id);
        Assert.Equal(1, stored.VersionNumber);
        Assert.Empty(stored.Versions);
        Assert.Null(stored.Terms.FmvLow);
    }

    [Fact]
    public async Task Amend_ExecutedMsa_KeepsTheExecutedTermsAsAVersion()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var executed = new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1), InitialTermMonths = 36, FeeMethod = FeeMethod.FlatMonthly, FlatMonthly = 5000m };
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId, AgreementStatus.Executed, executed);
        var (page, provider) = OpenAgreements(practice.Id);

        Assert.Empty(page.FindAll($"#agreement-{msa.Key}-edit"));
        page.Find($"#agreement-{msa.Key}-amend").Click();
        provider.WaitForElement("#agreement-amendment-effective-on").Change("2025-07-01");
        provider.Find("#fee-flat-monthly").Change("6000");
        provider.Find("#form-save").Click();

        await WaitForAsync(async () => Assert.Equal(2, (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).VersionNumber));
        var saved = await LoadAgreementAsync(workspaceId, practice.Id, msa.Id);
        Assert.Equal((6000m, new DateOnly(2025, 7, 1)), (saved.Terms.FlatMonthly!.Value, saved.CurrentVersionEffectiveOn!.Value));
        var earlier = Assert.Single(saved.Versions);
        Assert.Equal((AgreementVersionKind.Amendment, 5000m), (earlier.SupersededBy, earlier.Terms.FlatMonthly!.Value));
    }

    [Fact]
    public async Task AgreementEditor_CustomServiceRow_IsSavedWithTheTerms()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Consultant);
        var (practice, msa) = await AddPracticeWithMsaAsync(workspaceId);
        var (page, provider) = OpenAgreements(practice.Id);

        page.Find($"#agreement-{msa.Key}-edit").Click();
        provider.WaitForElement("#add-custom-service").Click();
        provider.WaitForElement("#custom-service-0").Change("  Laser equipment leasing ");
        provider.Find("input#service-Marketing").Change(true);
        provider.Find("#form-save").Click();

        await WaitForAsync(async () => Assert.Equal(2, (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).VersionNumber));
        var saved = (await LoadAgreementAsync(workspaceId, practice.Id, msa.Id)).Terms;
        Assert.Equal(["Laser equipment leasing"], saved.CustomServices);
        Assert.Equal([ServiceLine.Marketing], saved.Services);
    }

    [Fact]
    public async Task AgreementsSection_MsaWithGaps_ShowsMissingEssentialsAndAuthority()
    {
        var (workspaceId, _) = await SignInToWorkspaceAsync(MemberRole.Viewer);
        var terms = new MsaTerms { Services = [ServiceLine.Marketing], InitialTermMonths = 12, ReservedAuthority = [.. MsaTerms.EssentialAuthority.Skip(1)] };
        var (practice, _) = await AddPracticeWithMsaAsync(workspaceId, terms: terms);
        var (page, _) = OpenAgreements(practice.Id);

        var row = page.Find("#agreements-table tbody tr").TextContent;
        Assert.Contains("Glow Management LLC → Glow Medical PLLC", row, StringComparison.Ordinal);
        Assert.Contains("Missing a fee method with its amounts", row, StringComparison.Ordinal);
        Assert.Contains("Missing a without-cause notice period", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing services in scope", row, StringComparison.Ordinal);
        Assert.Contains("Not reserved: Clinical protocols", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reserved: Clinical staffing", row, StringComparison.Ordinal);
    }

    /// <summary>A workspace owned by someone else, with the signed-in user as a member in <paramref name="role"/>.</summary>
    private async Task<(Guid WorkspaceId, MemberRole Role)> SignInToWorkspaceAsync(MemberRole role)
    {
        var owner = await AddUserAsync("Olga");
        var member = role == MemberRole.Owner ? owner : await AddUserAsync("Pat");
        var (workspace, _) = role == MemberRole.Owner
            ? await AddWorkspaceAsync("Firm", owner, [])
            : await AddWorkspaceAsync("Firm", owner, [], (member, role, false));
        await SignInAsync(member);
        return (workspace.Id, role);
    }

    private (IRenderedComponent<PracticeView> Page, IRenderedComponent<MudDialogProvider> Dialogs) OpenAgreements(Guid practiceId)
    {
        var (page, dialogs) = OpenPractice(practiceId, "agreements");
        page.WaitForElement("#agreements-table");
        return (page, dialogs);
    }

    private static void ChooseFeeMethod(IRenderedComponent<MudDialogProvider> provider, FeeMethod method) =>
        provider.Find($"input#fee-method-{method}").Click();

    private async Task<Agreement> LoadAgreementAsync(Guid workspaceId, Guid practiceId, Guid agreementId)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var practice = await db.Practices.AsNoTracking().Include(p => p.Agreements).ThenInclude(a => a.Versions).SingleAsync(p => p.Id == practiceId);
        return practice.Agreements.Single(a => a.Id == agreementId);
    }

    private static async Task WaitForAsync(Func<Task> assertion)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
