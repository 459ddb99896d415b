using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MsoManager.Domain.Compliance;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>The shipped state rules as stored: every row, the hash of the file they came from, and when it was loaded.</summary>
public sealed record ShippedStateRuleSet(StateRuleBook Book, string FileHash, DateTimeOffset? LoadedAt)
{
    /// <summary>When the shipped data was compiled (the latest row's date), for the "compiled on" notice.</summary>
    public DateOnly? CompiledOn { get; } = Book.Rows.Max(r => r.CompiledOn);
}

/// <summary>
/// Holds the shipped rows in memory for the life of the app: they change only when a start-up
/// refresh loads a newer file, so every read after the first costs nothing.
/// </summary>
public sealed class ShippedStateRuleCache
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ShippedStateRuleSet? _current;

    internal async Task<ShippedStateRuleSet> GetOrLoadAsync(Func<CancellationToken, Task<ShippedStateRuleSet>> load, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded)
            {
                return loaded;
            }

            var set = await load(cancellationToken);
            // An empty table (a database not yet initialized) is not remembered, so the next read tries again.
            if (set.Book.Rows.Any())
            {
                Volatile.Write(ref _current, set);
            }

            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    internal void Set(ShippedStateRuleSet set) => Volatile.Write(ref _current, set);
}

/// <summary>
/// The shipped state rules in the database: <see cref="RefreshAsync"/> at start writes the embedded
/// state-rules.csv into the table when its hash differs from the stored rows' (so a new app version
/// with an updated file refreshes every shipped value), and <see cref="GetAsync"/> reads them, cached.
/// Workspace corrections are other rows and are never touched here.
/// </summary>
public sealed class ShippedStateRules(TenantDbContextFactory contexts, ShippedStateRuleCache cache, TimeProvider time, ILogger<ShippedStateRules> logger)
{
    public Task<ShippedStateRuleSet> GetAsync(CancellationToken cancellationToken = default) => cache.GetOrLoadAsync(LoadAsync, cancellationToken);

    /// <summary>
    /// Upserts every row of <paramref name="csvText"/> (and removes states it no longer has) when its hash
    /// differs from the stored one; returns whether it wrote. A file that does not parse writes nothing.
    /// </summary>
    public async Task<bool> RefreshAsync(string csvText, CancellationToken cancellationToken = default)
    {
        var hash = StateRulesCsv.Hash(csvText);
        var written = false;
        await using (var db = contexts.CreateWithoutWorkspace())
        {
            var stored = await db.ShippedStateRules.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
            if (stored.Count == 0 || stored.Values.Any(r => r.FileHash != hash))
            {
                var rules = StateRulesCsv.Parse(csvText);
                var now = time.GetUtcNow();
                foreach (var rule in rules)
                {
                    if (stored.Remove(rule.State.Value, out var row))
                    {
                        row.Replace(rule, hash, now);
                    }
                    else
                    {
                        db.ShippedStateRules.Add(new ShippedStateRule(rule, hash, now));
                    }
                }

                db.ShippedStateRules.RemoveRange(stored.Values);
                await db.SaveChangesAsync(cancellationToken);
                written = true;
                logger.LogInformation("Loaded {Count} shipped state rules from a state-rules.csv with hash {Hash}", rules.Count, hash);
            }
        }

        cache.Set(await LoadAsync(cancellationToken));
        return written;
    }

    private async Task<ShippedStateRuleSet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateWithoutWorkspace();
        var rows = await db.ShippedStateRules.AsNoTracking().ToListAsync(cancellationToken);
        return new ShippedStateRuleSet(
            new StateRuleBook(rows.Select(r => r.Rule)), rows.FirstOrDefault()?.FileHash ?? "", rows.Count == 0 ? null : rows.Max(r => r.LoadedAt));
    }
}
