namespace MsoManager.Domain.Common;

/// <summary>
/// A record that belongs to exactly one workspace. The persistence layer filters every query on
/// <see cref="WorkspaceId"/> and refuses to write one into another workspace.
/// </summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; }
}
