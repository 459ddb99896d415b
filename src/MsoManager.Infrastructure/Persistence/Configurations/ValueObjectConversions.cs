using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Infrastructure.Persistence.Configurations;

/// <summary>Column mappings of the domain's value objects, reusing their own limits.</summary>
internal static class ValueObjectConversions
{
    private static readonly JsonSerializerOptions TermsJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<StateCode> HasStateCodeConversion(this PropertyBuilder<StateCode> property) =>
        property.HasConversion(code => code.Value, value => StateCode.From(value, "State")).HasMaxLength(StateCode.MaxLength);

    public static PropertyBuilder<Ein?> HasEinConversion(this PropertyBuilder<Ein?> property) =>
        property.HasConversion(ein => ein!.Value, value => Ein.From(value, "Ein")).HasMaxLength(Ein.MaxLength);

    public static PropertyBuilder<Percentage> HasPercentageConversion(this PropertyBuilder<Percentage> property) =>
        property.HasConversion(p => p.Value, value => Percentage.From(value, "Percent", true)).HasPrecision(Percentage.Precision, Percentage.Scale);

    public static PropertyBuilder<Money> HasMoneyConversion(this PropertyBuilder<Money> property) =>
        property.HasConversion(m => m.Amount, value => Money.From(value, "Amount")).HasPrecision(Money.Precision, Money.Scale);

    /// <summary>A month as the integer YYYYMM, so it sorts and compares in SQL on both providers.</summary>
    public static PropertyBuilder<YearMonth> HasYearMonthConversion(this PropertyBuilder<YearMonth> property) =>
        property.HasConversion(m => (m.Year * 100) + m.Month, value => new YearMonth(value / 100, value % 100));

    /// <summary>Agreement terms as a JSON document: they are read and versioned as a whole, never queried field by field.</summary>
    public static PropertyBuilder<MsaTerms> HasTermsConversion(this PropertyBuilder<MsaTerms> property) =>
        property.HasConversion(
                terms => JsonSerializer.Serialize(terms, TermsJson),
                json => JsonSerializer.Deserialize<MsaTerms>(json, TermsJson) ?? MsaTerms.Empty,
                new ValueComparer<MsaTerms>((a, b) => a!.Equals(b), terms => terms.GetHashCode(), terms => terms))
            .IsRequired();
}
