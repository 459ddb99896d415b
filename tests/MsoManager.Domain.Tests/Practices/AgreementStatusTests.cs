using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementStatusTests
{
    [Fact]
    public void SubmitForReview_Draft_MovesToInReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Draft);

        msa.SubmitForReview(TestPractice.Editor);

        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void RequestChanges_InReview_MovesToChangesRequested()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.InReview);

        msa.RequestChanges(TestPractice.Reviewer);

        Assert.Equal(AgreementStatus.ChangesRequested, msa.Status);
    }

    [Fact]
    public void SubmitForReview_ChangesRequested_MovesBackToInReview()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.ChangesRequested);

        msa.SubmitForReview(TestPractice.Editor);

        Assert.Equal(AgreementStatus.InReview, msa.Status);
    }

    [Fact]
    public void Approve_InReview_MovesToApproved()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.InReview);

        msa.Approve(TestPractice.Reviewer);

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

        msa.SubmitForReview(TestPractice.Editor);
        msa.RequestChanges(TestPractice.Reviewer);
        msa.SubmitForReview(TestPractice.Editor);
        msa.Approve(TestPractice.Reviewer);
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
    [InlineData(AgreementStatus.Draft, nameof(Agreement.Approve))]
    [InlineData(AgreementStatus.Draft, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Draft, nameof(Agreement.RequestChanges))]
    [InlineData(AgreementStatus.Draft, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.InReview, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.InReview, nameof(Agreement.SubmitForReview))]
    [InlineData(AgreementStatus.InReview, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.ChangesRequested, nameof(Agreement.Approve))]
    [InlineData(AgreementStatus.ChangesRequested, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Approved, nameof(Agreement.SubmitForReview))]
    [InlineData(AgreementStatus.Approved, nameof(Agreement.RequestChanges))]
    [InlineData(AgreementStatus.Approved, nameof(Agreement.Terminate))]
    [InlineData(AgreementStatus.Executed, nameof(Agreement.SubmitForReview))]
    [InlineData(AgreementStatus.Executed, nameof(Agreement.Approve))]
    [InlineData(AgreementStatus.Executed, nameof(Agreement.Execute))]
    [InlineData(AgreementStatus.Terminated, nameof(Agreement.SubmitForReview))]
    [InlineData(AgreementStatus.Terminated, nameof(Agreement.RequestChanges))]
    [InlineData(AgreementStatus.Terminated, nameof(Agreement.Approve))]
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
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
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

    private static string TransitionTo(AgreementStatus from, AgreementStatus to) => to switch
    {
        AgreementStatus.InReview => nameof(Agreement.SubmitForReview),
        AgreementStatus.ChangesRequested => nameof(Agreement.RequestChanges),
        AgreementStatus.Approved => nameof(Agreement.Approve),
        AgreementStatus.Executed => nameof(Agreement.Execute),
        AgreementStatus.Terminated => nameof(Agreement.Terminate),
        AgreementStatus.Draft => throw new InvalidOperationException($"No transition from {from} back to Draft."),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, null),
    };

    private static void Apply(Agreement agreement, string transition)
    {
        switch (transition)
        {
            case nameof(Agreement.SubmitForReview):
                agreement.SubmitForReview(TestPractice.Editor);
                break;
            case nameof(Agreement.RequestChanges):
                agreement.RequestChanges(TestPractice.Reviewer);
                break;
            case nameof(Agreement.Approve):
                agreement.Approve(TestPractice.Reviewer);
                break;
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
}
