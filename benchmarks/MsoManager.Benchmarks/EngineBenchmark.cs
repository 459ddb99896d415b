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
    public static Task RunAsync()
    {
        var asOf = new DateOnly(2026, 11, 29);
        var rules = new StateRuleBook(StateRulesCsv.Parse(StateRulesCsv.ShippedText()));
        var practices = OneCore.Practices("Engine", asOf);

        OneCore.Time(() => EvaluateAll(practices, asOf, rules));
        var findings = EvaluateAll(practices, asOf, rules);
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
}
