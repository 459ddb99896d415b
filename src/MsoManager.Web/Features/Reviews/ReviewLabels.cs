using System.Globalization;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.History;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Features.Reviews;

/// <summary>The words and colours of the review pages: statuses, decisions, checklist items and sections, never enum names.</summary>
public static class ReviewLabels
{
    // Kept as written when a checklist code is turned into words.
    private static readonly HashSet<string> Acronyms = ["FMV", "PC", "MSA", "MSO"];

    /// <summary>Said at a Concern's note while it has none: an approval waits for one.</summary>
    public const string ConcernNeedsNote = "Add a note to a Concern: approving needs a note on every Concern.";

    public static string Of(ReviewStatus status) => EnumLabels.Of(status);

    public static Color ColorOf(ReviewStatus status) => status switch
    {
        ReviewStatus.Open => Color.Info,
        ReviewStatus.Approved => Color.Success,
        ReviewStatus.ChangesRequested => Color.Warning,
        ReviewStatus.Withdrawn => Color.Default,
        _ => Color.Default,
    };

    public static string Of(Assessment assessment) => EnumLabels.Of(assessment);

    public static Color ColorOf(Assessment assessment) => assessment switch
    {
        Assessment.Pass => Color.Success,
        Assessment.Concern => Color.Warning,
        Assessment.NotApplicable or Assessment.Unassessed => Color.Default,
        _ => Color.Default,
    };

    public static string Of(ReviewDecision decision) => EnumLabels.Of(decision);

    public static string Of(ReviewSection section) => EnumLabels.Of(section);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant's day in UTC, as the app writes dates.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>"Overdue by 3 days" for an open review whose due date has passed on <paramref name="today"/>; null otherwise.</summary>
    public static string? Overdue(DateOnly? dueOn, bool isOverdue, DateOnly today)
    {
        if (!isOverdue || dueOn is not { } due)
        {
            return null;
        }

        var days = today.DayNumber - due.DayNumber;
        return days == 1 ? "Overdue by 1 day" : $"Overdue by {days} days";
    }

    /// <summary>A section's heading on the review page.</summary>
    public static string Heading(ReviewSection section) =>
        section == ReviewSection.General ? "The review as a whole" : EnumLabels.Of(section);

    /// <summary>A checklist item's short name from its code: FEE_WITHIN_FMV as "Fee within FMV".</summary>
    public static string ItemName(string code)
    {
        var words = code.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, i) => Acronyms.Contains(word) ? word : i == 0 ? word[..1] + word[1..].ToLowerInvariant() : word.ToLowerInvariant());
        return string.Join(' ', words);
    }

    /// <summary>
    /// "Approved by Ada Attorney on 2026-12-03 14:02 UTC (version 2)", or "Changes requested by … : reason",
    /// or who withdrew it and why; null while the review is open.
    /// </summary>
    public static string? Decision(Review review)
    {
        if (review.Status == ReviewStatus.Withdrawn && review.DecidedAt is { } withdrawnAt)
        {
            return $"The review by {review.AttorneyName} (version {review.VersionRead}) was withdrawn by {review.WithdrawnByName} on {Time(withdrawnAt)}: {review.DecisionReason}";
        }

        if (review.Decision is not { } decision || review.DecidedAt is not { } at)
        {
            return null;
        }

        var what = decision == ReviewDecision.Approve ? "Approved" : "Changes requested";
        var reason = review.DecisionReason is { } text ? $": {text}" : "";
        return $"{what} by {review.AttorneyName} on {Time(at)} (version {review.DecidedVersion}){reason}";
    }

    /// <summary>A moment as the review page shows it: "2026-12-03 14:02 UTC".</summary>
    public static string Time(DateTimeOffset at) => AuditFormat.Instant(at);
}
