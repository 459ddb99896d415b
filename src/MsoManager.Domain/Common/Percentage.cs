namespace MsoManager.Domain.Common;

/// <summary>A percentage from 0 to 100 with at most two decimals (a stake, a fee rate, a markup).</summary>
public readonly record struct Percentage
{
    public const int Precision = 5;
    public const int Scale = 2;

    private Percentage(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>The message when <paramref name="value"/> is not a percentage, or null. Stakes pass <paramref name="allowZero"/> false.</summary>
    public static string? Validate(decimal value, string label, bool allowZero = true) =>
        value < 0 || value > 100 || (!allowZero && value == 0)
            ? allowZero ? $"{label} must be between 0 and 100." : $"{label} must be more than 0 and at most 100."
        : decimal.Round(value, Scale) != value ? $"{label} may have at most two decimals."
        : null;

    /// <summary>Parses a percentage, or throws naming <paramref name="field"/>.</summary>
    public static Percentage From(decimal value, string field, bool allowZero = true, string? label = null)
    {
        DomainRuleException.ThrowIf(field, Validate(value, label ?? field, allowZero));
        return new Percentage(value);
    }

    public override string ToString() => $"{Value:0.##}%";
}
