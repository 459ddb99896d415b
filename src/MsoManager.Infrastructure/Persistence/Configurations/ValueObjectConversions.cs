using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Infrastructure.Persistence.Configurations;

/// <summary>Column mappings of the domain's value objects, reusing their own limits.</summary>
internal static class ValueObjectConversions
{
    private static readonly JsonSerializerOptions TermsJson = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly ValueConverter<StateCode, string> StateCodeConverter = new(code => code.Value, value => StateCode.From(value, "State"));

    public static PropertyBuilder<StateCode> HasStateCodeConversion(this PropertyBuilder<StateCode> property) =>
        property.HasConversion(StateCodeConverter).HasMaxLength(StateCode.MaxLength);

    public static ComplexTypePropertyBuilder<StateCode> HasStateCodeConversion(this ComplexTypePropertyBuilder<StateCode> property) =>
        property.HasConversion(StateCodeConverter).HasMaxLength(StateCode.MaxLength);

    /// <summary>A list of enum values as their names separated by ';' ("MD;DO"), as in state-rules.csv; null stays null.</summary>
    public static PropertyBuilder<IReadOnlyList<T>?> HasEnumListConversion<T>(this PropertyBuilder<IReadOnlyList<T>?> property)
        where T : struct, Enum =>
        property.HasConversion((ValueConverter)EnumList<T>.Converter, EnumList<T>.Comparer).HasMaxLength(EnumList<T>.MaxLength);

    public static ComplexTypePropertyBuilder<IReadOnlyList<T>> HasEnumListConversion<T>(this ComplexTypePropertyBuilder<IReadOnlyList<T>> property)
        where T : struct, Enum =>
        property.HasConversion((ValueConverter)EnumList<T>.Converter, EnumList<T>.Comparer).HasMaxLength(EnumList<T>.MaxLength);

    /// <summary>A list of strings one per line (URLs never hold a line break).</summary>
    public static ComplexTypePropertyBuilder<IReadOnlyList<string>> HasLinesConversion(this ComplexTypePropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasConversion(
            new ValueConverter<IReadOnlyList<string>, string>(
                lines => string.Join('\n', lines),
                text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()),
            ListComparer<string>());

    public static PropertyBuilder<Ein?> HasEinConversion(this PropertyBuilder<Ein?> property) =>
        property.HasConversion(ein => ein!.Value, value => Ein.From(value, "Ein")).HasMaxLength(Ein.MaxLength);

    public static PropertyBuilder<Percentage> HasPercentageConversion(this PropertyBuilder<Percentage> property) =>
        property.HasConversion(p => p.Value, value => Percentage.From(value, "Percent", true)).HasPrecision(Percentage.Precision, Percentage.Scale);

    public static PropertyBuilder<Money> HasMoneyConversion(this PropertyBuilder<Money> property) =>
        property.HasConversion(m => m.Amount, value => Money.From(value, "Amount")).HasPrecision(Money.Precision, Money.Scale);

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() =>
        new((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), list => list.ToList());

    private static class EnumList<T>
        where T : struct, Enum
    {
        public static readonly int MaxLength = Enum.GetNames<T>().Sum(name => name.Length + 1);

        public static readonly ValueConverter<IReadOnlyList<T>, string> Converter = new(
            list => string.Join(';', list),
            text => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList());

        public static readonly ValueComparer<IReadOnlyList<T>> Comparer = ListComparer<T>();
    }

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
