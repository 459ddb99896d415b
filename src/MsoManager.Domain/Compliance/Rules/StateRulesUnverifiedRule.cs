using MsoManager.Domain.Common;

namespace MsoManager.Domain.Compliance.Rules;

/// <summary>
/// STATE_RULES_UNVERIFIED: the other rules are only as good as the state data; where the CPOM or
/// ownership facts are low-confidence (or the state has no row), counsel should confirm them.
/// </summary>
/// <remarks>Reading: one finding per state, for the states of operation and the states of live professional entities together; a state without a row counts as low confidence.</remarks>
internal sealed class StateRulesUnverifiedRule() : ComplianceRule(
    "STATE_RULES_UNVERIFIED",
    Severity.Info,
    "The state rules for a state the practice depends on are low-confidence")
{
    public override IEnumerable<Finding> Evaluate(ComplianceContext context)
    {
        List<StateCode> states = [.. context.StatesOfOperation];
        foreach (var pc in context.ProfessionalEntities)
        {
            if (!states.Contains(pc.StateOfFormation))
            {
                states.Add(pc.StateOfFormation);
            }
        }

        foreach (var state in states)
        {
            var row = context.RuleFor(state);
            if (row.CpomConfidence != Confidence.Low && row.PcOwnersConfidence != Confidence.Low)
            {
                continue;
            }

            var message = context.HasRowFor(state)
                ? $"The state rules for {row.StateName} are low-confidence ({Weak(row)}); the findings that rely on them may be wrong."
                : $"There are no state rules for {row.StateName}; the engine assumes the defaults (owners licensed as MD or DO, everything else unknown).";
            yield return AboutState(
                row,
                message,
                $"Have counsel in {row.StateName} confirm the corporate practice of medicine and ownership rules, then correct the state's row.");
        }
    }

    private static string Weak(StateRule row) =>
        row.CpomConfidence == Confidence.Low && row.PcOwnersConfidence == Confidence.Low ? "CPOM and professional-entity ownership"
        : row.CpomConfidence == Confidence.Low ? "CPOM" : "professional-entity ownership";
}
