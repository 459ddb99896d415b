using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;

namespace MsoManager.IntegrationTests;

/// <summary>
/// Agreement statuses are guarded where they are written: the store, called as the page calls it,
/// refuses a step the member's role may not take, whatever the change says about the role.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AgreementStatusGuardTests(PostgresFixture postgres) : TestApp(postgres)
{
    [Theory]
    [InlineData(MemberRole.Owner)]
    [InlineData(MemberRole.Consultant)]
    public async Task Approve_ByAnEditorThroughTheStore_IsNotPermittedAndNothingIsWritten(MemberRole role)
    {
        var (practiceId, msaId, member, workspace) = await PracticeWithMsaInReviewAsync(role);
        await using var signedIn = await SignInAsync(member, workspace);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;
        var events = await AuditCountAsync(signedIn, workspace);

        await Assert.ThrowsAsync<NotPermittedException>(() =>
            store.ChangeAsync(practiceId, snapshot.Version, (p, by) => p.FindAgreement(msaId).MoveTo(AgreementStatus.Approved, by)));

        Assert.Equal(AgreementStatus.InReview, (await store.LoadAsync(practiceId))!.Practice.FindAgreement(msaId).Status);
        Assert.Equal(events, await AuditCountAsync(signedIn, workspace));
    }

    [Fact]
    public async Task Approve_ClaimingAnotherRole_IsRefusedByTheStoresOwnCheck()
    {
        var (practiceId, msaId, consultant, workspace) = await PracticeWithMsaInReviewAsync(MemberRole.Consultant);
        await using var signedIn = await SignInAsync(consultant, workspace);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;

        // A path that names the reviewer's role itself (a bug, or a page that trusts its own idea of the role).
        var refused = await Assert.ThrowsAsync<NotPermittedException>(() =>
            store.ChangeAsync(practiceId, snapshot.Version, p => p.FindAgreement(msaId).MoveTo(AgreementStatus.Approved, MemberRole.Attorney)));

        Assert.Contains("assigned attorney's decision on a review", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InReview, (await store.LoadAsync(practiceId))!.Practice.FindAgreement(msaId).Status);
    }

    [Fact]
    public async Task Approve_ByTheAssignedAttorneyThroughTheReview_IsRecordedAndTheStoreStillRefusesThem()
    {
        var (practiceId, msaId, attorney, workspace) = await PracticeWithMsaInReviewAsync(MemberRole.Attorney);
        await using var signedIn = await SignInAsync(attorney, workspace);
        var store = signedIn.Get<PracticeStore>();
        var reviews = signedIn.Get<ReviewService>();
        var reviewId = (await reviews.QueueAsync(assignedToMe: true)).Single().ReviewId;

        var version = (await store.LoadAsync(practiceId))!.Version;
        await Assert.ThrowsAsync<NotPermittedException>(() =>
            store.ChangeAsync(practiceId, version, (p, by) => p.FindAgreement(msaId).MoveTo(AgreementStatus.Approved, by)));
        foreach (var code in ReviewChecklist.Codes)
        {
            await reviews.AssessAsync(reviewId, code, Assessment.Pass, null);
        }

        await reviews.DecideAsync(reviewId, ReviewDecision.Approve, null);

        Assert.Equal(AgreementStatus.Approved, (await store.LoadAsync(practiceId))!.Practice.FindAgreement(msaId).Status);
    }

    [Fact]
    public async Task NewAgreementThroughAChange_InAnyStatusButDraft_IsRefused()
    {
        var (practiceId, _, consultant, workspace) = await PracticeWithMsaInReviewAsync(MemberRole.Consultant);
        await using var signedIn = await SignInAsync(consultant, workspace);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;

        // ImportAgreement is the importer's; a change of an existing practice must not record an executed MSA with it.
        await Assert.ThrowsAsync<NotPermittedException>(() => store.ChangeAsync(practiceId, snapshot.Version, p => p.ImportAgreement(
            "msa-2", AgreementType.ManagementServicesAgreement, "Second MSA", p.Entities.Single(e => !e.IsProfessional).Id, p.Entities.Single(e => e.IsProfessional).Id,
            new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1) }, AgreementStatus.Approved)));

        Assert.Single((await store.LoadAsync(practiceId))!.Practice.Agreements);
    }

    [Fact]
    public async Task RecordExecutedAfterOutsideReview_ByAConsultant_IsRecordedWithCounselAndDate()
    {
        var (practiceId, msaId, consultant, workspace) = await PracticeWithMsaInReviewAsync(MemberRole.Consultant);
        await using var signedIn = await SignInAsync(consultant, workspace);
        var store = signedIn.Get<PracticeStore>();
        var snapshot = (await store.LoadAsync(practiceId))!;
        var review = new OutsideReview("Jane Roe, Roe LLP", new DateOnly(2024, 11, 5));

        var executed = await store.ChangeAsync(practiceId, snapshot.Version, (p, by) => p.FindAgreement(msaId).RecordExecutedAfterOutsideReview(review, by));

        var msa = executed.Practice.FindAgreement(msaId);
        Assert.Equal((AgreementStatus.Executed, review, 1), (msa.Status, msa.OutsideReview, msa.OutsideReviewVersion!.Value));
    }

    /// <summary>
    /// A practice whose MSA the Owner sent for review to attorney@x.test, and a member of
    /// <paramref name="role"/> (the Owner when Owner, that attorney when Attorney).
    /// </summary>
    private async Task<(Guid PracticeId, Guid MsaId, ApplicationUser Member, Workspace Workspace)> PracticeWithMsaInReviewAsync(MemberRole role)
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        var member = owner;
        var attorney = await CreateUserAsync("attorney@x.test");
        await AddMemberAsync(workspace, attorney, MemberRole.Attorney);
        if (role == MemberRole.Attorney)
        {
            member = attorney;
        }
        else if (role != MemberRole.Owner)
        {
            member = await CreateUserAsync($"{role.ToString().ToLowerInvariant()}@x.test");
            await AddMemberAsync(workspace, member, role);
        }

        await using var signedIn = await SignInAsync(owner, workspace);
        var store = signedIn.Get<PracticeStore>();
        var practiceId = await store.CreateAsync("Glow", StateCode.From("TX"), PracticeStatus.Planning, null);
        Guid msaId = default;
        var snapshot = await store.ChangeAsync(practiceId, (await store.LoadAsync(practiceId))!.Version, (p, by) =>
        {
            var pc = p.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active));
            var mso = p.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active));
            var msa = p.AddAgreement("msa", AgreementType.ManagementServicesAgreement, "Glow MSA", mso.Id, pc.Id, new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1) });
            msaId = msa.Id;
        });
        await signedIn.Get<ReviewService>().RequestAsync(practiceId, msaId, "attorney@x.test", null, null);
        snapshot = (await store.LoadAsync(practiceId))!;
        Assert.Equal(AgreementStatus.InReview, snapshot.Practice.FindAgreement(msaId).Status);
        return (practiceId, msaId, member, workspace);
    }

    private static async Task<int> AuditCountAsync(SignedIn signedIn, Workspace workspace)
    {
        await using var db = signedIn.Get<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        return await db.AuditEvents.CountAsync();
    }
}
