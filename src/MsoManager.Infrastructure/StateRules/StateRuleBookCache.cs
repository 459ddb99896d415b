using System.Collections.Concurrent;
using MsoManager.Domain.Compliance;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>
/// The book in force per workspace (the shipped rows with its corrections), kept for
/// <see cref="Lifetime"/> so that evaluating findings does not read the corrections on every request.
/// A correction saved through this app instance drops its workspace's entry at once
/// (<see cref="Invalidate"/>); another instance sees it within <see cref="Lifetime"/>. An entry built
/// on an older shipped set (the file was refreshed) is not used.
/// </summary>
public sealed class StateRuleBookCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public StateRuleBook? Find(Guid workspaceId, ShippedStateRuleSet shipped) =>
        _entries.TryGetValue(workspaceId, out var entry) && ReferenceEquals(entry.Shipped, shipped) && time.GetUtcNow() - entry.At < Lifetime
            ? entry.Book
            : null;

    public void Keep(Guid workspaceId, ShippedStateRuleSet shipped, StateRuleBook book) =>
        _entries[workspaceId] = new Entry(shipped, book, time.GetUtcNow());

    public void Invalidate(Guid workspaceId) => _entries.TryRemove(workspaceId, out _);

    private sealed record Entry(ShippedStateRuleSet Shipped, StateRuleBook Book, DateTimeOffset At);
}
