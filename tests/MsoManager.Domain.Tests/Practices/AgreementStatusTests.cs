using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Tests.Reviews;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementStatusTests
{
    [Fact]
    public void RequestReview_Draft_MovesToInReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.RequestReview();

        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void RequestChangesDecision_InReview_MovesToChangesRequested()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.RequestReview().RequestChanges(msa);

        Assert.Equal(AgreementStatus.ChangesRequested, msa.Status);
    }

    [Fact]
    public void RequestReview_ChangesRequested_MovesBackToInReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.ChangesRequested);

        msa.RequestReview();

        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void ApproveDecision_InReview_MovesToApproved()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.RequestReview().Approve(msa);

        Assert.Equal(AgreementStatus.Approved, msa.Status);
    }

    [Fact]
    public void Execute_ApprovedWithAnEffectiveDate_MovesToExecuted()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Approved);

        msa.Execute(TestPractice.Editor);

        Assert.Equal(AgreementStatus.Executed, msa.Status);
    }

    [Fact]
    public void Terminate_Executed_MovesToTerminated()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        msa.Terminate(TestPractice.Editor);

        Assert.Equal(AgreementStatus.Terminated, msa.Status);
    }

    [Fact]
    public void Transitions_TheWholeAllowedPath_EndsTerminated()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.RequestReview().RequestChanges(msa);
        msa.RequestReview().Approve(msa);
        msa.Execute(TestPractice.Editor);
        msa.Terminate(TestPractice.Editor);

        Assert.Equal(AgreementStatus.Terminated, msa.Status);
    }

    [Fact]
    public void Execute_WithoutAnEffectiveDate_IsRefusedNamingEffectiveOn()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Approved, MsaTerms.Empty);

        var error = Assert.Throws<DomainRuleException>(() => msa.Execute(TestPractice.Editor));

        Assert.Equal("EffectiveOn", error.Field);
        Assert.Equal(AgreementStatus.Approved, msa.Status);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Draft, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.InReview, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.InReview, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.ChangesRequested, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Approved, RequestReview)]
    [InlineData(AgreementStatus.Approved, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.Executed, RequestReview)]
    [InlineData(AgreementStatus.Executed, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Terminated, RequestReview)]
    [InlineData(AgreementStatus.Terminated, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Terminated, nameof(Agreement.Terminate))]
    public void Transition_NotAllowedFromTheStatus_IsRefusedNamingStatusAndKeepsTheStatus(AgreementStatus status, string transition)
    {
        var msa = TestPractice.Create().NewMsa(status);

        var error = Assert.Throws<DomainRuleException>(() => Apply(msa, transition));

        Assert.Equal("Status", error.Field);
        Assert.Equal(status, msa.Status);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft, AgreementStatus.InReview)]
    [InlineData(AgreementStatus.InReview, AgreementStatus.ChangesRequested, AgreementStatus.Approved)]
    [InlineData(AgreementStatus.ChangesRequested, AgreementStatus.InReview)]
    [InlineData(AgreementStatus.Approved, AgreementStatus.Executed)]
    [InlineData(AgreementStatus.Executed, AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Terminated)]
    public void NextStatuses_ListsExactlyTheAllowedMoves(AgreementStatus status, params AgreementStatus[] expected)
    {
        var msa = TestPractice.Create().NewMsa(status);

        var next = msa.NextStatuses();

        Assert.Equal(expected, next);
    }

    [Theory]
    [InlineData(ReviewDecision.Approve, AgreementStatus.Approved)]
    [InlineData(ReviewDecision.RequestChanges, AgreementStatus.ChangesRequested)]
    public void NextStatuses_InReview_EachDecisionSucceeds(ReviewDecision decision, AgreementStatus expected)
    {
        var (msa, review) = InReview();
        review.AssessAll();

        review.Decide(msa, decision, "Reason given.", TestReview.Attorney, TestReview.Now);

        Assert.Equal(expected, msa.Status);
        Assert.Contains(expected, AgreementWorkflow.NextStatuses(AgreementStatus.InReview));
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.ChangesRequested)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Executed)]
    public void NextStatuses_EachListedMove_Succeeds(AgreementStatus status)
    {
        foreach (var next in TestPractice.Create().NewMsa(status).NextStatuses())
        {
            var msa = TestPractice.Create().NewMsa(status);

            Apply(msa, TransitionTo(msa.Status, next));

            Assert.Equal(next, msa.Status);
        }
    }

    private const string RequestReview = nameof(RequestReview);
    private const string RequestChanges = nameof(RequestChanges);
    private const string Approve = nameof(Approve);

    private static string TransitionTo(AgreementStatus from, AgreementStatus to) => to switch
    {
        AgreementStatus.InReview => RequestReview,
        AgreementStatus.ChangesRequested => RequestChanges,
        AgreementStatus.Approved => Approve,
        AgreementStatus.Executed => nameof(Agreement.Execute),
        AgreementStatus.Terminated => nameof(Agreement.Terminate),
        AgreementStatus.Draft => throw new InvalidOperationException($"No transition from {from} back to Draft."),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, null),
    };

    /// <summary>Takes a step: review steps through a review (the open one of an agreement in review), the others on the agreement.</summary>
    private static void Apply(Agreement agreement, string transition)
    {
        switch (transition)
        {
            case RequestReview:
                agreement.RequestReview();
                break;
            case RequestChanges or Approve:
                throw new InvalidOperationException("A decision needs the review: see NextStatuses_InReview_EachDecisionSucceeds.");
            case nameof(Agreement.Execute):
                agreement.Execute(TestPractice.Editor);
                break;
            case nameof(Agreement.Terminate):
                agreement.Terminate(TestPractice.Editor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(transition), transition, null);
        }
    }

    // An agreement in review with its open review, for the decisions.
    private static (Agreement Msa, Review Review) InReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);
        return (msa, msa.RequestReview());
    }
}
