using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>FEE_FMV_UNDOCUMENTED, FEE_ABOVE_FMV, FEE_PERCENTAGE_RESTRICTED and FEE_SWEEPS_REVENUE.</summary>
public sealed class FeeRuleTests
{
    private static readonly DateOnly AsOf = ComplianceTestPractice.AsOf;

    /// <summary>Records the same figures for each month from <paramref name="first"/>, <paramref name="count"/> months.</summary>
    private static void Months(ComplianceTestPractice b, string first, int count, decimal collections, decimal clinical, decimal fee)
    {
        var month = YearMonth.Parse(first, "Month");
        for (var i = 0; i < count; i++)
        {
            b.Month(b.Pc, month.AddMonths(i).ToString(), collections, clinical, fee);
        }
    }

    [Theory]
    [InlineData(AgreementStatus.Approved, true)]
    [InlineData(AgreementStatus.Executed, true)]
    [InlineData(AgreementStatus.Draft, false)]
    [InlineData(AgreementStatus.InReview, false)]
    [InlineData(AgreementStatus.Terminated, false)]
    public void Evaluate_MsaWithoutFmv_IsUndocumentedOnlyOnceApproved(AgreementStatus status, bool fires)
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { FmvLow = null, FmvHigh = null, FmvValuedOn = null, Valuator = null }, msaStatus: status);

        Assert.Equal(fires, b.Evaluate().All("FEE_FMV_UNDOCUMENTED").Count == 1);
    }

    [Fact]
    public void Evaluate_MsaWithoutValuationDate_ListsItAsMissing()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { FmvValuedOn = null });

        var finding = b.Evaluate().Single("FEE_FMV_UNDOCUMENTED");

        Assert.Equal((Severity.Medium, SubjectType.Agreement, "msa", (Guid?)b.Msa.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Contains("has no complete fair-market-value support for its fee: it lacks a valuation date, which an approved or executed MSA needs.", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_FmvOpinionAroundTwentyFourMonthsOld_IsStaleOnlyWhenOlder(int daysOlder, bool fires)
    {
        var valuedOn = AsOf.AddMonths(-ComplianceEngine.FmvOpinionMaxAgeMonths).AddDays(-daysOlder);
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { FmvValuedOn = valuedOn });

        var findings = b.Evaluate().All("FEE_FMV_UNDOCUMENTED");

        Assert.Equal(fires ? ["msa"] : [], findings.Select(f => f.SubjectKey));
        Assert.All(findings, f => Assert.Contains("dated 2024-11-28, more than 24 months before 2026-11-29", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(30_000, false)]
    [InlineData(30_000.01, true)]
    public void Evaluate_FlatFeeAroundTheFmvHigh_IsAboveOnlyWhenHigher(decimal monthly, bool fires)
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Flat(monthly));

        Assert.Equal(fires, b.Evaluate().All("FEE_ABOVE_FMV").Count == 1);
    }

    [Fact]
    public void Evaluate_PercentFeeOnAnnualizedCollections_IsAboveFmvWithBothFigures()
    {
        // 6 months of $150,000 → $1,800,000 a year; 25% → $450,000 > $360,000.
        var b = ComplianceTestPractice.Compliant(msa: Terms.Percent(25m));
        Months(b, "2026-01", 6, 150_000m, 40_000m, 30_000m);

        var finding = b.Evaluate().Single("FEE_ABOVE_FMV");

        Assert.Equal((Severity.High, SubjectType.Agreement, "msa"), (finding.Severity, finding.SubjectType, finding.SubjectKey));
        Assert.Equal(
            "The fee of the MSA \"Management Services Agreement\" between Glow Management LLC and Glow Medical PLLC is $450,000 a year by its terms and $360,000 a year as paid (annualized from 6 months from 2025-11 to 2026-10), above the FMV high of $360,000.",
            finding.Message);
    }

    [Fact]
    public void Evaluate_PercentFeeWithoutFinancialMonths_CannotBeAboveFmv()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Percent(90m));

        b.Evaluate().Lacks("FEE_ABOVE_FMV");
    }

    [Fact]
    public void Evaluate_FeePaidAboveFmvWhileTermsAreWithin_FindsAboveFmvOnce()
    {
        var b = ComplianceTestPractice.Compliant();
        Months(b, "2026-08", 3, 200_000m, 40_000m, 31_000m);

        var finding = b.Evaluate().Single("FEE_ABOVE_FMV");

        Assert.Contains("$300,000 a year by its terms and $372,000 a year as paid", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CostPlusFee_UsesTheAnnualizedFeePaid()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.CostPlus(10m));
        Months(b, "2026-10", 1, 100_000m, 20_000m, 30_000.01m);

        var finding = b.Evaluate().Single("FEE_ABOVE_FMV");

        Assert.Contains("$360,000.12 a year by its terms", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CostPlusFeeWithoutFinancialMonths_CannotBeAboveFmv()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.CostPlus(10m));

        b.Evaluate().Lacks("FEE_ABOVE_FMV");
    }

    [Fact]
    public void Evaluate_HybridWithoutFinancialMonths_UsesItsFlatPartAlone()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Hybrid(30_001m, 10m));

        Assert.Contains("$360,012 a year by its terms and unknown as paid", b.Evaluate().Single("FEE_ABOVE_FMV").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HybridWithFinancialMonths_AddsTheRateOnCollections()
    {
        // $20,000 x 12 + 10% of $1,200,000 = $360,000 (not above); at 10.01% it is $360,120.
        var within = ComplianceTestPractice.Compliant(msa: Terms.Hybrid(20_000m, 10m));
        Months(within, "2026-05", 4, 100_000m, 20_000m, 25_000m);
        var above = ComplianceTestPractice.Compliant(msa: Terms.Hybrid(20_000m, 10.01m));
        Months(above, "2026-05", 4, 100_000m, 20_000m, 25_000m);

        within.Evaluate().Lacks("FEE_ABOVE_FMV");
        above.Evaluate().Single("FEE_ABOVE_FMV");
    }

    [Fact]
    public void Evaluate_FeeAboveWhereNoFmvHighOrTerminated_FindsNothing()
    {
        var noHigh = ComplianceTestPractice.Compliant(msa: Terms.Flat(90_000m) with { FmvHigh = null }, msaStatus: AgreementStatus.Draft);
        var terminated = ComplianceTestPractice.Compliant(msa: Terms.Flat(90_000m), msaStatus: AgreementStatus.Terminated);

        noHigh.Evaluate().Lacks("FEE_ABOVE_FMV");
        terminated.Evaluate().Lacks("FEE_ABOVE_FMV");
    }

    [Theory]
    [InlineData("NY", Severity.High)]
    [InlineData("TX", Severity.Medium)]
    [InlineData("CA", null)]
    [InlineData("FL", null)]
    public void Evaluate_PercentFee_SeverityFollowsThePcStatesFeeSplitting(string state, Severity? expected)
    {
        var b = ComplianceTestPractice.Compliant(state, state == "CA" ? EntityForm.PC : EntityForm.PLLC, msa: Terms.Percent(20m));

        var findings = b.Evaluate().All("FEE_PERCENTAGE_RESTRICTED");

        Assert.Equal(expected is { } severity ? [severity] : [], findings.Select(f => f.Severity));
    }

    [Fact]
    public void Evaluate_PercentFeeInNewYork_CarriesTheStateRowAndNamesTheRate()
    {
        var b = ComplianceTestPractice.Compliant("NY", msa: Terms.Percent(20m));

        var finding = b.Evaluate().Single("FEE_PERCENTAGE_RESTRICTED");

        Assert.Equal((SubjectType.Agreement, "msa", StateCode.From("NY")), (finding.SubjectType, finding.SubjectKey, finding.State));
        Assert.Equal(StateRows.NewYork.Sources, finding.Sources);
        Assert.Contains("charges a percentage of collections (20%), and New York's fee-splitting rules prohibit", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.01, true)]
    public void Evaluate_HybridFeeInNewYork_IsRestrictedOnlyWithARateAboveZero(decimal rate, bool fires)
    {
        var b = ComplianceTestPractice.Compliant("NY", msa: Terms.Hybrid(20_000m, rate));

        Assert.Equal(fires, b.Evaluate().All("FEE_PERCENTAGE_RESTRICTED").Count == 1);
    }

    [Fact]
    public void Evaluate_PercentFeeWithZeroRate_IsStillAPercentageFee()
    {
        var b = ComplianceTestPractice.Compliant("NY", msa: Terms.Percent(0m));

        b.Evaluate().Single("FEE_PERCENTAGE_RESTRICTED");
    }

    [Fact]
    public void Evaluate_TerminatedPercentMsaOrFlatFee_IsNotRestricted()
    {
        ComplianceTestPractice.Compliant("NY", msa: Terms.Percent(20m), msaStatus: AgreementStatus.Terminated).Evaluate().Lacks("FEE_PERCENTAGE_RESTRICTED");
        ComplianceTestPractice.Compliant("NY").Evaluate().Lacks("FEE_PERCENTAGE_RESTRICTED");
    }

    [Theory]
    [InlineData(49.99, false)]
    [InlineData(50, true)]
    public void Evaluate_PercentRateAroundFifty_SweepsRevenueFromFifty(decimal rate, bool fires)
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Percent(rate));

        Assert.Equal(fires, b.Evaluate().All("FEE_SWEEPS_REVENUE").Count == 1);
    }

    [Fact]
    public void Evaluate_HybridRateOfFifty_SweepsRevenue()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Hybrid(1_000m, 50m));

        var finding = b.Evaluate().Single("FEE_SWEEPS_REVENUE");

        Assert.Contains("its fee takes 50% of collections, 50% or more", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThreeMonthsLeavingExactlyNothing_SweepsRevenue()
    {
        var b = ComplianceTestPractice.Compliant();
        Months(b, "2026-06", 3, 100_000m, 75_000m, 25_000m);

        var finding = b.Evaluate().Single("FEE_SWEEPS_REVENUE");

        Assert.Equal((Severity.High, SubjectType.Agreement, "msa"), (finding.Severity, finding.SubjectType, finding.SubjectKey));
        Assert.Contains("over the 3 financial months from 2025-11 to 2026-10, Glow Medical PLLC collected $300,000, spent $225,000 on clinical costs and paid $75,000 in management fees, leaving $0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThreeMonthsLeavingOneCent_DoesNotSweep()
    {
        var b = ComplianceTestPractice.Compliant();
        Months(b, "2026-06", 2, 100_000m, 75_000m, 25_000m);
        b.Month(b.Pc, "2026-08", 100_000.01m, 75_000m, 25_000m);

        b.Evaluate().Lacks("FEE_SWEEPS_REVENUE");
    }

    [Fact]
    public void Evaluate_TwoLossMonths_AreTooFewToSay()
    {
        var b = ComplianceTestPractice.Compliant();
        Months(b, "2026-06", 2, 10_000m, 75_000m, 25_000m);

        b.Evaluate().Lacks("FEE_SWEEPS_REVENUE");
    }

    [Fact]
    public void Evaluate_LossMonthsOutsideTheTrailingWindow_AreNotCounted()
    {
        // asOf 2026-12-15: the window is 2025-12 through 2026-11; 2025-11 and 2026-12 fall outside it.
        var asOf = new DateOnly(2026, 12, 15);
        var b = ComplianceTestPractice.Compliant();
        b.Month(b.Pc, "2025-11", 0m, 50_000m, 25_000m);
        b.Month(b.Pc, "2026-12", 0m, 50_000m, 25_000m);
        Months(b, "2025-12", 2, 0m, 50_000m, 25_000m);
        b.Month(b.Pc, "2026-11", 1_000_000m, 50_000m, 25_000m);

        b.Evaluate(asOf).Lacks("FEE_SWEEPS_REVENUE");
        b.Month(b.Pc, "2026-11", 0m, 50_000m, 25_000m);
        Assert.Contains("over the 3 financial months from 2025-12 to 2026-11,", b.Evaluate(asOf).Single("FEE_SWEEPS_REVENUE").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SweepingTerminatedMsa_IsIgnored()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Percent(80m), msaStatus: AgreementStatus.Terminated);
        Months(b, "2026-06", 3, 100_000m, 75_000m, 80_000m);

        b.Evaluate().Lacks("FEE_SWEEPS_REVENUE");
    }
}
