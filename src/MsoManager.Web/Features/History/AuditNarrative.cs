using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.History;

/// <summary>
/// Turns an audit event into what the History tab and the CSV export show: the record by its name,
/// the action in words, and one line per field that changed, labelled and formatted as the forms do.
/// Read side only: the stored event, and so its hash, is never touched.
/// </summary>
public static class AuditNarrative
{
    /// <summary>Who the trail names for a change made without a signed-in user (seeding, start-up).</summary>
    public const string System = "system";

    /// <param name="audit">The event.</param>
    /// <param name="names">The practice's record names, with those of removed records it refers to already learned.</param>
    /// <param name="showSensitive">Whether the reader may see EINs in full (masked otherwise, as on the Entities tab).</param>
    public static AuditEntry Describe(AuditEvent audit, RecordNames names, bool showSensitive)
    {
        var before = AuditValues.Parse(audit.Before);
        var after = AuditValues.Parse(audit.After);
        if ((audit.Action == AuditAction.Deleted ? before : audit.Action == AuditAction.Created ? after : null) is { } whole)
        {
            names.Learn(audit.RecordType, audit.RecordId, whole);
        }

        var (action, lines) = (ReviewNarrative.Covers(audit.RecordType) ? ReviewNarrative.Describe(audit, before, after, names) : null)
            ?? (ActionOf(audit, after), [.. AuditFields.Lines(audit.RecordType, before, after, new AuditContext(audit.Action, names, showSensitive))]);
        return new AuditEntry(audit.Sequence, audit.OccurredAt, audit.UserName ?? System, names.Label(audit.RecordType, audit.RecordId), action, lines, audit.Hash);
    }

    private static string ActionOf(AuditEvent audit, AuditValues? after) => audit switch
    {
        { RecordType: nameof(Practice), Action: AuditAction.Changed } when after?.Has(nameof(Practice.ArchivedAt)) == true =>
            after.Text(nameof(Practice.ArchivedAt)) is null ? "Restored" : "Archived",
        { RecordType: nameof(AgreementVersion), Action: AuditAction.Created } => "Earlier version kept",
        _ => EnumLabels.Of(audit.Action),
    };
}
