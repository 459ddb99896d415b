using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A person's role at one of the practice's entities, as its dialog adds it.</summary>
public sealed class EntityRoleForm
{
    public Guid? EntityId { get; set; }

    public EntityRoleKind Kind { get; set; } = EntityRoleKind.Officer;

    public DateTime? From { get; set; }

    /// <summary>Exclusive: the first day the role no longer applies.</summary>
    public DateTime? To { get; set; }

    public EntityRoleDetails ToDetails() => new(EntityId!.Value, Kind, From.ToDateOnly(), To.ToDateOnly());
}

public sealed class EntityRoleFormValidator : AbstractValidator<EntityRoleForm>
{
    public EntityRoleFormValidator()
    {
        RuleFor(f => f.EntityId).NotNull().WithMessage("Entity is required.");
        RuleFor(f => f.Kind).IsInEnum().WithMessage("Role must be one of Manager, Officer, Director, MedicalDirector, Employee or Contractor.");
        RuleFor(f => f.From).DateInRange("From");
        RuleFor(f => f.To).DateInRange("To").Satisfies((f, to) => Dates.ValidatePeriod(f.From.ToDateOnly(), to.ToDateOnly(), "From", "To"));
    }
}
