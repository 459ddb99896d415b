using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsoManager.Domain.Common;

namespace MsoManager.Infrastructure.Persistence.Configurations;

/// <summary>Column mappings of the domain's value objects, reusing their own length limits.</summary>
internal static class ValueObjectConversions
{
    public static PropertyBuilder<StateCode> HasStateCodeConversion(this PropertyBuilder<StateCode> property) =>
        property.HasConversion(code => code.Value, value => StateCode.From(value, "State")).HasMaxLength(StateCode.MaxLength);
}
