namespace MsoManager.Web.Features.Reviews;

/// <summary>Addresses of the review pages, in one place.</summary>
public static class ReviewLinks
{
    /// <summary>The member's queue: reviews assigned to them (an attorney) or requested by them.</summary>
    public const string Queue = "reviews";

    /// <summary>One review's page (built beside this feature): the checklist, the comments and the decision.</summary>
    public static string Review(Guid reviewId) => $"reviews/{reviewId}";

    /// <summary>The agreement's versions <paramref name="from"/> and <paramref name="to"/> side by side.</summary>
    public static string Compare(Guid practiceId, string agreementKey, int from, int to) =>
        $"practices/{practiceId}/agreements/{Uri.EscapeDataString(agreementKey)}/compare?from={from}&to={to}";
}
