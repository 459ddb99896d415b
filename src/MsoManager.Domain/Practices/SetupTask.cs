using System.Diagnostics.CodeAnalysis;
using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>A step of setting a practice up (form the PC, obtain the EIN, sign the MSA, ...), optionally about one record.</summary>
public sealed class SetupTask : PracticeRecord
{
    private SetupTask()
    {
        Title = "";
    }

    internal SetupTask(Practice practice, string key, SetupTaskDetails details)
        : base(practice, key) => Apply(details);

    public SetupPhase Phase { get; private set; }

    public string Title { get; private set; }

    public SetupTaskStatus Status { get; private set; }

    /// <summary>Who does it (free text: a person's name, "attorney", "founder").</summary>
    public string? Owner { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>The record it concerns: an entity, person or agreement of the practice.</summary>
    public Guid? RecordId { get; private set; }

    public bool IsOpen => Status is SetupTaskStatus.Todo or SetupTaskStatus.InProgress;

    [MemberNotNull(nameof(Title))]
    internal void Apply(SetupTaskDetails details)
    {
        var title = Text.RequireName(details.Title, "Title");
        var owner = string.IsNullOrWhiteSpace(details.Owner) ? null : Text.RequireName(details.Owner, "Owner");
        var dueOn = Dates.Check(details.DueOn, "DueOn", "Due on");

        Phase = details.Phase;
        Title = title;
        Status = details.Status;
        Owner = owner;
        DueOn = dueOn;
        RecordId = details.RecordId;
    }

    internal void ChangeStatus(SetupTaskStatus status) => Status = status;

    /// <summary>Forgets the record it was about, when that record is removed.</summary>
    internal void Unlink() => RecordId = null;
}

public sealed record SetupTaskDetails(
    SetupPhase Phase, string Title, SetupTaskStatus Status = SetupTaskStatus.Todo, string? Owner = null, DateOnly? DueOn = null, Guid? RecordId = null);
