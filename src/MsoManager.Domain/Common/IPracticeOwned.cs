namespace MsoManager.Domain.Common;

/// <summary>A record that belongs to one practice (and so to its workspace); the audit trail files it under the practice.</summary>
public interface IPracticeOwned : IWorkspaceOwned
{
    Guid PracticeId { get; }
}
