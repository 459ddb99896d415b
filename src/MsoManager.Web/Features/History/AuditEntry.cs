namespace MsoManager.Web.Features.History;

/// <summary>
/// One field of an audit event in words: its label and its value before and after (null: none).
/// A change reads "Fee: 45% of collections → $25,000 a month"; a line that is not a change (a field of
/// a record added or removed, a service added to an agreement) reads "Services added: Marketing"; a
/// sentence (no field) reads as it is.
/// </summary>
public sealed record AuditLine(string Field, string? Before, string? After, bool IsChange = true)
{
    public const string Nothing = "—";

    public string Text => Field.Length == 0 ? After ?? Before ?? Nothing
        : IsChange ? $"{Field}: {Before ?? Nothing} → {After ?? Nothing}"
        : $"{Field}: {After ?? Before ?? Nothing}";

    /// <summary>A line that says what happened in a sentence ("Ada Attorney approved version 2"), for records whose fields alone would not.</summary>
    public static AuditLine Sentence(string text) => new("", null, text, IsChange: false);
}

/// <summary>An audit event in words: when (UTC), who, which record, what happened, and each field that changed.</summary>
public sealed record AuditEntry(
    long Sequence, DateTimeOffset OccurredAt, string Who, string Record, string Action, IReadOnlyList<AuditLine> Lines, string Hash);
