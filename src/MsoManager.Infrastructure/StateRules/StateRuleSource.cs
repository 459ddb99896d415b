using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Compliance;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>
/// The state rules in force in a workspace, from the database: the shipped rows (cached in memory)
/// with that workspace's corrections applied, read by one small indexed query per call so a
/// correction counts at once, on every app instance.
/// </summary>
public sealed class StateRuleSource(ShippedStateRules shipped, StateRuleBookCache books, TenantDbContextFactory contexts) : IStateRuleSource
{
    public async Task<StateRuleBook> GetBookAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var rules = await shipped.GetAsync(cancellationToken);
        if (books.Find(workspaceId, rules) is { } kept)
        {
            return kept;
        }

        await using var db = contexts.CreateForWorkspace(workspaceId);
        var corrections = await db.StateRuleCorrections.AsNoTracking().ToListAsync(cancellationToken);
        var book = Apply(rules.Book, corrections);
        books.Keep(workspaceId, rules, book);
        return book;
    }

    /// <summary>The shipped book with <paramref name="corrections"/> in place; a correction of a state with no shipped row corrects the "unknown" row.</summary>
    public static StateRuleBook Apply(StateRuleBook shipped, IReadOnlyCollection<StateRuleCorrection> corrections)
    {
        if (corrections.Count == 0)
        {
            return shipped;
        }

        var byState = corrections.ToDictionary(c => c.State.Value, StringComparer.Ordinal);
        var rows = shipped.Rows.Select(r => byState.Remove(r.State.Value, out var correction) ? correction.ApplyTo(r) : r).ToList();
        rows.AddRange(byState.Values.Select(c => c.ApplyTo(StateRuleDefaults.Unknown(c.State))));
        return new StateRuleBook(rows);
    }
}
