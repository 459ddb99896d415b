using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Reviews;

/// <summary>Reviews with valid defaults: a consultant asks an attorney who sees every practice.</summary>
internal static class TestReview
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static readonly ReviewParticipant Attorney = new("attorney-1", "Ada Attorney", MemberRole.Attorney);

    public static readonly ReviewParticipant OtherAttorney = new("attorney-2", "Otto Attorney", MemberRole.Attorney);

    public static readonly ReviewParticipant Requester = new("consultant-1", "Cory Consultant", MemberRole.Consultant);

    public static readonly ReviewParticipant Client = new("client-1", "Cleo Client", MemberRole.Client);

    public static readonly ReviewParticipant Viewer = new("viewer-1", "Vic Viewer", MemberRole.Viewer);

    public static Review RequestReview(this Agreement agreement, ReviewParticipant? requester = null, DateOnly? dueOn = null, string? message = null) =>
        Review.Request(agreement, Attorney, PracticeScope.AllPractices, requester ?? Requester, hasOpenReview: false, dueOn, message, Today, Now);

    /// <summary>Assesses every item as <paramref name="assessment"/> (with a note, so a Concern is complete).</summary>
    public static Review AssessAll(this Review review, Assessment assessment = Assessment.Pass)
    {
        foreach (var code in ReviewChecklist.Codes)
        {
            review.Assess(code, assessment, assessment == Assessment.Concern ? "See the fee schedule." : null, Attorney, Now);
        }

        return review;
    }

    public static Review Approve(this Review review, Agreement agreement)
    {
        review.AssessAll().Decide(agreement, ReviewDecision.Approve, null, Attorney, Now);
        return review;
    }

    public static Review RequestChanges(this Review review, Agreement agreement, string reason = "Reserve clinical staffing to the PC.")
    {
        review.Decide(agreement, ReviewDecision.RequestChanges, reason, Attorney, Now);
        return review;
    }
}
