using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Tests.Practices;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Reviews;

/// <summary>Requests, the checklist, decisions and the version read (review.md).</summary>
public sealed class ReviewTests
{
    private static Agreement Draft() => TestPractice.Create().NewMsa(AgreementStatus.Draft);

    [Fact]
    public void Request_ADraft_MovesItInReviewWithEveryItemUnassessedOnTheCurrentVersion()
    {
        var msa = Draft();

        var review = msa.RequestReview(dueOn: TestReview.Today.AddDays(7), message: "Please look at the fee.");

        Assert.Equal(AgreementStatus.InReview, msa.Status);
        Assert.Equal(ReviewStatus.Open, review.Status);
        Assert.Equal(1, review.VersionRead);
        Assert.Equal(ReviewChecklist.Codes, review.Checklist.Select(i => i.Code));
        Assert.All(review.Checklist, i => Assert.Equal(Assessment.Unassessed, i.Assessment));
        Assert.Equal(("Ada Attorney", "Cory Consultant", "Please look at the fee."), (review.AttorneyName, review.RequestedByName, review.Message));
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    [InlineData(MemberRole.Owner)]
    public void Request_FromAMemberWhoIsNotAnAttorney_IsRefusedNamingTheAttorney(MemberRole role)
    {
        var msa = Draft();

        var error = Assert.Throws<DomainRuleException>(() => Review.Request(
            msa, TestReview.Attorney with { Role = role }, PracticeScope.AllPractices, TestReview.Requester, false, null, null, TestReview.Today, TestReview.Now));

        Assert.Equal("AttorneyEmail", error.Field);
        Assert.Equal(AgreementStatus.Draft, msa.Status);
    }

    [Fact]
    public void Request_FromAnAttorneyWhoseScopeLeavesThePracticeOut_IsRefused()
    {
        var msa = Draft();

        var error = Assert.Throws<DomainRuleException>(() => Review.Request(
            msa, TestReview.Attorney, PracticeScope.Listed([Guid.NewGuid()]), TestReview.Requester, false, null, null, TestReview.Today, TestReview.Now));

        Assert.Contains("scope does not include this practice", error.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, msa.Status);
    }

    [Fact]
    public void Request_AnAgreementImportedInReview_OpensItsFirstReviewAndItStaysInReview()
    {
        var practice = TestPractice.Create();
        var msa = practice.ImportAgreement(
            null, AgreementType.ManagementServicesAgreement, "MSA", practice.NewManagementCompany().Id, practice.NewProfessionalEntity().Id,
            TestPractice.DatedTerms(), AgreementStatus.InReview);

        var review = msa.RequestReview();

        Assert.Equal((AgreementStatus.InReview, ReviewStatus.Open), (msa.Status, review.Status));
    }

    [Fact]
    public void Request_DueInThePastOrWithALongMessage_IsRefusedNamingTheField()
    {
        Assert.Equal("DueOn", Assert.Throws<DomainRuleException>(() => Draft().RequestReview(dueOn: TestReview.Today.AddDays(-1))).Field);
        Assert.Equal("Message", Assert.Throws<DomainRuleException>(() => Draft().RequestReview(message: new string('a', 4001))).Field);
    }

    [Fact]
    public void Request_WhileAnotherReviewIsOpen_IsAConflict()
    {
        var msa = Draft();

        Assert.Throws<ConflictException>(() => Review.Request(
            msa, TestReview.Attorney, PracticeScope.AllPractices, TestReview.Requester, hasOpenReview: true, null, null, TestReview.Today, TestReview.Now));
    }

    [Fact]
    public void Assess_ByAnotherMemberOrAnUnknownItem_IsRefused()
    {
        var review = Draft().RequestReview();

        Assert.Throws<NotPermittedException>(() => review.Assess("FEE_METHOD", Assessment.Pass, null, TestReview.Requester, TestReview.Now));
        Assert.Throws<NotPermittedException>(() => review.Assess("FEE_METHOD", Assessment.Pass, null, TestReview.OtherAttorney, TestReview.Now));
        Assert.Equal("Code", Assert.Throws<DomainRuleException>(() => review.Assess("NOPE", Assessment.Pass, null, TestReview.Attorney, TestReview.Now)).Field);
        Assert.All(review.Checklist, i => Assert.Equal(Assessment.Unassessed, i.Assessment));
    }

    [Fact]
    public void Approve_WithItemsUnassessed_IsRefusedNamingThem()
    {
        var msa = Draft();
        var review = msa.RequestReview();
        foreach (var code in ReviewChecklist.Codes.Skip(2))
        {
            review.Assess(code, Assessment.Pass, null, TestReview.Attorney, TestReview.Now);
        }

        var error = Assert.Throws<DomainRuleException>(() => review.Decide(msa, ReviewDecision.Approve, null, TestReview.Attorney, TestReview.Now));

        Assert.Equal("Checklist", error.Field);
        Assert.Contains("PARTIES, SERVICES_SPECIFIC", error.Message, StringComparison.Ordinal);
        Assert.True(review.IsOpen);
        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void Approve_WithAConcernWithoutANote_IsRefusedNamingIt()
    {
        var msa = Draft();
        var review = msa.RequestReview().AssessAll();
        review.Assess("FEE_WITHIN_FMV", Assessment.Concern, "  ", TestReview.Attorney, TestReview.Now);

        var error = Assert.Throws<DomainRuleException>(() => review.Decide(msa, ReviewDecision.Approve, null, TestReview.Attorney, TestReview.Now));

        Assert.Contains("without a note: FEE_WITHIN_FMV", error.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void Approve_EveryItemAssessedAndConcernsExplained_RecordsTheDecisionOnTheVersionRead()
    {
        var msa = Draft();
        var review = msa.RequestReview().AssessAll(Assessment.Concern);

        review.Decide(msa, ReviewDecision.Approve, "Acceptable with the noted concerns.", TestReview.Attorney, TestReview.Now);

        Assert.Equal(AgreementStatus.Approved, msa.Status);
        Assert.Equal((ReviewStatus.Approved, ReviewDecision.Approve, 1, TestReview.Now), (review.Status, review.Decision!.Value, review.DecidedVersion!.Value, review.DecidedAt!.Value));
        Assert.Equal("Acceptable with the noted concerns.", review.DecisionReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void RequestChanges_WithoutAReason_IsRefusedNamingReason(string? reason)
    {
        var msa = Draft();
        var review = msa.RequestReview();

        var error = Assert.Throws<DomainRuleException>(() => review.Decide(msa, ReviewDecision.RequestChanges, reason, TestReview.Attorney, TestReview.Now));

        Assert.Equal("Reason", error.Field);
        Assert.True(review.IsOpen);
    }

    [Fact]
    public void Decide_ASecondTime_IsAConflictSayingWhoDecidedAndNothingChanges()
    {
        var msa = Draft();
        var review = msa.RequestReview().RequestChanges(msa, "Fix the fee.");

        var error = Assert.Throws<ConflictException>(() => review.Decide(msa, ReviewDecision.Approve, null, TestReview.Attorney, TestReview.Now));

        Assert.Contains("already sent back with changes requested by Ada Attorney", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Fix the fee.", AgreementStatus.ChangesRequested), (review.DecisionReason, msa.Status));
        Assert.Throws<ConflictException>(() => review.Assess("FEE_METHOD", Assessment.Pass, null, TestReview.Attorney, TestReview.Now));
    }

    [Fact]
    public void Approve_AfterTheAgreementChangedInReview_IsAConflictUntilTheAttorneyReadsTheNewVersion()
    {
        var msa = Draft();
        var review = msa.RequestReview().AssessAll();
        msa.Revise(msa.Terms with { WithoutCauseNoticeDays = 90 }, msa.Title, TestReview.Now);

        var error = Assert.Throws<ConflictException>(() => review.Decide(msa, ReviewDecision.Approve, null, TestReview.Attorney, TestReview.Now));
        Assert.Contains("changed since version 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InReview, msa.Status);

        Assert.Equal("Version", Assert.Throws<DomainRuleException>(() => review.MarkVersionRead(msa, 1, TestReview.Attorney)).Field);
        review.MarkVersionRead(msa, 2, TestReview.Attorney);
        review.Decide(msa, ReviewDecision.Approve, null, TestReview.Attorney, TestReview.Now);

        Assert.Equal((AgreementStatus.Approved, 2, 1), (msa.Status, review.DecidedVersion!.Value, review.RequestedVersion));
    }

    [Fact]
    public void Revise_AnApprovedAgreement_ReturnsItToDraftBecauseTheApprovalNoLongerHolds()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Approved);

        msa.Revise(msa.Terms with { WithoutCauseNoticeDays = 60 }, msa.Title, TestReview.Now);

        Assert.Equal((AgreementStatus.Draft, 2), (msa.Status, msa.VersionNumber));
    }

    [Fact]
    public void Comment_ByAViewer_IsNotPermittedButClientsMayComment()
    {
        var review = Draft().RequestReview();

        Assert.Throws<NotPermittedException>(() => review.Comment(ReviewSection.Fee, "Hello", null, TestReview.Viewer, TestReview.Now));
        review.Comment(ReviewSection.Fee, "Is the fee final?", null, TestReview.Client, TestReview.Now);

        Assert.Single(review.Comments);
    }

    [Fact]
    public void Comment_Of4001Characters_IsRefusedAnd4000Accepted()
    {
        var review = Draft().RequestReview();

        var error = Assert.Throws<DomainRuleException>(() => review.Comment(ReviewSection.General, new string('x', 4001), null, TestReview.Attorney, TestReview.Now));
        review.Comment(ReviewSection.General, new string('x', 4000), null, TestReview.Attorney, TestReview.Now);

        Assert.Equal("Text", error.Field);
        Assert.Contains("at most 4,000 characters; this one has 4,001", error.Message, StringComparison.Ordinal);
        Assert.Single(review.Comments);
    }

    [Fact]
    public void Reply_JoinsTheThreadOfWhatItAnswersAndTakesItsSection()
    {
        var review = Draft().RequestReview();
        var first = review.Comment(ReviewSection.Fee, "Is 45% defensible?", null, TestReview.Attorney, TestReview.Now);
        var reply = review.Comment(ReviewSection.General, "We have an FMV opinion.", first.Id, TestReview.Requester, TestReview.Now.AddMinutes(1));
        var replyToReply = review.Comment(ReviewSection.General, "Attach it, please.", reply.Id, TestReview.Attorney, TestReview.Now.AddMinutes(2));

        Assert.Equal((first.Id, ReviewSection.Fee), (reply.ThreadId!.Value, reply.Section));
        Assert.Equal(first.Id, replyToReply.ThreadId);
    }

    [Fact]
    public void Edit_OwnLatestCommentWithinFifteenMinutes_ChangesItAndMarksItEdited()
    {
        var review = Draft().RequestReview();
        var comment = review.Comment(ReviewSection.Fee, "Tpyo", null, TestReview.Attorney, TestReview.Now);

        review.EditComment(comment.Id, "Typo", TestReview.Attorney, TestReview.Now.AddMinutes(15));

        Assert.Equal(("Typo", TestReview.Now.AddMinutes(15)), (comment.Text, comment.EditedAt!.Value));
    }

    [Fact]
    public void Edit_IsRefusedLateForAnotherAuthorForAnOlderCommentAndAfterAReply()
    {
        var review = Draft().RequestReview();
        var older = review.Comment(ReviewSection.Fee, "First", null, TestReview.Attorney, TestReview.Now);
        var latest = review.Comment(ReviewSection.Term, "Second", null, TestReview.Attorney, TestReview.Now.AddMinutes(1));

        Assert.Contains("latest", Assert.Throws<DomainRuleException>(() => review.EditComment(older.Id, "x", TestReview.Attorney, TestReview.Now.AddMinutes(2))).Message, StringComparison.Ordinal);
        Assert.Contains("author", Assert.Throws<DomainRuleException>(() => review.EditComment(latest.Id, "x", TestReview.Requester, TestReview.Now.AddMinutes(2))).Message, StringComparison.Ordinal);
        Assert.Contains("15 minutes", Assert.Throws<DomainRuleException>(() => review.EditComment(latest.Id, "x", TestReview.Attorney, TestReview.Now.AddMinutes(17))).Message, StringComparison.Ordinal);

        review.Comment(ReviewSection.General, "Agreed.", latest.Id, TestReview.Requester, TestReview.Now.AddMinutes(3));
        Assert.Contains("replied", Assert.Throws<DomainRuleException>(() => review.EditComment(latest.Id, "x", TestReview.Attorney, TestReview.Now.AddMinutes(4))).Message, StringComparison.Ordinal);
        Assert.Equal(("First", "Second"), (older.Text, latest.Text));
    }

    [Fact]
    public void Resolve_AReply_ResolvesItsThreadAndReopenOpensItAgain()
    {
        var review = Draft().RequestReview();
        var first = review.Comment(ReviewSection.Fee, "Fee?", null, TestReview.Attorney, TestReview.Now);
        var reply = review.Comment(ReviewSection.Fee, "Fixed.", first.Id, TestReview.Requester, TestReview.Now);

        review.Resolve(reply.Id, resolved: true, TestReview.Attorney, TestReview.Now);
        Assert.Equal((true, "Ada Attorney"), (first.IsResolved, first.ResolvedByName));

        review.Resolve(first.Id, resolved: false, TestReview.Requester, TestReview.Now);
        Assert.False(first.IsResolved);
    }

    [Fact]
    public void IsOverdue_OnlyWhileOpenAndAfterTheDueDate()
    {
        var msa = Draft();
        var review = msa.RequestReview(dueOn: TestReview.Today);

        Assert.False(review.IsOverdue(TestReview.Today));
        Assert.True(review.IsOverdue(TestReview.Today.AddDays(1)));
        review.RequestChanges(msa);
        Assert.False(review.IsOverdue(TestReview.Today.AddDays(1)));
    }

    [Fact]
    public void Withdraw_AnOpenReview_ReturnsTheAgreementToDraftAndClosesTheReview()
    {
        var msa = Draft();
        var review = msa.RequestReview();

        review.Withdraw(msa, "Ada has left the firm.", TestReview.Requester, TestReview.Now);

        Assert.Equal((ReviewStatus.Withdrawn, AgreementStatus.Draft, "Cory Consultant"), (review.Status, msa.Status, review.WithdrawnByName));
        Assert.Contains("withdrawn by Cory Consultant", Assert.Throws<ConflictException>(() =>
            review.Decide(msa, ReviewDecision.RequestChanges, "Too late.", TestReview.Attorney, TestReview.Now)).Message, StringComparison.Ordinal);
        msa.RequestReview();
        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void Withdraw_WithoutAReasonOrByTheAttorney_IsRefused()
    {
        var msa = Draft();
        var review = msa.RequestReview();

        Assert.Equal("Reason", Assert.Throws<DomainRuleException>(() => review.Withdraw(msa, " ", TestReview.Requester, TestReview.Now)).Field);
        Assert.Throws<NotPermittedException>(() => review.Withdraw(msa, "No.", TestReview.Attorney, TestReview.Now));
        Assert.True(review.IsOpen);
        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }
}
