using System.Globalization;
using MsoManager.Domain.Reviews;
using MudBlazor;

namespace MsoManager.Web.Features.Reviews;

/// <summary>The words and colours the pages use for reviews: their status, their sections, the due date and the decision.</summary>
public static class ReviewLabels
{
    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Open => "Open",
        ReviewStatus.Approved => "Approved",
        ReviewStatus.ChangesRequested => "Changes requested",
        _ => status.ToString(),
    };

    public static Color ColorOf(ReviewStatus status) => status switch
    {
        ReviewStatus.Open => Color.Info,
        ReviewStatus.Approved => Color.Success,
        ReviewStatus.ChangesRequested => Color.Warning,
        _ => Color.Default,
    };

    public static string Of(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => "Approve",
        ReviewDecision.RequestChanges => "Request changes",
        _ => decision.ToString(),
    };

    public static string Of(Assessment assessment) => assessment switch
    {
        Assessment.Unassessed => "Not assessed",
        Assessment.Pass => "Pass",
        Assessment.Concern => "Concern",
        Assessment.NotApplicable => "Not applicable",
        _ => assessment.ToString(),
    };

    public static string Of(ReviewSection section) => section switch
    {
        ReviewSection.Parties => "Parties",
        ReviewSection.Term => "Term",
        ReviewSection.Services => "Services",
        ReviewSection.Fee => "Fee",
        ReviewSection.Fmv => "FMV",
        ReviewSection.ClinicalAuthority => "Clinical authority",
        ReviewSection.Termination => "Termination",
        ReviewSection.General => "General",
        _ => section.ToString(),
    };

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

    /// <summary>
    /// The decision in a sentence: "Changes requested by Ada Attorney on 2026-12-03: Reserve clinical
    /// staffing to the PC." or "Approved by Ada Attorney on 2026-12-03 (version 2)"; null while open.
    /// </summary>
    public static string? Decision(Review review)
    {
        if (review.Decision is not { } decision || review.DecidedAt is not { } at)
        {
            return null;
        }

        var what = decision == ReviewDecision.Approve ? "Approved" : "Changes requested";
        var version = review.DecidedVersion is { } number ? $" (version {number})" : "";
        return review.DecisionReason is { Length: > 0 } reason
            ? $"{what} by {review.AttorneyName} on {Date(at)}{version}: {reason}"
            : $"{what} by {review.AttorneyName} on {Date(at)}{version}";
    }
}
