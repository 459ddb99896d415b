using FluentValidation;
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
