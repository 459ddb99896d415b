using System.Globalization;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class MsaTermsTests
{
    private static readonly MsaTerms Complete = new()
    {
        EffectiveOn = new DateOnly(2025, 1, 1),
        InitialTermMonths = 60,
        WithoutCauseNoticeDays = 90,
        Services = [ServiceLine.Marketing],
        FeeMethod = FeeMethod.FlatMonthly,
        FlatMonthly = 10_000m,
    };

    [Fact]
    public void Validated_FmvLowAboveHigh_IsRefusedNamingFmvHigh()
    {
        var terms = new MsaTerms { FmvLow = 200_000m, FmvHigh = 150_000m };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal((nameof(MsaTerms.FmvHigh), MsaTerms.FmvOrderMessage), (error.Field, error.Message));
    }

    [Fact]
    public void ValidateFmvHigh_OnlyOneEndKnown_IsNoProblem()
    {
        Assert.Null(MsaTerms.ValidateFmvHigh(null, 100m));
        Assert.Null(MsaTerms.ValidateFmvHigh(100m, null));
    }

    [Fact]
    public void ValidateFmvHigh_NotMoney_SaysSoBeforeTheOrder()
    {
        Assert.Equal("FMV high must be between $0 and $1,000,000,000.", MsaTerms.ValidateFmvHigh(200m, -1m));
    }

    [Theory]
    [InlineData(0, "Initial term must be between 1 and 600 months.")]
    [InlineData(601, "Initial term must be between 1 and 600 months.")]
    public void Validated_InitialTermOutOfRange_SaysTheRangeInMonths(int months, string message)
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { InitialTermMonths = months }.Validated);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validated_FmvLowEqualToHigh_IsAccepted()
    {
        var terms = new MsaTerms { FmvLow = 150_000m, FmvHigh = 150_000m };

        Assert.Equal(terms, terms.Validated());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    [InlineData(-12)]
    public void Validated_InitialTermOutsideOneToSixHundredMonths_IsRefusedNamingInitialTermMonths(int months)
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { InitialTermMonths = months }.Validated);

        Assert.Equal(nameof(MsaTerms.InitialTermMonths), error.Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(600)]
    public void Validated_InitialTermAtTheLimits_IsAccepted(int months)
    {
        Assert.Equal(months, new MsaTerms { InitialTermMonths = months }.Validated().InitialTermMonths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void Validated_RenewalTermOutsideOneToSixHundredMonths_IsRefusedNamingRenewalTermMonths(int months)
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { RenewalTermMonths = months }.Validated);

        Assert.Equal(nameof(MsaTerms.RenewalTermMonths), error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Validated_NoticeDaysOutOfRange_IsRefusedNamingWithoutCauseNoticeDays(int days)
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { WithoutCauseNoticeDays = days }.Validated);

        Assert.Equal(nameof(MsaTerms.WithoutCauseNoticeDays), error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3650)]
    public void Validated_NoticeDaysAtTheLimits_IsAccepted(int days)
    {
        Assert.Equal(days, new MsaTerms { WithoutCauseNoticeDays = days }.Validated().WithoutCauseNoticeDays);
    }

    [Theory]
    [InlineData(FeeMethod.FlatMonthly, nameof(MsaTerms.RatePercent))]
    [InlineData(FeeMethod.FlatMonthly, nameof(MsaTerms.MarkupPercent))]
    [InlineData(FeeMethod.PercentOfCollections, nameof(MsaTerms.FlatMonthly))]
    [InlineData(FeeMethod.PercentOfCollections, nameof(MsaTerms.MarkupPercent))]
    [InlineData(FeeMethod.CostPlus, nameof(MsaTerms.FlatMonthly))]
    [InlineData(FeeMethod.CostPlus, nameof(MsaTerms.RatePercent))]
    [InlineData(FeeMethod.Hybrid, nameof(MsaTerms.MarkupPercent))]
    public void Validated_AmountTheFeeMethodDoesNotUse_IsRefusedNamingTheAmount(FeeMethod method, string amount)
    {
        var terms = WithAmount(new MsaTerms { FeeMethod = method }, amount);

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(amount, error.Field);
    }

    [Theory]
    [InlineData(nameof(MsaTerms.FlatMonthly))]
    [InlineData(nameof(MsaTerms.RatePercent))]
    [InlineData(nameof(MsaTerms.MarkupPercent))]
    public void Validated_AmountWithoutAFeeMethod_IsRefusedNamingFeeMethod(string amount)
    {
        var terms = WithAmount(new MsaTerms(), amount);

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.FeeMethod), error.Field);
    }

    [Theory]
    [InlineData(FeeMethod.FlatMonthly, nameof(MsaTerms.FlatMonthly))]
    [InlineData(FeeMethod.PercentOfCollections, nameof(MsaTerms.RatePercent))]
    [InlineData(FeeMethod.CostPlus, nameof(MsaTerms.MarkupPercent))]
    [InlineData(FeeMethod.Hybrid, nameof(MsaTerms.FlatMonthly))]
    [InlineData(FeeMethod.Hybrid, nameof(MsaTerms.RatePercent))]
    public void Validated_AmountTheFeeMethodUses_IsAccepted(FeeMethod method, string amount)
    {
        var terms = WithAmount(new MsaTerms { FeeMethod = method }, amount);

        Assert.Equal(terms, terms.Validated());
    }

    [Theory]
    [InlineData("100.001")]
    [InlineData("100.01")]
    [InlineData("-0.01")]
    [InlineData("12.345")]
    public void Validated_RateNotAPercentageWithTwoDecimals_IsRefusedNamingRatePercent(string rate)
    {
        var terms = new MsaTerms { FeeMethod = FeeMethod.PercentOfCollections, RatePercent = decimal.Parse(rate, CultureInfo.InvariantCulture) };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.RatePercent), error.Field);
    }

    [Fact]
    public void Validated_RateOfHundred_IsAccepted()
    {
        var terms = new MsaTerms { FeeMethod = FeeMethod.PercentOfCollections, RatePercent = 100m };

        Assert.Equal(100m, terms.Validated().RatePercent);
    }

    [Fact]
    public void Validated_MarkupOverHundred_IsRefusedNamingMarkupPercent()
    {
        var terms = new MsaTerms { FeeMethod = FeeMethod.CostPlus, MarkupPercent = 100.01m };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.MarkupPercent), error.Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10.005")]
    [InlineData("1000000000.01")]
    public void Validated_FlatMonthlyNotMoney_IsRefusedNamingFlatMonthly(string amount)
    {
        var terms = new MsaTerms { FeeMethod = FeeMethod.FlatMonthly, FlatMonthly = decimal.Parse(amount, CultureInfo.InvariantCulture) };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.FlatMonthly), error.Field);
    }

    [Fact]
    public void Validated_NegativeFmvLow_IsRefusedNamingFmvLow()
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { FmvLow = -1m }.Validated);

        Assert.Equal(nameof(MsaTerms.FmvLow), error.Field);
    }

    [Fact]
    public void Validated_EffectiveDateOutOfRange_IsRefusedNamingEffectiveOn()
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { EffectiveOn = new DateOnly(1899, 12, 31) }.Validated);

        Assert.Equal(nameof(MsaTerms.EffectiveOn), error.Field);
    }

    [Fact]
    public void Validated_ValuationDateOutOfRange_IsRefusedNamingFmvValuedOn()
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { FmvValuedOn = new DateOnly(2201, 1, 1) }.Validated);

        Assert.Equal(nameof(MsaTerms.FmvValuedOn), error.Field);
    }

    [Fact]
    public void Validated_ProvisionsOver4000Characters_IsRefusedNamingForCauseProvisions()
    {
        var terms = new MsaTerms { ForCauseProvisions = new string('p', Text.FreeTextMaxLength + 1) };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.ForCauseProvisions), error.Field);
    }

    [Fact]
    public void Validated_SortsAndDedupesServices()
    {
        var terms = new MsaTerms { Services = [ServiceLine.Training, ServiceLine.Marketing, ServiceLine.Training, ServiceLine.Facilities] };

        var validated = terms.Validated();

        Assert.Equal([ServiceLine.Marketing, ServiceLine.Facilities, ServiceLine.Training], validated.Services);
    }

    [Fact]
    public void Validated_SortsAndDedupesReservedAuthority()
    {
        var terms = new MsaTerms { ReservedAuthority = [ClinicalAuthority.MedicalDirection, ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.MedicalDirection] };

        var validated = terms.Validated();

        Assert.Equal([ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.MedicalDirection], validated.ReservedAuthority);
    }

    [Fact]
    public void Validated_TrimsAndDedupesCustomServices()
    {
        var terms = new MsaTerms { CustomServices = [" Laundry ", "Laundry", "Valet"] };

        var validated = terms.Validated();

        Assert.Equal(["Laundry", "Valet"], validated.CustomServices);
    }

    [Fact]
    public void Validated_BlankCustomService_IsRefusedNamingCustomServices()
    {
        var error = Assert.Throws<DomainRuleException>(new MsaTerms { CustomServices = ["  "] }.Validated);

        Assert.Equal(nameof(MsaTerms.CustomServices), error.Field);
    }

    [Fact]
    public void Validated_MoreThanTwentyCustomServices_IsRefusedNamingCustomServices()
    {
        var terms = new MsaTerms { CustomServices = [.. Enumerable.Range(1, MsaTerms.MaxCustomServices + 1).Select(n => $"Service {n}")] };

        var error = Assert.Throws<DomainRuleException>(terms.Validated);

        Assert.Equal(nameof(MsaTerms.CustomServices), error.Field);
    }

    [Fact]
    public void Validated_BlankTexts_BecomeNone()
    {
        var terms = new MsaTerms { ForCauseProvisions = "  ", PaymentTerms = "", Valuator = " " };

        var validated = terms.Validated();

        Assert.Equal((null, null, null), (validated.ForCauseProvisions, validated.PaymentTerms, validated.Valuator));
    }

    [Fact]
    public void Validated_DoesNotChangeTheOriginalTerms()
    {
        var terms = new MsaTerms { Services = [ServiceLine.Training, ServiceLine.Marketing] };

        terms.Validated();

        Assert.Equal([ServiceLine.Training, ServiceLine.Marketing], terms.Services);
    }

    [Fact]
    public void MissingEssentials_EmptyTerms_ListsAllFour()
    {
        var missing = MsaTerms.Empty.MissingEssentials();

        Assert.Equal(["services in scope", "a fee method with its amounts", "an initial term", "a without-cause notice period"], missing);
    }

    [Fact]
    public void MissingEssentials_CompleteTerms_IsEmpty()
    {
        Assert.Empty(Complete.MissingEssentials());
    }

    [Fact]
    public void MissingEssentials_NoServices_ListsServices()
    {
        var missing = (Complete with { Services = [] }).MissingEssentials();

        Assert.Equal(["services in scope"], missing);
    }

    [Fact]
    public void MissingEssentials_OnlyCustomServices_CountsAsServices()
    {
        var missing = (Complete with { Services = [], CustomServices = ["Laundry"] }).MissingEssentials();

        Assert.Empty(missing);
    }

    [Fact]
    public void MissingEssentials_FeeMethodWithoutItsAmount_ListsTheFee()
    {
        var missing = (Complete with { FlatMonthly = null }).MissingEssentials();

        Assert.Equal(["a fee method with its amounts"], missing);
    }

    [Fact]
    public void MissingEssentials_NoInitialTerm_ListsTheTerm()
    {
        var missing = (Complete with { InitialTermMonths = null }).MissingEssentials();

        Assert.Equal(["an initial term"], missing);
    }

    [Fact]
    public void MissingEssentials_NoNoticePeriod_ListsTheNoticePeriod()
    {
        var missing = (Complete with { WithoutCauseNoticeDays = null }).MissingEssentials();

        Assert.Equal(["a without-cause notice period"], missing);
    }

    [Fact]
    public void MissingEssentials_ZeroDaysNotice_IsANoticePeriod()
    {
        Assert.Empty((Complete with { WithoutCauseNoticeDays = 0 }).MissingEssentials());
    }

    [Fact]
    public void HasCompleteFee_NoMethod_IsFalse()
    {
        Assert.False(MsaTerms.Empty.HasCompleteFee);
    }

    [Theory]
    [InlineData(FeeMethod.FlatMonthly, nameof(MsaTerms.FlatMonthly))]
    [InlineData(FeeMethod.PercentOfCollections, nameof(MsaTerms.RatePercent))]
    [InlineData(FeeMethod.CostPlus, nameof(MsaTerms.MarkupPercent))]
    public void HasCompleteFee_MethodWithItsAmount_IsTrue(FeeMethod method, string amount)
    {
        var terms = WithAmount(new MsaTerms { FeeMethod = method }, amount);

        Assert.True(terms.HasCompleteFee);
    }

    [Theory]
    [InlineData(FeeMethod.FlatMonthly)]
    [InlineData(FeeMethod.PercentOfCollections)]
    [InlineData(FeeMethod.CostPlus)]
    [InlineData(FeeMethod.Hybrid)]
    public void HasCompleteFee_MethodWithoutAmounts_IsFalse(FeeMethod method)
    {
        Assert.False(new MsaTerms { FeeMethod = method }.HasCompleteFee);
    }

    [Fact]
    public void HasCompleteFee_HybridWithFlatAndRate_IsTrue()
    {
        var terms = new MsaTerms { FeeMethod = FeeMethod.Hybrid, FlatMonthly = 5_000m, RatePercent = 5m };

        Assert.True(terms.HasCompleteFee);
    }

    [Theory]
    [InlineData(nameof(MsaTerms.FlatMonthly))]
    [InlineData(nameof(MsaTerms.RatePercent))]
    public void HasCompleteFee_HybridWithOnlyOneAmount_IsFalse(string amount)
    {
        var terms = WithAmount(new MsaTerms { FeeMethod = FeeMethod.Hybrid }, amount);

        Assert.False(terms.HasCompleteFee);
    }

    [Fact]
    public void FieldsFor_Hybrid_IsFlatAndRate()
    {
        Assert.Equal([nameof(MsaTerms.FlatMonthly), nameof(MsaTerms.RatePercent)], MsaTerms.FieldsFor(FeeMethod.Hybrid));
    }

    [Fact]
    public void MissingAuthority_NothingReserved_ListsTheFourEssentials()
    {
        var missing = MsaTerms.Empty.MissingAuthority();

        Assert.Equal(
            [ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.ClinicalStaffing, ClinicalAuthority.PatientRecords, ClinicalAuthority.MedicalDirection],
            missing);
    }

    [Fact]
    public void MissingAuthority_SomeReserved_ListsTheRest()
    {
        var terms = new MsaTerms { ReservedAuthority = [ClinicalAuthority.ClinicalStaffing, ClinicalAuthority.MedicalDirection, ClinicalAuthority.PayerContracting] };

        var missing = terms.MissingAuthority();

        Assert.Equal([ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.PatientRecords], missing);
    }

    [Fact]
    public void MissingAuthority_AllFourReserved_IsEmpty()
    {
        var terms = new MsaTerms { ReservedAuthority = [.. MsaTerms.EssentialAuthority] };

        Assert.Empty(terms.MissingAuthority());
    }

    [Fact]
    public void MissingAuthority_OnlyNonEssentialReservations_StillListsTheFour()
    {
        var terms = new MsaTerms { ReservedAuthority = [ClinicalAuthority.CodingAndBilling, ClinicalAuthority.PricingOfMedicalServices, ClinicalAuthority.PayerContracting] };

        Assert.Equal(4, terms.MissingAuthority().Count);
    }

    [Fact]
    public void InitialTermEndsOn_IsTheEffectiveDatePlusTheTerm()
    {
        Assert.Equal(new DateOnly(2030, 1, 1), Complete.InitialTermEndsOn);
        Assert.Null((Complete with { EffectiveOn = null }).InitialTermEndsOn);
        Assert.Null((Complete with { InitialTermMonths = null }).InitialTermEndsOn);
    }

    [Fact]
    public void Equals_SameValuesInDifferentLists_IsTrue()
    {
        var first = Complete with { Services = [ServiceLine.Marketing, ServiceLine.Training] };
        var second = Complete with { Services = [ServiceLine.Marketing, ServiceLine.Training] };

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentServices_IsFalse()
    {
        Assert.NotEqual(Complete, Complete with { Services = [ServiceLine.Training] });
    }

    private static MsaTerms WithAmount(MsaTerms terms, string amount) => amount switch
    {
        nameof(MsaTerms.FlatMonthly) => terms with { FlatMonthly = 5_000m },
        nameof(MsaTerms.RatePercent) => terms with { RatePercent = 5m },
        nameof(MsaTerms.MarkupPercent) => terms with { MarkupPercent = 10m },
        _ => throw new ArgumentOutOfRangeException(nameof(amount), amount, null),
    };
}
