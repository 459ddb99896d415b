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

    /// <summary>
    /// The message when a stake held over [<paramref name="from"/>, <paramref name="to"/>) cannot be
    /// transferred on <paramref name="on"/> (a date it is held, after the day it starts), or null.
    /// </summary>
    public static string? ValidateTransferDate(DateOnly on, DateOnly? from, DateOnly? to) =>
        from is { } start && on <= start ? $"Transfer date must be after the stake starts ({start:yyyy-MM-dd})."
        : to is { } end && on >= end ? $"Transfer date must be before the stake ends ({end:yyyy-MM-dd})."
        : null;

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

/// <summary>The 100% rule of ownership: the stakes of one entity may add up to at most 100% on any date.</summary>
public static class StakeTotals
{
    /// <summary>
    /// The first date (null: from the open start) on which <paramref name="periods"/> add up to more
    /// than 100%, with that total; null when they never do.
    /// </summary>
    public static (decimal Total, DateOnly? On)? FirstOverAllocation(IEnumerable<(decimal Percent, DateOnly? From, DateOnly? To)> periods)
    {
        // A period that ends before it starts is never held (its own check reports it).
        var list = periods.Where(p => p.From is null || p.To is null || p.To > p.From).ToList();

        // Totals change only where a stake starts or ends, so the largest total is at the open start or
        // at some "from" date. One sweep over the sorted starts and ends: n log n, not n per date.
        var total = list.Where(p => p.From is null).Sum(p => p.Percent);
        if (total > 100)
        {
            return (total, null);
        }

        var starts = list.Where(p => p.From is not null).OrderBy(p => p.From).ToList();
        var ends = list.Where(p => p.To is not null).OrderBy(p => p.To).ToList();
        int started = 0, ended = 0;
        while (started < starts.Count)
        {
            var on = starts[started].From!.Value;
            for (; started < starts.Count && starts[started].From == on; started++)
            {
                total += starts[started].Percent;
            }

            // Ended on or before this date (an exclusive end), so started before it and added above.
            for (; ended < ends.Count && ends[ended].To <= on; ended++)
            {
                total -= ends[ended].Percent;
            }

            if (total > 100)
            {
                return (total, on);
            }
        }

        return null;
    }

    /// <summary>How a refusal names the date: "from the start" or "on YYYY-MM-DD".</summary>
    public static string Describe(DateOnly? on) => on is null ? "from the start" : $"on {on:yyyy-MM-dd}";
}
