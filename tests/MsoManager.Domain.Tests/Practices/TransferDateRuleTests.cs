using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class TransferDateRuleTests
{
    [Theory]
    [InlineData("2025-01-01", "Transfer date must be after the stake starts (2025-01-01).")]
    [InlineData("2024-12-31", "Transfer date must be after the stake starts (2025-01-01).")]
    [InlineData("2025-01-02", null)]
    [InlineData("2025-12-31", null)]
    [InlineData("2026-01-01", "Transfer date must be before the stake ends (2026-01-01).")]
    public void ValidateTransferDate_AtTheStakesBoundaries_SaysWhy(string on, string? expected) =>
        Assert.Equal(expected, OwnershipStake.ValidateTransferDate(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)));

    [Fact]
    public void TransferStake_OnTheDayItStarts_IsRefusedWithTheRulesWords()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var (ann, bob) = (practice.NewPerson("Ann"), practice.NewPerson("Bob"));
        var stake = practice.AddStake("a", TestPractice.PersonStake(pc.Id, ann.Id, 100, new DateOnly(2025, 1, 1)));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.TransferStake(stake.Id, StakeOwner.OfPerson(bob.Id), new DateOnly(2025, 1, 1)));

        Assert.Equal(("On", OwnershipStake.ValidateTransferDate(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), null)), (error.Field, error.Message));
    }
}
