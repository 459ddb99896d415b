using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.IntegrationTests;

public sealed class StateRulesCsvTests
{
    [Fact]
    public void The_shipped_file_has_a_valid_row_for_every_state_and_DC()
    {
        var rules = StateRulesCsv.Parse(StateRulesCsv.ShippedText());

        Assert.Equal(StateCode.All.Select(s => s.Value), rules.Select(r => r.State.Value).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.NotEmpty(r.Sources));
        Assert.All(rules, r => Assert.Contains(LicenseType.MD, r.PcOwnerLicenses));
    }

    [Fact]
    public void Rows_are_read_with_their_quoted_fields_minimums_and_lists()
    {
        var book = new StateRuleBook(StateRulesCsv.Parse(StateRulesCsv.ShippedText()));

        var california = book.For(StateCode.From("CA"));
        Assert.Equal(51m, california.PhysicianMinPercent);
        Assert.Equal(CpomStrength.Strict, california.Cpom);
        var arkansas = book.For(StateCode.From("AR"));
        Assert.Single(arkansas.Sources);
        Assert.StartsWith("https://permithealth.com/post/arkansas", arkansas.Sources[0], StringComparison.Ordinal);
        Assert.Contains("Ark. AG Op. 2014-118", arkansas.Sources[0], StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 29), arkansas.CompiledOn);
    }

    [Fact]
    public void A_bad_value_is_refused_naming_the_state_and_column()
    {
        var text = StateRulesCsv.ShippedText();
        var broken = text.Replace("\nAK,Alaska,none,", "\nAK,Alaska,sometimes,", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => StateRulesCsv.Parse(broken));
        Assert.Contains("AK", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpom", error.Message, StringComparison.Ordinal);
    }
}
