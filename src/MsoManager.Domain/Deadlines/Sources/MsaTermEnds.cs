using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>
/// The ends of an Executed MSA's terms (deadlines.md): the initial term ends on effective + initial
/// term; one that auto-renews ends again every renewal term R (the initial term when none is set),
/// the k-th renewal on effective + (initial + k x R) months, always counted from the effective date.
/// </summary>
internal static class MsaTermEnds
{
    /// <summary>Whether the MSA has terms that end: Executed, with an effective date and an initial term.</summary>
    public static bool HasTerms(Agreement msa) =>
        msa.IsMsa && msa.Status == AgreementStatus.Executed && msa.Terms.EffectiveOn is not null && msa.Terms.InitialTermMonths is > 0;

    /// <summary>How long each renewal runs: the renewal term, or the initial term when none is set.</summary>
    public static int RenewalMonths(Agreement msa) => msa.Terms.RenewalTermMonths is { } months and > 0 ? months : msa.Terms.InitialTermMonths ?? 0;

    /// <summary>Every term end from <paramref name="from"/> to <paramref name="to"/> (inclusive), in order.</summary>
    public static IEnumerable<DateOnly> Between(Agreement msa, DateOnly from, DateOnly to)
    {
        if (!HasTerms(msa))
        {
            yield break;
        }

        var effective = msa.Terms.EffectiveOn!.Value;
        var initial = msa.Terms.InitialTermMonths!.Value;
        if (!msa.Terms.AutoRenew)
        {
            var end = effective.AddMonths(initial);
            if (end >= from && end <= to)
            {
                yield return end;
            }

            yield break;
        }

        var renewal = RenewalMonths(msa);

        // Skip the renewals wholly before the window (an MSA of 1990 with monthly renewals), then walk.
        var monthsToFrom = ((from.Year - effective.Year) * 12) + from.Month - effective.Month;
        var k = Math.Max(0, ((monthsToFrom - initial) / renewal) - 1);
        while (true)
        {
            var monthsFromStart = initial + ((long)k * renewal);
            if (monthsFromStart > (Common.Dates.Latest.Year - effective.Year + 1) * 12L)
            {
                yield break;
            }

            var end = effective.AddMonths((int)monthsFromStart);
            if (end > to)
            {
                yield break;
            }

            if (end >= from)
            {
                yield return end;
            }

            k++;
        }
    }
}
