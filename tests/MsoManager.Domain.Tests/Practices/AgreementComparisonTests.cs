using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Tests.Compliance;
using MsoManager.Domain.Tests.Reviews;
using Fields = MsoManager.Domain.Practices.AgreementComparison.Fields;

namespace MsoManager.Domain.Tests.Practices;

public sealed class AgreementComparisonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly AmendedFrom = new(2026, 7, 1);

    [Fact]
    public void Compare_ATitleChangeOnly_NamesTheTitleAlone()
    {
        var msa = TestPractice.Create().NewMsa(terms: Terms.Complete);
        msa.Revise(Terms.Complete, "MSA (second draft)", Now);

        var changes = AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!);

        var change = Assert.Single(changes);
        Assert.Equal((Fields.Title, "Management Services Agreement", "MSA (second draft)"), (change.Field, change.Before, change.After));
    }

    [Fact]
    public void Compare_AFeeRaised_NamesTheFlatMonthlyAmountOnEachSide()
    {
        var msa = AmendedMsa(Terms.Flat(35_000m));

        var change = Assert.Single(AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!), c => c.Field != Fields.AmendmentEffectiveOn);

        Assert.Equal((Fields.FlatMonthly, 25_000m, 35_000m), (change.Field, change.Before, change.After));
        Assert.Null(change.Added);
    }

    [Fact]
    public void Compare_AnAmendment_NamesItsEffectiveDate()
    {
        var msa = AmendedMsa(Terms.Flat(30_000m));

        var change = Assert.Single(AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!), c => c.Field == Fields.AmendmentEffectiveOn);

        Assert.Equal((null, AmendedFrom), (change.Before, change.After));
    }

    [Fact]
    public void Compare_ServicesAddedAndRemoved_SaysWhichOnTheServicesAndCustomServicesFields()
    {
        var msa = TestPractice.Create().NewMsa(terms: Terms.Complete with { Services = [ServiceLine.Marketing, ServiceLine.Training], CustomServices = ["Laundry"] });
        msa.Revise(msa.Terms with { Services = [ServiceLine.Marketing, ServiceLine.Technology], CustomServices = ["Laundry", "Courier"] }, msa.Title, Now);

        var changes = AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!);

        Assert.Equal([Fields.Services, Fields.CustomServices], changes.Select(c => c.Field));
        Assert.Equal([ServiceLine.Technology], changes[0].Added!);
        Assert.Equal([ServiceLine.Training], changes[0].Removed!);
        Assert.Equal(["Courier"], changes[1].Added!);
        Assert.Empty(changes[1].Removed!);
        Assert.Equal(new[] { ServiceLine.Marketing, ServiceLine.Technology }, changes[0].After);
    }

    [Fact]
    public void Compare_AReservationDropped_NamesItAsRemovedFromReservedClinicalAuthority()
    {
        var msa = TestPractice.Create().NewMsa(terms: Terms.Complete);
        msa.Revise(msa.Terms with { ReservedAuthority = [.. MsaTerms.EssentialAuthority.Where(a => a != ClinicalAuthority.PatientRecords)] }, msa.Title, Now);

        var change = Assert.Single(AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!));

        Assert.Equal(Fields.ReservedClinicalAuthority, change.Field);
        Assert.Empty(change.Added!);
        Assert.Equal([ClinicalAuthority.PatientRecords], change.Removed!);
    }

    [Fact]
    public void Compare_TermRenewalNoticeForCauseAndFmv_NamesEachByItsDocumentName()
    {
        var msa = TestPractice.Create().NewMsa(terms: Terms.Complete);
        msa.Revise(msa.Terms with
        {
            InitialTermMonths = 36,
            AutoRenew = false,
            RenewalTermMonths = null,
            WithoutCauseNoticeDays = 60,
            ForCauseProvisions = "Material breach.",
            FmvHigh = 400_000m,
            Valuator = "Other Valuation LLC",
        }, msa.Title, Now);

        var changes = AgreementComparison.Compare(msa.FindVersion(1)!, msa.FindVersion(2)!);

        Assert.Equal(
            [
                (Fields.TermMonths, (object?)60, (object?)36), (Fields.AutoRenew, true, false), (Fields.RenewalTermMonths, 12, null),
                (Fields.WithoutCauseNoticeDays, 90, 60), (Fields.ForCauseProvisions, null, "Material breach."),
                (Fields.FmvHigh, 360_000m, 400_000m), (Fields.Valuator, "Example Valuation LLC", "Other Valuation LLC"),
            ],
            changes.Select(c => (c.Field, c.Before, c.After)));
    }

    [Fact]
    public void Compare_StatusesThatDiffer_AreAChange_AndUnknownOrEqualOnesAreNot()
    {
        var msa = AmendedMsa(Terms.Flat(30_000m));
        var (v1, v2) = (msa.FindVersion(1)!, msa.FindVersion(2)!);

        var status = Assert.Single(AgreementComparison.Compare(v1, v2, AgreementStatus.Approved, AgreementStatus.Executed), c => c.Field == Fields.Status);

        Assert.Equal((AgreementStatus.Approved, AgreementStatus.Executed), (status.Before, status.After));
        Assert.DoesNotContain(AgreementComparison.Compare(v1, v2, AgreementStatus.Executed, AgreementStatus.Executed), c => c.Field == Fields.Status);
        Assert.DoesNotContain(AgreementComparison.Compare(v1, v2), c => c.Field == Fields.Status);
    }

    [Fact]
    public void Between_AFeeRaisedAboveTheFmvHigh_IntroducesFeeAboveFmvWithItsMessage()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Msa.Amend(Terms.Flat(35_000m), AmendedFrom, Now);

        var effect = Between(b, 1, 2).Compliance;

        var introduced = Assert.Single(effect.Introduced);
        Assert.Equal(("FEE_ABOVE_FMV", "msa"), (introduced.Code, introduced.SubjectKey));
        Assert.Contains("$420,000 a year by its terms", introduced.Message, StringComparison.Ordinal);
        Assert.Empty(effect.Cleared);
        Assert.Empty(effect.Before);
    }

    [Fact]
    public void Between_AFeeLoweredBackWithinTheFmv_ClearsFeeAboveFmv()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Msa.Amend(Terms.Flat(35_000m), AmendedFrom, Now);
        b.Msa.Amend(Terms.Flat(28_000m), AmendedFrom.AddMonths(1), Now);

        var effect = Between(b, 2, 3).Compliance;

        Assert.Equal(["FEE_ABOVE_FMV"], effect.Cleared.Select(f => f.Code));
        Assert.Empty(effect.Introduced);
        Assert.Empty(effect.After);
    }

    [Fact]
    public void Between_AFindingOnBothSides_IsUnchangedWithTheLaterMessage()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Flat(35_000m));
        b.Msa.Amend(Terms.Flat(40_000m), AmendedFrom, Now);

        var effect = Between(b, 1, 2).Compliance;

        var unchanged = Assert.Single(effect.Unchanged);
        Assert.Contains("$480,000 a year by its terms", unchanged.Message, StringComparison.Ordinal);
        Assert.Empty(effect.Introduced);
        Assert.Empty(effect.Cleared);
    }

    [Fact]
    public void Between_AnEarlierVersion_LeavesThePracticeAndItsAgreementAsTheyWere()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Msa.Amend(Terms.Flat(35_000m), AmendedFrom, Now);
        var findings = b.Evaluate().Findings.Select(f => f.Code).ToList();

        Between(b, 2, 1);

        Assert.Equal((2, 35_000m, AmendedFrom), (b.Msa.VersionNumber, b.Msa.Terms.FlatMonthly!.Value, b.Msa.CurrentVersionEffectiveOn!.Value));
        Assert.Same(b.Msa, b.Practice.FindAgreement(b.Msa.Id));
        Assert.Equal(findings, b.Evaluate().Findings.Select(f => f.Code));
    }

    [Fact]
    public void Between_TheEarlierVersionsTerms_AreWhatItsSideIsEvaluatedOn()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Flat(35_000m));
        b.Msa.Amend(Terms.Flat(25_000m), AmendedFrom, Now);

        var comparison = Between(b, 2, 1);

        Assert.Equal(["FEE_ABOVE_FMV"], comparison.Compliance.After.Select(f => f.Code));
        Assert.Equal(["FEE_ABOVE_FMV"], comparison.Compliance.Introduced.Select(f => f.Code));
        Assert.Equal((2, 1), (comparison.From.Number, comparison.To.Number));
    }

    [Theory]
    [InlineData(0, 2, "from")]
    [InlineData(3, 1, "from")]
    [InlineData(1, 5, "to")]
    [InlineData(2, 2, "to")]
    public void Between_AVersionThatDoesNotExistOrTheSameTwice_IsRefusedNamingIt(int from, int to, string field)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Msa.Amend(Terms.Flat(30_000m), AmendedFrom, Now);

        var refused = Assert.Throws<DomainRuleException>(() => Between(b, from, to));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Validate_BothVersionsMissing_NamesBoth_AndTheSameVersionTwiceNamesTo()
    {
        Assert.Equal(["from", "to"], AgreementComparison.Validate(0, 4, 3).Select(p => p.Field));
        Assert.Equal([("to", "Choose two different versions to compare.")], AgreementComparison.Validate(2, 2, 3));
        Assert.Empty(AgreementComparison.Validate(3, 1, 3));
    }

    [Fact]
    public void ValidateVersion_OfAnAgreementWithOneVersion_SaysThereIsOnlyOne()
    {
        Assert.Equal("There is no version 2: this agreement has only version 1.", AgreementComparison.ValidateVersion(2, 1));
        Assert.Null(AgreementComparison.ValidateVersion(1, 1));
    }

    [Fact]
    public void AllVersions_OfARevisedThenAmendedAgreement_SayHowAndWhenEachCameToBe()
    {
        var msa = TestPractice.Create().NewMsa(terms: Terms.Complete);
        msa.Revise(Terms.Flat(26_000m), msa.Title, Now);
        msa.RequestReview().Approve(msa);
        msa.Execute(TestPractice.Editor);
        msa.Amend(Terms.Flat(27_000m), AmendedFrom, Now.AddDays(1));

        var versions = msa.AllVersions();

        Assert.Equal(
            [(1, null, null, null), (2, AgreementVersionKind.Revision, Now, null), (3, AgreementVersionKind.Amendment, Now.AddDays(1), AmendedFrom)],
            versions.Select(v => (v.Number, v.Kind, v.SavedAt, v.AmendmentEffectiveOn)));
        Assert.Equal([25_000m, 26_000m, 27_000m], versions.Select(v => v.Terms.FlatMonthly!.Value));
        Assert.Equal((AmendedFrom, Terms.Complete.EffectiveOn), (versions[2].TakesEffectOn, versions[0].TakesEffectOn));
    }

    [Fact]
    public void FindVersion_ANumberTheAgreementNeverHad_IsNull()
    {
        var msa = AmendedMsa(Terms.Flat(30_000m));

        Assert.Null(msa.FindVersion(3));
        Assert.Equal(2, msa.FindVersion(2)!.Number);
    }

    /// <summary>The clean practice's executed MSA ($25,000 a month) amended from <see cref="AmendedFrom"/> to <paramref name="terms"/>.</summary>
    private static Agreement AmendedMsa(MsaTerms terms)
    {
        var msa = ComplianceTestPractice.Compliant().Msa;
        msa.Amend(terms, AmendedFrom, Now);
        return msa;
    }

    private static AgreementComparison Between(ComplianceTestPractice b, int from, int to) =>
        AgreementComparison.Between(b.Practice, b.Msa.Id, from, to, null, null, ComplianceTestPractice.AsOf, StateRows.Book());
}
