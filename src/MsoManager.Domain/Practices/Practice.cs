using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>
/// One med spa business and its structure. This is the practice record itself; its entities,
/// people, ownership and agreements hang off it.
/// </summary>
public sealed class Practice : IWorkspaceOwned
{
    private Practice()
    {
        Name = "";
        PrimaryState = null!;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Name { get; private set; }

    public StateCode PrimaryState { get; private set; }

    public PracticeStatus Status { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Practice Create(Guid workspaceId, string name, StateCode primaryState, PracticeStatus status, string? notes, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Name = Text.RequireName(name, "Name"),
            PrimaryState = primaryState,
            Status = status,
            Notes = Text.OptionalFreeText(notes, "Notes"),
            CreatedAt = now,
        };

    public void UpdateDetails(string name, StateCode primaryState, PracticeStatus status, string? notes)
    {
        Name = Text.RequireName(name, "Name");
        PrimaryState = primaryState;
        Status = status;
        Notes = Text.OptionalFreeText(notes, "Notes");
    }
}
