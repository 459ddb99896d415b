using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>An ownership stake, as the add and edit dialogs edit it.</summary>
public sealed class OwnershipStakeForm
{
    public Guid? EntityId { get; set; }

    public StakeOwner? Owner { get; set; }

    public decimal? Percent { get; set; }

    public DateTime? From { get; set; }

    /// <summary>Exclusive: the first day the stake is no longer held.</summary>
    public DateTime? To { get; set; }

    public static OwnershipStakeForm New(Practice practice) =>
        new() { EntityId = practice.Entities.Count == 1 ? practice.Entities.Single().Id : null };

    public static OwnershipStakeForm For(OwnershipStake stake) => new()
    {
        EntityId = stake.EntityId,
        Owner = stake.Owner(),
        Percent = stake.Percent.Value,
        From = stake.From.ToPickerValue(),
        To = stake.To.ToPickerValue(),
    };

    /// <summary>Only for a form its validator passed: the domain still checks the 100% rule.</summary>
    public StakeDetails ToDetails() => new(
        EntityId!.Value, Owner!, Percentage.From(Percent!.Value, "Percent", allowZero: false), From.ToDateOnly(), To.ToDateOnly());
}

public sealed class OwnershipStakeFormValidator : AbstractValidator<OwnershipStakeForm>
{
    public OwnershipStakeFormValidator()
    {
        RuleFor(f => f.EntityId).NotNull().WithMessage("Entity is required.");
        RuleFor(f => f.Owner).NotNull().WithMessage("Owner is required.");
        RuleFor(f => f.Percent).NotNull().WithMessage("Percent is required.").PercentValue("Percent", allowZero: false);
        RuleFor(f => f.From).DateInRange("From");
        RuleFor(f => f.To).DateInRange("To").Satisfies((f, to) => Dates.ValidatePeriod(f.From.ToDateOnly(), to.ToDateOnly(), "From", "To"));
    }
}

/// <summary>The owner of a stake as a <see cref="StakeOwner"/>, and how the ownership section names it.</summary>
public static class StakeOwners
{
    public static StakeOwner Owner(this OwnershipStake stake) =>
        stake.OwnerPersonId is { } personId ? StakeOwner.OfPerson(personId) : StakeOwner.OfOrganization(stake.OwnerOrganizationId!.Value);

    /// <summary>Every owner a stake can have in the practice: its people, then its organisations.</summary>
    public static IEnumerable<StakeOwner> Candidates(Practice practice) =>
        practice.People.OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => StakeOwner.OfPerson(p.Id))
            .Concat(practice.Organizations.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => StakeOwner.OfOrganization(o.Id)));

    /// <summary>"Person", or the organisation's kind ("Investment fund").</summary>
    public static string KindOf(Practice practice, StakeOwner owner) =>
        owner.OrganizationId is { } id ? Describe(practice.Organizations.Single(o => o.Id == id).Kind) : "Person";

    /// <summary>The owner's name with its kind, for pickers: "Sunrise Capital (investment fund)".</summary>
    public static string Label(Practice practice, StakeOwner? owner) =>
        owner is null ? "" : $"{practice.OwnerName(owner)} ({KindOf(practice, owner).ToLowerInvariant()})";

    public static string Describe(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Company => "Company",
        OrganizationKind.InvestmentFund => "Investment fund",
        OrganizationKind.Trust => "Trust",
        OrganizationKind.Other => "Other organisation",
        _ => kind.ToString(),
    };
}
