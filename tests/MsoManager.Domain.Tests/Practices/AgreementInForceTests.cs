using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementInForceTests
{
    private static readonly DateOnly Effective = TestPractice.EffectiveOn;

    /// <summary>The end of a 12-month initial term from <see cref="Effective"/>.</summary>
    private static readonly DateOnly End = new(2026, 1, 1);

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
    [InlineData(AgreementStatus.ChangesRequested)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Terminated)]
    public void IsInForce_NotExecuted_IsFalse(AgreementStatus status)
    {
        var msa = TestPractice.Create().NewMsa(status);

        Assert.False(msa.IsInForce(Effective.AddMonths(1)));
    }

    [Fact]
    public void IsInForce_TheDayBeforeTheEffectiveDate_IsFalse()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        Assert.False(msa.IsInForce(Effective.AddDays(-1)));
    }

    [Fact]
    public void IsInForce_OnTheEffectiveDate_IsTrue()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        Assert.True(msa.IsInForce(Effective));
    }

    [Fact]
    public void IsInForce_TheDayBeforeTheTermEnds_IsTrue()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        Assert.True(msa.IsInForce(End.AddDays(-1)));
    }

    [Fact]
    public void IsInForce_OnTheEndOfTheInitialTerm_IsFalse()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        Assert.Equal(End, msa.Terms.InitialTermEndsOn);
        Assert.False(msa.IsInForce(End));
    }

    [Fact]
    public void IsInForce_AfterTheInitialTermWhenItAutoRenews_IsTrue()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, TestPractice.DatedTerms(autoRenew: true));

        Assert.True(msa.IsInForce(End));
        Assert.True(msa.IsInForce(End.AddYears(10)));
    }

    [Fact]
    public void IsInForce_WithoutAnInitialTerm_HasNoEnd()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, TestPractice.DatedTerms(initialTermMonths: null));

        Assert.Null(msa.Terms.InitialTermEndsOn);
        Assert.True(msa.IsInForce(new DateOnly(2200, 12, 31)));
    }

    [Fact]
    public void IsInForce_AfterTermination_IsFalse()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed);

        msa.Terminate(TestPractice.Editor);

        Assert.False(msa.IsInForce(Effective));
    }
}
