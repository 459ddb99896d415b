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

    public static Money From(decimal amount, string field)
    {
        if (amount < 0 || amount > Max)
        {
            throw new DomainRuleException(field, $"{field} must be between $0 and $1,000,000,000.");
        }

        if (decimal.Round(amount, Scale) != amount)
        {
            throw new DomainRuleException(field, $"{field} may have at most two decimals (cents).");
        }

        return new Money(amount);
    }

    public override string ToString() => Amount.ToString("C2", CultureInfo.GetCultureInfo("en-US"));
}
