using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Reviews;

/// <summary>An Attorney member who may be asked to review a practice's agreement.</summary>
public sealed record AttorneyChoice(string UserId, string Name, string Email);

/// <summary>One review in a queue: the attorney's (assigned to them) or a requester's (asked by them), across workspaces.</summary>
public sealed record ReviewQueueItem(
    Guid ReviewId, Guid WorkspaceId, string WorkspaceName, Guid PracticeId, string PracticeName, string AgreementKey, string AgreementTitle,
    int VersionRead, int AgreementVersion, string AttorneyName, string RequestedByName, DateTimeOffset RequestedAt, DateOnly? DueOn,
    ReviewStatus Status, ReviewDecision? Decision, DateTimeOffset? DecidedAt, bool IsOverdue);

/// <summary>What an agreement's row shows of its reviews: the open one, and the last decision with its reason.</summary>
public sealed record AgreementReviewState(Review? Open, Review? LastDecided);

/// <summary>
/// One review as its page and the API show it: the review with its checklist and comments, the
/// agreement as it is now (with its earlier versions), the practice's findings on the review's date
/// and the checklist suggestions they make, and what the viewer may do.
/// </summary>
public sealed record ReviewView(
    Review Review, Practice Practice, Agreement Agreement, DateOnly AsOf, IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, ChecklistSuggestion> Suggestions, IReadOnlyList<Review> EarlierReviews,
    WorkspaceMembership Membership, string ViewerUserId)
{
    public bool IsAssignedAttorney => Review.AttorneyUserId == ViewerUserId && Membership.Can(Permission.ReviewAgreements);

    public bool CanComment => Membership.Can(Permission.Comment);

    /// <summary>Whether the agreement changed since the version the attorney reads.</summary>
    public bool IsBehind => Agreement.VersionNumber != Review.VersionRead;

    /// <summary>The version this attorney last decided on for this agreement before this review, for "what changed since".</summary>
    public int? LastReviewedVersion => EarlierReviews
        .Where(r => r.AttorneyUserId == Review.AttorneyUserId && r.DecidedVersion is not null)
        .OrderByDescending(r => r.DecidedAt).FirstOrDefault()?.DecidedVersion;

    public ChecklistSuggestion SuggestionFor(string code) => Suggestions.TryGetValue(code, out var s) ? s : ChecklistSuggestion.None;
}
