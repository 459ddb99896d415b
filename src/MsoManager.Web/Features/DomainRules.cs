using FluentValidation;
using MsoManager.Domain.Common;

namespace MsoManager.Web.Features;

/// <summary>
/// The domain's rules as FluentValidation rules, for the forms' validators and the API validator alike:
/// each calls the domain's <c>Validate…</c> method and reports its message unchanged, so a limit and its
/// words are stated once, in the domain.
/// </summary>
public static class DomainRules
{
    /// <summary>Reports the message of a domain check (null when the value keeps the rule) at this field.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, string?> validate) =>
        rule.Satisfies((_, value) => validate(value));

    /// <summary>As <see cref="Satisfies{T, TProperty}(IRuleBuilder{T, TProperty}, Func{TProperty, string?})"/>, for a rule that reads other fields of the record.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<T, TProperty, string?> validate) =>
        rule.Custom((value, context) =>
        {
            if (validate(context.InstanceToValidate, value) is { } message)
            {
                context.AddFailure(message);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> RequiredName<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Satisfies(value => Text.ValidateName(value, label));

    public static IRuleBuilderOptionsConditions<T, string?> OptionalName<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Satisfies(value => Text.ValidateOptionalName(value, label));

    public static IRuleBuilderOptionsConditions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Satisfies(value => Text.ValidateFreeText(value, label));

    /// <summary>No control characters (<see cref="Text.HasControlCharacters"/>); tabs and line breaks only in multi-line text.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Clean<T>(this IRuleBuilder<T, string?> rule, string label, bool multiLine = false) =>
        rule.Satisfies(value => Text.ValidateClean(value, label, multiLine));

    public static IRuleBuilderOptionsConditions<T, string?> StateCode<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Satisfies(value => Domain.Common.StateCode.Validate(value, label));

    /// <summary>A date picker's value within <see cref="Dates"/>' range; no date is fine.</summary>
    public static IRuleBuilderOptionsConditions<T, DateTime?> DateInRange<T>(this IRuleBuilder<T, DateTime?> rule, string label) =>
        rule.Satisfies(value => Dates.ValidateInRange(value is { } date ? DateOnly.FromDateTime(date) : null, label));

    /// <summary>An amount of <see cref="Money"/>; no amount is fine (add NotNull for a required one).</summary>
    public static IRuleBuilderOptionsConditions<T, decimal?> MoneyAmount<T>(this IRuleBuilder<T, decimal?> rule, string label) =>
        rule.Satisfies(value => value is { } amount ? Money.Validate(amount, label) : null);

    /// <summary>A <see cref="Percentage"/>; no value is fine (add NotNull for a required one).</summary>
    public static IRuleBuilderOptionsConditions<T, decimal?> PercentValue<T>(this IRuleBuilder<T, decimal?> rule, string label, bool allowZero = true) =>
        rule.Satisfies(value => value is { } percent ? Percentage.Validate(percent, label, allowZero) : null);
}
