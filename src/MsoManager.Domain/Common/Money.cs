using System.Globalization;

namespace MsoManager.Domain.Common;

/// <summary>An amount in USD from 0 to 1,000,000,000 with at most two decimals.</summary>
public readonly record struct Money
{
    public const decimal Max = 1_000_000_000m;
    public const int Precision = 12;
    public const int Scale = 2;

    private Money(decimal amount) => Amount = amount;

    public decimal Amount { get; }

    public static Money Zero { get; } = new(0);

    /// <summary>The message when <paramref name="amount"/> is not an amount of money, or null.</summary>
    public static string? Validate(decimal amount, string label) =>
        amount < 0 || amount > Max ? $"{label} must be between $0 and $1,000,000,000."
        : decimal.Round(amount, Scale) != amount ? $"{label} may have at most two decimals (cents)."
        : null;

    public static Money From(decimal amount, string field, string? label = null)
    {
        DomainRuleException.ThrowIf(field, Validate(amount, label ?? field));
        return new Money(amount);
    }

    public override string ToString() => Amount.ToString("C2", CultureInfo.GetCultureInfo("en-US"));
}
