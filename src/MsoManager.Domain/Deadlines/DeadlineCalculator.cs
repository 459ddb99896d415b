using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines;

/// <summary>
/// Derives a practice's deadlines in a window (deadlines.md), beside the compliance engine and like
/// it: pure and deterministic, one source per kind, the same answer for the practice page, the
/// calendar, the feed, the reminders and the API.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>How long an FMV opinion supports the fee (the compliance engine's limit).</summary>
    public const int FmvOpinionMonths = Compliance.ComplianceEngine.FmvOpinionMaxAgeMonths;

    // Every source in this assembly, found once as the compliance engine finds its rules: a new kind is a new class.
    private static readonly IDeadlineSource[] Sources =
    [
        .. typeof(DeadlineCalculator).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IDeadlineSource).IsAssignableFrom(type))
            .Select(type => (IDeadlineSource)Activator.CreateInstance(type, nonPublic: true)!)
            .OrderBy(source => source.Kind, StringComparer.Ordinal),
    ];

    /// <summary>The practice's deadlines dated from <paramref name="from"/> to <paramref name="to"/> (inclusive), in the catalog's order.</summary>
    public static IReadOnlyList<Deadline> For(Practice practice, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(practice);
        Common.DomainRuleException.ThrowIf("to", to < from ? "To must not be before from." : null);
        var window = new DeadlineWindow(from, to);
        var deadlines = Sources.SelectMany(source => source.Find(practice, window)).ToList();
        deadlines.Sort(Compare);
        return deadlines;
    }

    /// <summary>
    /// What still needs doing as of <paramref name="today"/>: the deadlines overdue from before <paramref name="from"/>
    /// (however old), then those from <paramref name="from"/> to <paramref name="to"/>, each part in the catalog's order.
    /// </summary>
    public static IReadOnlyList<Deadline> OpenFor(Practice practice, DateOnly from, DateOnly to, DateOnly today)
    {
        var window = For(practice, from, to);
        return from > Common.Dates.Earliest
            ? [.. For(practice, Common.Dates.Earliest, from.AddDays(-1)).Where(d => d.IsOverdue(today)), .. window]
            : window;
    }

    /// <summary>The catalog's order: date, then kind, then subject key (ordinal).</summary>
    public static int Compare(Deadline x, Deadline y)
    {
        var byDate = x.Date.CompareTo(y.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byKind = string.CompareOrdinal(x.Kind, y.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(x.SubjectKey, y.SubjectKey);
    }
}
