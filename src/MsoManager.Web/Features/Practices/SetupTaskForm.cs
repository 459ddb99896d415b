using FluentValidation;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

public sealed class SetupTaskForm
{
    public SetupPhase Phase { get; set; } = SetupPhase.ProfessionalEntity;

    public string Title { get; set; } = "";

    public SetupTaskStatus Status { get; set; } = SetupTaskStatus.Todo;

    public string? Owner { get; set; }

    public DateTime? DueOn { get; set; }

    public Guid? RecordId { get; set; }

    public static SetupTaskForm From(SetupTask task) => new()
    {
        Phase = task.Phase,
        Title = task.Title,
        Status = task.Status,
        Owner = task.Owner,
        DueOn = task.DueOn.ToPickerValue(),
        RecordId = task.RecordId,
    };

    public SetupTaskDetails ToDetails() => new(Phase, Title, Status, Owner, DueOn.ToDateOnly(), RecordId);
}

public sealed class SetupTaskFormValidator : AbstractValidator<SetupTaskForm>
{
    public SetupTaskFormValidator()
    {
        RuleFor(f => f.Title).RequiredName("Title");
        RuleFor(f => f.Phase).IsInEnum().WithMessage("Choose a phase.");
        RuleFor(f => f.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(f => f.Owner).OptionalName("Owner");
        RuleFor(f => f.DueOn).DateInRange("Due on");
    }
}
