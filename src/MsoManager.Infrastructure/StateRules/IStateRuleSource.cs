using MsoManager.Domain.Compliance;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>The state rules in force in a workspace: the shipped rows with that workspace's corrections.</summary>
public interface IStateRuleSource
{
    Task<StateRuleBook> GetBookAsync(Guid workspaceId, CancellationToken cancellationToken = default);
}
