namespace MsoManager.Web.Features.History;

/// <summary>
/// One field of an audit event in words: its label and its value before and after (null: none).
/// A change reads "Fee: 45% of collections → $25,000 a month"; a line that is not a change (a field of
/// a record added or removed, a service added to an agreement) reads "Services added: Marketing".
/// </summary>
public sealed record AuditLine(string Field, string? Before, string? After, bool IsChange = true)
{
    public const string Nothing = "—";

    public string Text => IsChange
        ? $"{Field}: {Before ?? Nothing} → {After ?? Nothing}"
        : $"{Field}: {After ?? Before ?? Nothing}";
}

/// <summary>An audit event in words: when (UTC), who, which record, what happened, and each field that changed.</summary>
public sealed record AuditEntry(
    long Sequence, DateTimeOffset OccurredAt, string Who, string Record, string Action, IReadOnlyList<AuditLine> Lines, string Hash);
