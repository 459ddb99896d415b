namespace MsoManager.Infrastructure.Tenancy;

/// <summary>
/// The workspace the current circuit, request or job works in. <see cref="Persistence.AppDbContext"/>
/// filters every workspace-owned query on it; <see cref="Guid.Empty"/> means none, and matches nothing.
/// </summary>
public interface ICurrentWorkspace
{
    Guid WorkspaceId { get; }
}

/// <summary>A fixed workspace, for start-up work, seeding and tests.</summary>
public sealed class FixedWorkspace(Guid workspaceId) : ICurrentWorkspace
{
    public static FixedWorkspace None { get; } = new(Guid.Empty);

    public Guid WorkspaceId { get; } = workspaceId;
}
