using System.Diagnostics;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.Benchmarks;

/// <summary>
/// The compliance engine over 10,000 generated practices of realistic size, on one core: the time to
/// evaluate all of them (the target is under 1 s in total), after a warm-up pass.
/// </summary>
internal static class EngineBenchmark
{
    private const int PracticeCount = 10_000;
    private const int TimedPasses = 5;

    public static Task RunAsync()
    {
        // One core, as the target is stated: the process may run on CPU 0 only.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }

        var asOf = new DateOnly(2026, 11, 29);
        var rules = new StateRuleBook(StateRulesCsv.Parse(StateRulesCsv.ShippedText()));
        var workspaceId = Guid.NewGuid();
        var generating = Stopwatch.StartNew();
        var practices = Enumerable.Range(0, PracticeCount).Select(n => PracticeGenerator.Create(workspaceId, n, asOf)).ToList();
        Console.WriteLine($"Engine: generated {PracticeCount:N0} practices in {generating.Elapsed.TotalSeconds:0.0} s " +
            $"(per practice on average: {Average(practices, p => p.People.Count):0.0} people, {Average(practices, p => p.People.Sum(x => x.Licenses.Count)):0.0} licenses, " +
            $"{Average(practices, p => p.Stakes.Count):0.0} stakes, {Average(practices, p => p.Agreements.Count):0.0} agreements, {Average(practices, p => p.FinancialMonths.Count):0.0} financial months)");

        var findings = EvaluateAll(practices, asOf, rules);
        var times = new List<double>();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            EvaluateAll(practices, asOf, rules);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  {PracticeCount:N0} practices on one core: median {times[TimedPasses / 2]:0} ms, best {times[0]:0} ms, worst {times[^1]:0} ms " +
            $"({times[TimedPasses / 2] * 1000 / PracticeCount:0.0} µs per practice)");
        Console.WriteLine($"  findings: {findings.Count:N0} in all; " + string.Join(", ", findings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")));
        return Task.CompletedTask;
    }

    private static List<Finding> EvaluateAll(List<Practice> practices, DateOnly asOf, StateRuleBook rules)
    {
        var all = new List<Finding>();
        foreach (var practice in practices)
        {
            all.AddRange(ComplianceEngine.Evaluate(practice, asOf, rules).Findings);
        }

        return all;
    }

    private static double Average(List<Practice> practices, Func<Practice, int> count) => practices.Average(count);
}
