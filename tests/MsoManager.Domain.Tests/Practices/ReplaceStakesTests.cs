using MsoManager.Domain.Common;
namespace MsoManager.Domain.Tests.Practices;

public sealed class ReplaceStakesTests
{
    [Fact]
    public void ReplaceStakes_TwoStakesTradePercentages_KeepsTheirIds()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var (ann, bob) = (practice.NewPerson("Ann"), practice.NewPerson("Bob"));
        var first = practice.AddStake("a", TestPractice.PersonStake(pc.Id, ann.Id, 70));
        var second = practice.AddStake("b", TestPractice.PersonStake(pc.Id, bob.Id, 30));

        practice.ReplaceStakes([("a", TestPractice.PersonStake(pc.Id, ann.Id, 30)), ("b", TestPractice.PersonStake(pc.Id, bob.Id, 70))]);

        Assert.Equal([(first.Id, 30m), (second.Id, 70m)], practice.Stakes.OrderBy(s => s.Key).Select(s => (s.Id, s.Percent.Value)));
    }

    [Fact]
    public void ReplaceStakes_AddsNewKeysAndRemovesMissingOnes()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var (ann, bob) = (practice.NewPerson("Ann"), practice.NewPerson("Bob"));
        practice.AddStake("a", TestPractice.PersonStake(pc.Id, ann.Id, 100));

        practice.ReplaceStakes([("b", TestPractice.PersonStake(pc.Id, bob.Id, 100))]);

        Assert.Equal(["b"], practice.Stakes.Select(s => s.Key));
    }

    [Fact]
    public void ReplaceStakes_OverAHundredPercent_IsRefusedNamingTheEntitysFirstStake()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var (ann, bob) = (practice.NewPerson("Ann"), practice.NewPerson("Bob"));

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.ReplaceStakes([("a", TestPractice.PersonStake(pc.Id, ann.Id, 70)), ("b", TestPractice.PersonStake(pc.Id, bob.Id, 40))]));

        Assert.Equal(("Percent", 0), (error.Field, error.Index));
        Assert.Contains("110%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceStakes_ABadPeriod_IsRefusedNamingThatStake()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var ann = practice.NewPerson("Ann");

        var error = Assert.Throws<DomainRuleException>(() => practice.ReplaceStakes([
            ("a", TestPractice.PersonStake(pc.Id, ann.Id, 10)),
            ("b", TestPractice.PersonStake(pc.Id, ann.Id, 10, new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1))),
        ]));

        Assert.Equal(("To", 1), (error.Field, error.Index));
    }
}
