using MsoManager.Domain.Compliance;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>
/// One state's row as shipped in state-rules.csv, stored for every workspace alike, with the hash of
/// the file it came from. Rewritten only at start, when the shipped file changed; corrections live
/// apart (<see cref="StateRuleCorrection"/>, per workspace) and are never touched by that refresh.
/// </summary>
public sealed class ShippedStateRule
{
    private ShippedStateRule()
    {
        Code = "";
        Rule = null!;
        FileHash = "";
    }

    internal ShippedStateRule(StateRule rule, string fileHash, DateTimeOffset loadedAt)
    {
        Code = rule.State.Value;
        Rule = rule;
        FileHash = fileHash;
        LoadedAt = loadedAt;
    }

    /// <summary>The state's postal code, the row's key.</summary>
    public string Code { get; private set; }

    public StateRule Rule { get; private set; }

    /// <summary>SHA-256 of the shipped file the row was loaded from (<see cref="StateRulesCsv.Hash"/>).</summary>
    public string FileHash { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    internal void Replace(StateRule rule, string fileHash, DateTimeOffset loadedAt)
    {
        Rule = rule;
        FileHash = fileHash;
        LoadedAt = loadedAt;
    }
}
