using System.Collections.Frozen;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Compliance;

/// <summary>The state rules in force for one evaluation: one row per state, looked up by code.</summary>
public sealed class StateRuleBook
{
    private readonly FrozenDictionary<string, StateRule> _rows;

    public StateRuleBook(IEnumerable<StateRule> rows)
    {
        _rows = rows.ToFrozenDictionary(r => r.State.Value, StringComparer.Ordinal);
    }

    public static StateRuleBook Empty { get; } = new([]);

    public IEnumerable<StateRule> Rows => _rows.Values.OrderBy(r => r.State.Value, StringComparer.Ordinal);

    /// <summary>The state's row, or null when there is none.</summary>
    public StateRule? Find(StateCode state) => _rows.GetValueOrDefault(state.Value);

    /// <summary>The state's row, or one with every field unknown (the catalog's defaults).</summary>
    public StateRule For(StateCode state) => Find(state) ?? StateRuleDefaults.Unknown(state);
}
