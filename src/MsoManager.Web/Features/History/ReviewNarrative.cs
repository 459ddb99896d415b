using MsoManager.Domain.Auditing;
using MsoManager.Domain.Reviews;

namespace MsoManager.Web.Features.History;

/// <summary>
/// The audit events of reviews, their checklist items and comments, told as what people did: "Carlos
/// requested a review of “MSA” (version 2) from Ada Attorney, due 2026-12-10", "Ada Attorney assessed
/// FEE_WITHIN_FMV … as Concern: …", "Ada Attorney approved version 2". Who acted is the name the review
/// recorded (the attorney, the author), which the trail keeps even after a rename; the account that
/// saved stays in the Who column. A change these sentences do not know reads field by field as any other.
/// </summary>
public static class ReviewNarrative
{
    /// <summary>How much of a comment or message a sentence quotes; the review shows it whole.</summary>
    public const int QuoteLength = 120;

    public static bool Covers(string recordType) => recordType is nameof(Review) or nameof(ReviewChecklistItem) or nameof(ReviewComment);

    /// <summary>The action and lines of a review record's event, or null when no sentence tells it (it then reads field by field).</summary>
    public static (string Action, IReadOnlyList<AuditLine> Lines)? Describe(AuditEvent audit, AuditValues? before, AuditValues? after, RecordNames names)
    {
        if (audit.Action == AuditAction.Deleted)
        {
            // A review goes only with its agreement, and its items and comments with it: the agreement's removal says so.
            return ("Removed", []);
        }

        return audit.RecordType switch
        {
            nameof(Review) => OfReview(audit, after!, names),
            nameof(ReviewChecklistItem) => OfItem(audit, after!, names),
            nameof(ReviewComment) => OfComment(audit, before, after!, names),
            _ => null,
        };
    }

    private static (string, IReadOnlyList<AuditLine>)? OfReview(AuditEvent audit, AuditValues after, RecordNames names)
    {
        var attorney = after.Text(nameof(Review.AttorneyName)) ?? names.Fact(audit.RecordId, nameof(Review.AttorneyName)) ?? Who(audit);
        if (audit.Action == AuditAction.Created)
        {
            var due = after.Text(nameof(Review.DueOn)) is { } date ? $", due {AuditFormat.Date(date)}" : "";
            var requested = $"{after.Text(nameof(Review.RequestedByName)) ?? Who(audit)} requested a review of {names.NameOf(after.Id(nameof(Review.AgreementId)) ?? Guid.Empty)}"
                + $" (version {after.Text(nameof(Review.RequestedVersion))}) from {attorney}{due}";
            return ("Review requested", [AuditLine.Sentence(requested), .. Quoted("Message", after.Text(nameof(Review.Message)))]);
        }

        if (after.Text(nameof(Review.Decision)) is { } decision)
        {
            var version = after.Text(nameof(Review.DecidedVersion));
            var reason = after.Text(nameof(Review.DecisionReason));
            return decision == nameof(ReviewDecision.Approve)
                ? ("Approved", [AuditLine.Sentence($"{attorney} approved version {version}{(reason is null ? "" : $": {Quote(reason)}")}")])
                : ("Changes requested", [AuditLine.Sentence($"{attorney} requested changes to version {version}: {Quote(reason ?? "")}")]);
        }

        return after.Text(nameof(Review.VersionRead)) is { } read
            ? ("Version read", [AuditLine.Sentence($"{attorney} marked version {read} read")])
            : null;
    }

    private static (string, IReadOnlyList<AuditLine>) OfItem(AuditEvent audit, AuditValues after, RecordNames names)
    {
        if (audit.Action == AuditAction.Created)
        {
            // Every item is added unassessed with its review; its label names it.
            return ("Added", []);
        }

        var code = names.Fact(audit.RecordId, nameof(ReviewChecklistItem.Code)) ?? "";

        var review = names.Fact(audit.RecordId, nameof(ReviewChecklistItem.ReviewId)) is { } text && Guid.TryParse(text, out var id) ? id : Guid.Empty;
        var attorney = names.Fact(review, nameof(Review.AttorneyName)) ?? Who(audit);
        var item = $"{code} “{ReviewChecklist.Find(code)?.Title ?? code}”";
        var note = after.Text(nameof(ReviewChecklistItem.Note));
        var sentence = after.Text(nameof(ReviewChecklistItem.Assessment)) switch
        {
            null => note is null ? $"{attorney} removed the note on {item}" : $"{attorney} changed the note on {item}: {Quote(note)}",
            nameof(Assessment.Unassessed) => $"{attorney} withdrew the assessment of {item}",
            var assessment => $"{attorney} assessed {item} as {AuditFormat.Enum<Assessment>(assessment)}{(note is null ? "" : $": {Quote(note)}")}",
        };
        return ("Assessed", [AuditLine.Sentence(sentence)]);
    }

    private static (string, IReadOnlyList<AuditLine>)? OfComment(AuditEvent audit, AuditValues? before, AuditValues after, RecordNames names)
    {
        var author = after.Text(nameof(ReviewComment.AuthorName)) ?? names.Fact(audit.RecordId, nameof(ReviewComment.AuthorName)) ?? Who(audit);
        var section = AuditFormat.Enum<ReviewSection>(after.Text(nameof(ReviewComment.Section)) ?? names.Fact(audit.RecordId, nameof(ReviewComment.Section)));
        if (audit.Action == AuditAction.Created)
        {
            var reply = after.Text(nameof(ReviewComment.ThreadId)) is not null;
            var on = $"{section} (version {after.Text(nameof(ReviewComment.WrittenOnVersion))})";
            return (reply ? "Replied" : "Commented",
                [AuditLine.Sentence($"{author} {(reply ? "replied on" : "commented on")} {on}: {Quote(after.Text(nameof(ReviewComment.Text)) ?? "")}")]);
        }

        if (after.Text(nameof(ReviewComment.Text)) is { } text)
        {
            return ("Comment edited", [AuditLine.Sentence($"{author} edited a comment on {section}: {Quote(text)}")]);
        }

        if (after.Has(nameof(ReviewComment.ResolvedAt)))
        {
            return after.Text(nameof(ReviewComment.ResolvedAt)) is null
                ? ("Thread reopened", [AuditLine.Sentence($"{Who(audit)} reopened a thread on {section} (resolved by {before?.Text(nameof(ReviewComment.ResolvedByName)) ?? "someone"})")])
                : ("Thread resolved", [AuditLine.Sentence($"{after.Text(nameof(ReviewComment.ResolvedByName)) ?? Who(audit)} resolved a thread on {section}")]);
        }

        return null;
    }

    private static string Who(AuditEvent audit) => audit.UserName ?? AuditNarrative.System;

    private static IEnumerable<AuditLine> Quoted(string field, string? text)
    {
        if (text is not null)
        {
            yield return new AuditLine(field, null, Quote(text), IsChange: false);
        }
    }

    /// <summary>Free text on one line, in quotes, cut at <see cref="QuoteLength"/> characters with an ellipsis.</summary>
    public static string Quote(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"“{(line.Length > QuoteLength ? line[..(QuoteLength - 1)].TrimEnd() + "…" : line)}”";
    }
}
