namespace MsoManager.Domain.Deadlines;

/// <summary>The kind of record a deadline comes from (deadlines.md's subjectType).</summary>
public enum DeadlineSubject
{
    License,
    Agreement,
    LegalEntity,
    SetupTask,
}

/// <summary>
/// A date someone must act on, derived from a practice's records (deadlines.md): what kind, when,
/// which record (by type, key and id, for links) and a title that names the record in words.
/// </summary>
public sealed record Deadline(string Kind, DateOnly Date, DeadlineSubject SubjectType, string SubjectKey, Guid RecordId, string Title)
{
    /// <summary>
    /// Before <paramref name="today"/> and of a kind that stays open (<see cref="DeadlineKinds.StaysOpenWhenPast"/>):
    /// overdue until its record changes (a renewed license, a new FMV opinion, the task done).
    /// </summary>
    public bool IsOverdue(DateOnly today) => Date < today && DeadlineKinds.StaysOpenWhenPast(Kind);
}
