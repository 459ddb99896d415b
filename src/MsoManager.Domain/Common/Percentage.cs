namespace MsoManager.Domain.Common;

/// <summary>A percentage from 0 to 100 with at most two decimals (a stake, a fee rate, a markup).</summary>
public readonly record struct Percentage
{
    public const int Precision = 5;
    public const int Scale = 2;

    private Percentage(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>Parses a percentage, or throws naming <paramref name="field"/>. Stakes pass <paramref name="allowZero"/> false.</summary>
    public static Percentage From(decimal value, string field, bool allowZero = true)
    {
        if (value < 0 || value > 100 || (!allowZero && value == 0))
        {
            throw new DomainRuleException(field, allowZero
                ? $"{field} must be between 0 and 100."
                : $"{field} must be more than 0 and at most 100.");
        }

        if (decimal.Round(value, Scale) != value)
        {
            throw new DomainRuleException(field, $"{field} may have at most two decimals.");
        }

        return new Percentage(value);
    }

    public override string ToString() => $"{Value:0.##}%";
}
