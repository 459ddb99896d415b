using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>The practice's own fields, for "new practice" and the overview's edit.</summary>
public sealed class PracticeForm
{
    public string Name { get; set; } = "";

    public string? PrimaryState { get; set; }

    public PracticeStatus Status { get; set; } = PracticeStatus.Planning;

    public string? Notes { get; set; }

    public static PracticeForm From(Practice practice) =>
        new() { Name = practice.Name, PrimaryState = practice.PrimaryState.Value, Status = practice.Status, Notes = practice.Notes };
}

public sealed class PracticeFormValidator : AbstractValidator<PracticeForm>
{
    public PracticeFormValidator()
    {
        RuleFor(f => f.Name).RequiredName("Name");
        RuleFor(f => f.PrimaryState).StateCode("Primary state");
        RuleFor(f => f.Status).IsInEnum().WithMessage("Status must be Planning, Operating or Closed.");
        RuleFor(f => f.Notes).FreeText("Notes");
    }
}

/// <summary>The limits of domain.md as FluentValidation rules, so every form words them the same way.</summary>
public static class DomainRules
{
    public static IRuleBuilderOptions<T, string?> RequiredName<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage($"{label} is required.")
            .OptionalName(label);

    public static IRuleBuilderOptions<T, string?> OptionalName<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(value => (value?.Trim().Length ?? 0) <= Text.NameMaxLength).WithMessage($"{label} must be at most {Text.NameMaxLength} characters.")
            .Clean(label);

    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(value => (value?.Trim().Length ?? 0) <= Text.FreeTextMaxLength).WithMessage($"{label} must be at most {Text.FreeTextMaxLength} characters.")
            .Clean(label, multiLine: true);

    /// <summary>No control characters (<see cref="Text.HasControlCharacters"/>); tabs and line breaks only in multi-line text.</summary>
    public static IRuleBuilderOptions<T, string?> Clean<T>(this IRuleBuilder<T, string?> rule, string label, bool multiLine = false) =>
        rule.Must(value => !Text.HasControlCharacters(value, multiLine)).WithMessage(Text.ControlCharactersMessage(label));

    public static IRuleBuilderOptions<T, string?> StateCode<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(Domain.Common.StateCode.IsValid).WithMessage($"{label} must be a US state or DC.");

    public static IRuleBuilderOptions<T, DateTime?> DateInRange<T>(this IRuleBuilder<T, DateTime?> rule, string label) =>
        rule.Must(value => value is null || Dates.IsInRange(DateOnly.FromDateTime(value.Value)))
            .WithMessage(Dates.OutOfRange(label));

    public static IRuleBuilderOptions<T, decimal?> MoneyAmount<T>(this IRuleBuilder<T, decimal?> rule, string label) =>
        rule.Must(value => value is null || (value >= 0 && value <= Money.Max && decimal.Round(value.Value, 2) == value))
            .WithMessage($"{label} must be between $0 and $1,000,000,000, in cents at most.");

    public static IRuleBuilderOptions<T, decimal?> PercentValue<T>(this IRuleBuilder<T, decimal?> rule, string label, bool allowZero = true) =>
        rule.Must(value => value is null || (value >= 0 && value <= 100 && (allowZero || value > 0) && decimal.Round(value.Value, 2) == value))
            .WithMessage(allowZero ? $"{label} must be between 0 and 100, with at most two decimals." : $"{label} must be more than 0 and at most 100, with at most two decimals.");
}
