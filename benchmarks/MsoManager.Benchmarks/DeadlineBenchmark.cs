using MsoManager.Domain.Deadlines;
using MsoManager.Domain.Practices;

namespace MsoManager.Benchmarks;

/// <summary>
/// The deadline calculator over 10,000 generated practices for a 365-day window, on one core (the
/// target is under 300 ms in total), after a warm-up pass.
/// </summary>
internal static class DeadlineBenchmark
{
    public static Task RunAsync()
    {
        var from = new DateOnly(2026, 11, 29);
        var to = from.AddDays(DeadlineWindow.DefaultDays);
        var practices = OneCore.Practices("Deadlines", from);

        OneCore.Time(() => CalculateAll(practices, from, to));
        var deadlines = CalculateAll(practices, from, to);
        Console.WriteLine($"  deadlines from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {deadlines.Count:N0} in all; " +
            string.Join(", ", deadlines.GroupBy(d => d.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")));
        return Task.CompletedTask;
    }

    private static List<Deadline> CalculateAll(List<Practice> practices, DateOnly from, DateOnly to)
    {
        var all = new List<Deadline>();
        foreach (var practice in practices)
        {
            all.AddRange(DeadlineCalculator.For(practice, from, to));
        }

        return all;
    }
}
