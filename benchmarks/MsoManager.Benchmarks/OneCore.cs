using System.Diagnostics;
using MsoManager.Domain.Practices;

namespace MsoManager.Benchmarks;

/// <summary>
/// What the pure-domain benchmarks share (the compliance engine, the deadline calculator): the targets
/// are stated for one core over 10,000 generated practices, timed after a warm-up pass.
/// </summary>
internal static class OneCore
{
    public const int PracticeCount = 10_000;

    private const int TimedPasses = 5;

    /// <summary>Pins the process to CPU 0 and generates the practices, printing their average size.</summary>
    public static List<Practice> Practices(string name, DateOnly asOf)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }

        var workspaceId = Guid.NewGuid();
        var generating = Stopwatch.StartNew();
        var practices = Enumerable.Range(0, PracticeCount).Select(n => PracticeGenerator.Create(workspaceId, n, asOf)).ToList();
        Console.WriteLine($"{name}: generated {PracticeCount:N0} practices in {generating.Elapsed.TotalSeconds:0.0} s " +
            $"(per practice on average: {Average(practices, p => p.People.Count):0.0} people, {Average(practices, p => p.People.Sum(x => x.Licenses.Count)):0.0} licenses, " +
            $"{Average(practices, p => p.Stakes.Count):0.0} stakes, {Average(practices, p => p.Agreements.Count):0.0} agreements, {Average(practices, p => p.FinancialMonths.Count):0.0} financial months)");
        return practices;
    }

    /// <summary>Runs <paramref name="pass"/> once to warm up, then times it and prints median, best and worst.</summary>
    public static void Time(Action pass)
    {
        pass();
        var times = new List<double>();
        for (var i = 0; i < TimedPasses; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            pass();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  {PracticeCount:N0} practices on one core: median {times[TimedPasses / 2]:0} ms, best {times[0]:0} ms, worst {times[^1]:0} ms " +
            $"({times[TimedPasses / 2] * 1000 / PracticeCount:0.0} µs per practice)");
    }

    private static double Average(List<Practice> practices, Func<Practice, int> count) => practices.Average(count);
}
