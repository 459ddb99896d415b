using MsoManager.Domain.Compliance;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>The state rules as shipped (the embedded CSV), parsed once; no workspace corrections.</summary>
public sealed class ShippedStateRuleSource : IStateRuleSource
{
    private readonly Lazy<StateRuleBook> _book = new(() => new StateRuleBook(StateRulesCsv.Parse(StateRulesCsv.ShippedText())));

    public Task<StateRuleBook> GetBookAsync(Guid workspaceId, CancellationToken cancellationToken = default) => Task.FromResult(_book.Value);
}
