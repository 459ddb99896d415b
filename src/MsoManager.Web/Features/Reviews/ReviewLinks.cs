namespace MsoManager.Web.Features.Reviews;

/// <summary>Addresses of the review pages, in one place.</summary>
public static class ReviewLinks
{
    /// <summary>The member's queue: reviews assigned to them (an attorney) or requested by them.</summary>
    public const string Queue = "reviews";

    /// <summary>One review's page (built beside this feature): the checklist, the comments and the decision.</summary>
    public static string Review(Guid reviewId) => $"reviews/{reviewId}";
}
