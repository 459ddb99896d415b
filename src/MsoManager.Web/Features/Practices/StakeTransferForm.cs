using FluentValidation;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A transfer of a stake to a new owner from a date (<see cref="Practice.TransferStake"/>).</summary>
public sealed class StakeTransferForm
{
    public required Guid StakeId { get; init; }

    /// <summary>Who holds the stake now; the new owner must be someone else.</summary>
    public required StakeOwner CurrentOwner { get; init; }

    public DateOnly? StakeFrom { get; init; }

    public DateOnly? StakeTo { get; init; }

    public StakeOwner? NewOwner { get; set; }

    /// <summary>The first day the new owner holds the stake.</summary>
    public DateTime? On { get; set; }

    public static StakeTransferForm For(OwnershipStake stake, DateOnly on) => new()
    {
        StakeId = stake.Id,
        CurrentOwner = stake.Owner(),
        StakeFrom = stake.From,
        StakeTo = stake.To,
        On = stake.IsHeldOn(on) && stake.From != on ? on.ToDateTime(TimeOnly.MinValue) : null,
    };
}

public sealed class StakeTransferFormValidator : AbstractValidator<StakeTransferForm>
{
    public StakeTransferFormValidator()
    {
        RuleFor(f => f.NewOwner).NotNull().WithMessage("New owner is required.")
            .Must((f, owner) => owner != f.CurrentOwner).WithMessage("Choose an owner other than the one who holds the stake.");
        RuleFor(f => f.On).NotNull().WithMessage("Transfer date is required.").DateInRange("Transfer date")
            .Satisfies((f, on) => on is null ? null : OwnershipStake.ValidateTransferDate(DateOnly.FromDateTime(on.Value), f.StakeFrom, f.StakeTo));
    }
}
