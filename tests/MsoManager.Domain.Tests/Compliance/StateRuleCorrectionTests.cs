using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

public sealed class StateRuleCorrectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly StateRule Shipped = new()
    {
        State = StateCode.From("OR"),
        StateName = "Oregon",
        Cpom = CpomStrength.Strict,
        CpomConfidence = Confidence.High,
        PcOwnerCategory = PcOwnerCategory.MdDoMajority,
        PcOwnerLicenses = [LicenseType.MD, LicenseType.DO, LicenseType.NP],
        PhysicianMinPercent = 51m,
        ProfessionalForms = [EntityForm.PC],
        FeeSplitting = FeeSplittingStance.Unknown,
        MedSpaNotes = "Shipped notes",
        Sources = ["https://example.test/oregon"],
    };

    [Fact]
    public void Create_KeepsOnlyTheFieldsThatDiffer_AndApplyToGivesTheCorrectedRow()
    {
        var corrected = Shipped with { Cpom = CpomStrength.Weak, PcOwnerLicenses = [LicenseType.NP, LicenseType.DO, LicenseType.MD] };

        var correction = Correct(corrected);

        Assert.Equal(CpomStrength.Weak, correction.Cpom);
        Assert.Null(correction.PcOwnerLicenses);
        Assert.Null(correction.CpomConfidence);
        Assert.False(correction.CorrectsPhysicianMinPercent);
        Assert.Equal(Shipped with { Cpom = CpomStrength.Weak }, correction.ApplyTo(Shipped));
    }

    [Fact]
    public void ApplyTo_ANewerShippedRow_KeepsTheCorrectedFieldAndTakesTheNewShippedOnes()
    {
        var correction = Correct(Shipped with { FeeSplitting = FeeSplittingStance.Prohibited });
        var newer = Shipped with { Cpom = CpomStrength.Moderate, FeeSplitting = FeeSplittingStance.Restricted };

        var inForce = correction.ApplyTo(newer);

        Assert.Equal((CpomStrength.Moderate, FeeSplittingStance.Prohibited), (inForce.Cpom, inForce.FeeSplitting));
    }

    [Fact]
    public void Create_ClearingTheMinimumAndTheNotes_IsACorrection_NotAsShipped()
    {
        var correction = Correct(Shipped with { PhysicianMinPercent = null, MedSpaNotes = "  " });

        var inForce = correction.ApplyTo(Shipped);

        Assert.Equal((true, true), (correction.CorrectsPhysicianMinPercent, correction.CorrectsMedSpaNotes));
        Assert.Null(inForce.PhysicianMinPercent);
        Assert.Null(inForce.MedSpaNotes);
    }

    [Fact]
    public void Create_WithNothingDifferent_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Correct(Shipped with { }));

        Assert.Contains("Nothing differs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutAReason_IsRefusedNamingTheReason(string reason)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            StateRuleCorrection.Create(Guid.NewGuid(), Shipped, Shipped with { Cpom = CpomStrength.Weak }, reason, "user-1", "Olga", Now));

        Assert.Equal("Reason", error.Field);
    }

    [Fact]
    public void Create_WithNoLicenseTypeOrAMinimumOver100_IsRefusedNamingTheField()
    {
        Assert.Equal("PC owner licenses", Assert.Throws<DomainRuleException>(() => Correct(Shipped with { PcOwnerLicenses = [] })).Field);
        Assert.Equal("Physician minimum", Assert.Throws<DomainRuleException>(() => Correct(Shipped with { PhysicianMinPercent = 101m })).Field);
    }

    [Fact]
    public void Change_ThatIsRefused_LeavesTheCorrectionAsItWas()
    {
        var correction = Correct(Shipped with { Cpom = CpomStrength.Weak });

        Assert.Throws<DomainRuleException>(() => correction.Change(Shipped, Shipped with { }, "Back to shipped", "user-2", "Pat", Now.AddDays(1)));

        Assert.Equal((CpomStrength.Weak, "Counsel", "Olga", Now), (correction.Cpom, correction.Reason, correction.CorrectedByName, correction.CorrectedAt));
    }

    private static StateRuleCorrection Correct(StateRule corrected) =>
        StateRuleCorrection.Create(Guid.NewGuid(), Shipped, corrected, "Counsel", "user-1", "Olga", Now);
}
