using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Tests.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Practices;

/// <summary>Who may move an agreement where, on every path: the named steps and a document's wanted status.</summary>
public sealed class AgreementWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Owner)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public void Decide_ByAnyoneButTheAssignedAttorney_IsNotPermittedAndKeepsTheStatus(MemberRole role)
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);
        var review = msa.RequestReview().AssessAll();

        var refused = Assert.Throws<NotPermittedException>(() =>
            review.Decide(msa, ReviewDecision.Approve, null, new ReviewParticipant(TestReview.Attorney.UserId, "Same user, other role", role), TestReview.Now));

        Assert.Contains("Only the assigned attorney (Ada Attorney)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InReview, msa.Status);
        Assert.True(review.IsOpen);
    }

    [Fact]
    public void Decide_ByAnotherAttorney_IsNotPermitted()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);
        var review = msa.RequestReview();

        Assert.Throws<NotPermittedException>(() => review.Decide(msa, ReviewDecision.RequestChanges, "No.", TestReview.OtherAttorney, TestReview.Now));
        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Theory]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public void RequestExecuteTerminate_ByARoleThatDoesNotEdit_AreNotPermitted(MemberRole role)
    {
        var draft = TestPractice.Create().NewMsa(AgreementStatus.Draft);
        var approved = TestPractice.Create().NewMsa(AgreementStatus.Approved);
        var executed = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        Assert.Throws<NotPermittedException>(() => draft.RequestReview(new ReviewParticipant("u", "Someone", role)));
        Assert.Throws<NotPermittedException>(() => approved.Execute(role));
        Assert.Throws<NotPermittedException>(() => executed.Terminate(role));
        Assert.Equal(
            [AgreementStatus.Draft, AgreementStatus.Approved, AgreementStatus.Executed],
            new[] { draft.Status, approved.Status, executed.Status });
    }

    [Fact]
    public void MoveTo_ConsultantFromDraftToExecuted_IsNotPermittedNamingTheReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        var refused = Assert.Throws<NotPermittedException>(() => msa.MoveTo(AgreementStatus.Executed, MemberRole.Consultant));

        Assert.Equal("An agreement that is a draft becomes executed only through a review: an agreement goes into review when an Owner or Consultant requests a review from an attorney.", refused.Message);
        Assert.Equal(AgreementStatus.Draft, msa.Status);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft, AgreementStatus.InReview)]
    [InlineData(AgreementStatus.InReview, AgreementStatus.Approved)]
    [InlineData(AgreementStatus.InReview, AgreementStatus.ChangesRequested)]
    [InlineData(AgreementStatus.ChangesRequested, AgreementStatus.InReview)]
    public void MoveTo_AReviewStep_IsNotAnEditForAnyRole(AgreementStatus from, AgreementStatus to)
    {
        foreach (var role in Enum.GetValues<MemberRole>())
        {
            var msa = TestPractice.Create().NewMsa(from);

            Assert.Throws<NotPermittedException>(() => msa.MoveTo(to, role));
            Assert.Equal(from, msa.Status);
        }
    }

    [Fact]
    public void MoveTo_ConsultantFromApprovedToTerminated_ExecutesThenTerminates()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Approved);

        msa.MoveTo(AgreementStatus.Terminated, MemberRole.Consultant);

        Assert.Equal(AgreementStatus.Terminated, msa.Status);
    }

    [Fact]
    public void MoveTo_BackToDraft_IsARuleViolationNamingStatus()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        var error = Assert.Throws<DomainRuleException>(() => msa.MoveTo(AgreementStatus.Draft, MemberRole.Owner));

        Assert.Equal("Status", error.Field);
        Assert.Equal(AgreementStatus.Executed, msa.Status);
    }

    [Fact]
    public void MoveTo_ExecutedWithAnOutsideReview_RecordsItForAnEditor()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.MoveTo(AgreementStatus.Executed, MemberRole.Consultant, new OutsideReview("Jane Roe, Roe LLP", new DateOnly(2024, 5, 2)));

        Assert.Equal(AgreementStatus.Executed, msa.Status);
        Assert.Equal(new OutsideReview("Jane Roe, Roe LLP", new DateOnly(2024, 5, 2)), msa.OutsideReview);
        Assert.Equal(1, msa.OutsideReviewVersion);
    }

    [Fact]
    public void RecordExecutedAfterOutsideReview_ByAnAttorney_IsNotPermitted()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        Assert.Throws<NotPermittedException>(() => msa.RecordExecutedAfterOutsideReview(new OutsideReview("Jane Roe", Today), MemberRole.Attorney));
        Assert.Null(msa.OutsideReview);
    }

    [Fact]
    public void RecordExecutedAfterOutsideReview_OfAnExecutedAgreement_IsRefused()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        var error = Assert.Throws<DomainRuleException>(() => msa.RecordExecutedAfterOutsideReview(new OutsideReview("Jane Roe", Today), MemberRole.Owner));

        Assert.Equal("Status", error.Field);
        Assert.Null(msa.OutsideReview);
    }

    [Fact]
    public void RecordExecutedAfterOutsideReview_WithoutAnEffectiveDate_IsRefusedNamingEffectiveOn()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft, MsaTerms.Empty);

        var error = Assert.Throws<DomainRuleException>(() => msa.RecordExecutedAfterOutsideReview(new OutsideReview("Jane Roe", Today), MemberRole.Owner));

        Assert.Equal("EffectiveOn", error.Field);
        Assert.Equal(AgreementStatus.Draft, msa.Status);
    }

    [Fact]
    public void OutsideReviewRecorded_DatedAfterToday_IsRefusedNamingReviewedOn()
    {
        var error = Assert.Throws<DomainRuleException>(() => OutsideReview.Recorded("Jane Roe", Today.AddDays(1), Today));

        Assert.Equal("ReviewedOn", error.Field);
    }

    [Fact]
    public void OutsideReview_WithoutCounsel_IsRefusedNamingCounsel()
    {
        var error = Assert.Throws<DomainRuleException>(() => new OutsideReview("  ", Today));

        Assert.Equal("Counsel", error.Field);
    }

    [Fact]
    public void ImportAgreement_InAStatusOtherThanDraft_IsMarkedAsImported()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var mso = practice.NewManagementCompany();

        var executed = practice.ImportAgreement(null, AgreementType.ManagementServicesAgreement, "MSA", mso.Id, pc.Id, TestPractice.DatedTerms(), AgreementStatus.Executed);
        var draft = practice.ImportAgreement(null, AgreementType.ManagementServicesAgreement, "MSA 2", mso.Id, pc.Id, TestPractice.DatedTerms(), AgreementStatus.Draft);

        Assert.Equal(AgreementStatus.Executed, executed.ImportedAs);
        Assert.Null(draft.ImportedAs);
    }

    [Fact]
    public void ImportAgreement_AnOutsideReviewOfADraft_IsRefusedNamingIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var mso = practice.NewManagementCompany();

        var error = Assert.Throws<DomainRuleException>(() => practice.ImportAgreement(
            null, AgreementType.ManagementServicesAgreement, "MSA", mso.Id, pc.Id, TestPractice.DatedTerms(), AgreementStatus.Draft, new OutsideReview("Jane Roe", Today)));

        Assert.Equal("OutsideReview", error.Field);
        Assert.Empty(practice.Agreements);
    }

    [Fact]
    public void AddAgreement_IsAlwaysADraftMadeInTheApp()
    {
        var msa = TestPractice.Create().NewMsa();

        Assert.Equal(AgreementStatus.Draft, msa.Status);
        Assert.Null(msa.ImportedAs);
    }
}
