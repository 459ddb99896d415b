using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly MsaTerms Original = TestPractice.DatedTerms() with { FeeMethod = FeeMethod.FlatMonthly, FlatMonthly = 10_000m };

    private static readonly MsaTerms Revised = Original with { FlatMonthly = 12_500m };

    [Fact]
    public void Revise_ChangedTerms_KeepsThePreviousTermsAsAVersion()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);

        msa.Revise(Revised, msa.Title, Now);

        var version = Assert.Single(msa.Versions);
        Assert.Equal((1, 10_000m, AgreementVersionKind.Revision, Now), (version.Number, version.Terms.FlatMonthly, version.SupersededBy, version.SupersededAt));
        Assert.Equal((msa.Id, msa.PracticeId, msa.WorkspaceId), (version.AgreementId, version.PracticeId, version.WorkspaceId));
    }

    [Fact]
    public void Revise_ChangedTerms_MakesThemCurrentAsTheNextVersion()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);

        msa.Revise(Revised, msa.Title, Now);

        Assert.Equal(2, msa.VersionNumber);
        Assert.Equal(12_500m, msa.Terms.FlatMonthly);
    }

    [Fact]
    public void Revise_Twice_KeepsEveryEarlierVersionInOrder()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);

        msa.Revise(Revised, msa.Title, Now);
        msa.Revise(Revised with { FlatMonthly = 15_000m }, msa.Title, Now.AddDays(1));

        Assert.Equal(3, msa.VersionNumber);
        Assert.Equal([(1, 10_000m), (2, 12_500m)], msa.Versions.Select(v => (v.Number, v.Terms.FlatMonthly!.Value)));
        Assert.Equal(15_000m, msa.Terms.FlatMonthly);
    }

    [Fact]
    public void Revise_IdenticalTerms_AddsNoVersion()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original with { Services = [ServiceLine.Marketing, ServiceLine.Facilities] });

        msa.Revise(Original with { Services = [ServiceLine.Facilities, ServiceLine.Marketing, ServiceLine.Marketing] }, $" {msa.Title} ", Now);

        Assert.Empty(msa.Versions);
        Assert.Equal(1, msa.VersionNumber);
    }

    [Fact]
    public void Revise_NewTitleOnly_KeepsTheOldTitleInAVersion()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);
        var oldTitle = msa.Title;

        msa.Revise(Original, "Amended and Restated MSA", Now);

        Assert.Equal(oldTitle, Assert.Single(msa.Versions).Title);
        Assert.Equal("Amended and Restated MSA", msa.Title);
    }

    [Fact]
    public void Revise_AfterChangesWereRequested_IsAllowed()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.ChangesRequested, Original);

        msa.Revise(Revised, msa.Title, Now);

        Assert.Equal(12_500m, msa.Terms.FlatMonthly);
        Assert.Single(msa.Versions);
    }

    [Theory]
    [InlineData(AgreementStatus.InReview, AgreementStatus.InReview)]
    [InlineData(AgreementStatus.Approved, AgreementStatus.Draft)]
    public void Revise_InReviewOrApproved_KeepsAVersionAndLeavesTheApprovalBehind(AgreementStatus status, AgreementStatus after)
    {
        var msa = TestPractice.Create().NewMsa(status, Original);

        msa.Revise(Revised, msa.Title, Now);

        Assert.Equal((after, 2), (msa.Status, msa.VersionNumber));
        Assert.Single(msa.Versions);
    }

    [Theory]
    [InlineData(AgreementStatus.Executed)]
    [InlineData(AgreementStatus.Terminated)]
    public void Revise_ExecutedOrTerminated_IsRefusedNamingStatus(AgreementStatus status)
    {
        var msa = TestPractice.Create().NewMsa(status, Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Revise(Revised, msa.Title, Now));

        Assert.Equal("Status", error.Field);
        Assert.Equal(10_000m, msa.Terms.FlatMonthly);
        Assert.Empty(msa.Versions);
    }

    [Fact]
    public void Revise_InvalidTerms_IsRefusedAndKeepsNoVersion()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Revise(Original with { FlatMonthly = -1m }, msa.Title, Now));

        Assert.Equal(nameof(MsaTerms.FlatMonthly), error.Field);
        Assert.Empty(msa.Versions);
        Assert.Equal(10_000m, msa.Terms.FlatMonthly);
    }

    [Fact]
    public void Revise_BlankTitle_IsRefusedNamingTitle()
    {
        var msa = TestPractice.Create().NewMsa(terms: Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Revise(Revised, " ", Now));

        Assert.Equal("Title", error.Field);
        Assert.Empty(msa.Versions);
    }

    [Fact]
    public void Amend_Executed_KeepsThePreviousVersionSupersededByAmendment()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        msa.Amend(Revised, new DateOnly(2025, 7, 1), Now);

        var version = Assert.Single(msa.Versions);
        Assert.Equal((1, AgreementVersionKind.Amendment, 10_000m, (DateOnly?)null), (version.Number, version.SupersededBy, version.Terms.FlatMonthly, version.EffectiveOn));
        Assert.Equal((2, 12_500m), (msa.VersionNumber, msa.Terms.FlatMonthly));
    }

    [Fact]
    public void Amend_SetsTheCurrentVersionEffectiveDate()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        msa.Amend(Revised, new DateOnly(2025, 7, 1), Now);

        Assert.Equal(new DateOnly(2025, 7, 1), msa.CurrentVersionEffectiveOn);
        Assert.Equal(AgreementStatus.Executed, msa.Status);
    }

    [Fact]
    public void Amend_Twice_KeepsTheFirstAmendmentWithItsEffectiveDate()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);
        msa.Amend(Revised, new DateOnly(2025, 7, 1), Now);

        msa.Amend(Revised with { FlatMonthly = 15_000m }, new DateOnly(2026, 1, 1), Now.AddDays(1));

        Assert.Equal([(1, (DateOnly?)null), (2, new DateOnly(2025, 7, 1))], msa.Versions.Select(v => (v.Number, v.EffectiveOn)));
        Assert.Equal(new DateOnly(2026, 1, 1), msa.CurrentVersionEffectiveOn);
    }

    [Fact]
    public void Amend_OnTheAgreementsEffectiveDate_IsAccepted()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        msa.Amend(Revised, TestPractice.EffectiveOn, Now);

        Assert.Equal(TestPractice.EffectiveOn, msa.CurrentVersionEffectiveOn);
    }

    [Fact]
    public void Amend_BeforeTheAgreementsEffectiveDate_IsRefusedNamingAmendmentEffectiveOn()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Amend(Revised, TestPractice.EffectiveOn.AddDays(-1), Now));

        Assert.Equal("AmendmentEffectiveOn", error.Field);
        Assert.Empty(msa.Versions);
        Assert.Null(msa.CurrentVersionEffectiveOn);
    }

    [Fact]
    public void Amend_EffectiveAfter2200_IsRefusedNamingAmendmentEffectiveOn()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Amend(Revised, new DateOnly(2201, 1, 1), Now));

        Assert.Equal("AmendmentEffectiveOn", error.Field);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
    [InlineData(AgreementStatus.ChangesRequested)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Terminated)]
    public void Amend_NotExecuted_IsRefusedNamingStatus(AgreementStatus status)
    {
        var msa = TestPractice.Create().NewMsa(status, Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Amend(Revised, new DateOnly(2025, 7, 1), Now));

        Assert.Equal("Status", error.Field);
        Assert.Empty(msa.Versions);
    }

    [Fact]
    public void Amend_InvalidTerms_IsRefusedAndKeepsNoVersion()
    {
        var msa = TestPractice.Create().NewMsa(AgreementStatus.Executed, Original);

        var error = Assert.Throws<DomainRuleException>(() => msa.Amend(Original with { FlatMonthly = -1m }, new DateOnly(2025, 7, 1), Now));

        Assert.Equal(nameof(MsaTerms.FlatMonthly), error.Field);
        Assert.Empty(msa.Versions);
        Assert.Equal((1, 10_000m), (msa.VersionNumber, msa.Terms.FlatMonthly));
    }
}
