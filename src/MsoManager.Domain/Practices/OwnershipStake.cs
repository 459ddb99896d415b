using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>
/// An owner's percentage of an entity over a period [From, To). The owner is a person or an outside
/// organisation of the same practice. <see cref="Practice"/> keeps every entity at or under 100% on every date.
/// </summary>
public sealed class OwnershipStake : PracticeRecord
{
    private OwnershipStake()
    {
    }

    internal OwnershipStake(Practice practice, string key, StakeDetails details)
        : base(practice, key) => Apply(details);

    public Guid EntityId { get; private set; }

    public Guid? OwnerPersonId { get; private set; }

    public Guid? OwnerOrganizationId { get; private set; }

    public Percentage Percent { get; private set; }

    public DateOnly? From { get; private set; }

    /// <summary>Exclusive end: the stake is no longer held on this date.</summary>
    public DateOnly? To { get; private set; }

    public Guid OwnerId => OwnerPersonId ?? OwnerOrganizationId!.Value;

    public bool IsHeldOn(DateOnly date) => Dates.Covers(From, To, date);

    internal void Apply(StakeDetails details)
    {
        Dates.CheckPeriod(details.From, details.To, "From", "To");
        EntityId = details.EntityId;
        OwnerPersonId = details.Owner.PersonId;
        OwnerOrganizationId = details.Owner.OrganizationId;
        Percent = details.Percent;
        From = details.From;
        To = details.To;
    }
}

/// <summary>Who owns a stake: exactly one of a person or an organisation.</summary>
public sealed record StakeOwner
{
    private StakeOwner(Guid? personId, Guid? organizationId)
    {
        PersonId = personId;
        OrganizationId = organizationId;
    }

    public Guid? PersonId { get; }

    public Guid? OrganizationId { get; }

    public static StakeOwner OfPerson(Guid personId) => new(personId, null);

    public static StakeOwner OfOrganization(Guid organizationId) => new(null, organizationId);
}

public sealed record StakeDetails(Guid EntityId, StakeOwner Owner, Percentage Percent, DateOnly? From = null, DateOnly? To = null);
