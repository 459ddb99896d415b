using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Practices;

/// <summary>
/// The statuses an agreement moves through and who may take each step, as data: every path that
/// changes a status (the page's buttons, a PUT, the store's last check) asks this class, so the
/// rule that review steps belong to a review (requested by an editor, decided by its attorney) is
/// written once.
/// </summary>
public static class AgreementWorkflow
{
    /// <summary>The statuses an agreement in <paramref name="from"/> may move to next through the review.</summary>
    public static IReadOnlyList<AgreementStatus> NextStatuses(AgreementStatus from) => from switch
    {
        AgreementStatus.Draft => [AgreementStatus.InReview],
        AgreementStatus.InReview => [AgreementStatus.ChangesRequested, AgreementStatus.Approved],
        AgreementStatus.ChangesRequested => [AgreementStatus.InReview],
        AgreementStatus.Approved => [AgreementStatus.Executed],
        AgreementStatus.Executed => [AgreementStatus.Terminated],
        AgreementStatus.Terminated => [],
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, null),
    };

    /// <summary>
    /// The statuses from which an agreement may be recorded as executed after counsel reviewed it
    /// outside MSO Manager (every status before execution).
    /// </summary>
    public static bool CanRecordOutsideReview(AgreementStatus from) =>
        from is AgreementStatus.Draft or AgreementStatus.InReview or AgreementStatus.ChangesRequested or AgreementStatus.Approved;

    /// <summary>
    /// What a step into <paramref name="to"/> needs: a review decision (approve, request changes)
    /// belongs to a reviewer; submitting, executing and terminating to those who edit practices.
    /// </summary>
    public static Permission PermissionFor(AgreementStatus to) =>
        to is AgreementStatus.Approved or AgreementStatus.ChangesRequested ? Permission.ReviewAgreements : Permission.EditPractices;

    /// <summary>Whether <paramref name="role"/> may take the step into <paramref name="to"/>.</summary>
    public static bool Allows(MemberRole role, AgreementStatus to) => role.Allows(PermissionFor(to));

    /// <summary>
    /// The statuses reached only through a review: InReview when one is requested, Approved and
    /// ChangesRequested by its attorney's decision. No edit (a page's button, a PUT) takes these steps.
    /// </summary>
    public static bool IsReviewStep(AgreementStatus to) =>
        to is AgreementStatus.InReview or AgreementStatus.Approved or AgreementStatus.ChangesRequested;

    /// <summary>An approved agreement whose terms were revised is a draft again: its approval no longer holds.</summary>
    public static bool IsApprovalLapse(AgreementStatus from, AgreementStatus to) => from == AgreementStatus.Approved && to == AgreementStatus.Draft;

    /// <summary>Whether <paramref name="role"/> may move an agreement by an edit (not a review) into <paramref name="to"/>.</summary>
    public static bool EditAllows(MemberRole role, AgreementStatus to) => !IsReviewStep(to) && Allows(role, to);

    /// <summary>
    /// The steps from <paramref name="from"/> to <paramref name="to"/> that <paramref name="role"/>
    /// can take, shortest first: the statuses passed through, ending with <paramref name="to"/>
    /// (empty when they are equal). With <paramref name="outsideReview"/>, recording the agreement as
    /// executed after an outside review is one step too. Review steps (<see cref="IsReviewStep"/>)
    /// are never part of an edit's path. Refuses a path that exists but needs a review or another role
    /// (<see cref="NotPermittedException"/>) and one that does not exist (<see cref="DomainRuleException"/>
    /// on Status).
    /// </summary>
    public static IReadOnlyList<AgreementStatus> Plan(AgreementStatus from, AgreementStatus to, MemberRole role, bool outsideReview)
    {
        if (from == to)
        {
            return [];
        }

        if (ShortestPath(from, to, outsideReview, step => EditAllows(role, step)) is { } permitted)
        {
            return permitted;
        }

        if (ShortestPath(from, to, outsideReview, _ => true) is { } path)
        {
            var refused = path.First(step => !EditAllows(role, step));
            throw new NotPermittedException(IsReviewStep(refused)
                ? $"An agreement that is {Words(from)} becomes {Words(to)} only through a review: {Why(refused)}"
                : $"Your role ({role}) cannot move an agreement from {Words(from)} to {Words(to)}: {Why(refused)}");
        }

        throw new DomainRuleException("Status", $"An agreement that is {Words(from)} cannot become {Words(to)}.");
    }

    /// <summary>Why a step is refused to a role that may not take it, in words a user can act on.</summary>
    public static string Why(AgreementStatus step) => step switch
    {
        AgreementStatus.InReview => "an agreement goes into review when an Owner or Consultant requests a review from an attorney.",
        AgreementStatus.Approved or AgreementStatus.ChangesRequested => "approving it or requesting changes is the assigned attorney's decision on a review.",
        AgreementStatus.Draft or AgreementStatus.Executed or AgreementStatus.Terminated =>
            "only a member who edits practices (an Owner or Consultant) can execute or terminate an agreement.",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>A status in words: "in review", "changes requested".</summary>
    public static string Words(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "a draft",
        AgreementStatus.InReview => "in review",
        AgreementStatus.ChangesRequested => "changes requested",
        AgreementStatus.Approved => "approved",
        AgreementStatus.Executed => "executed",
        AgreementStatus.Terminated => "terminated",
        _ => status.ToString(),
    };

    private static List<AgreementStatus>? ShortestPath(AgreementStatus from, AgreementStatus to, bool outsideReview, Func<AgreementStatus, bool> mayEnter)
    {
        // Breadth first over six statuses: the first path found is a shortest one.
        var previous = new Dictionary<AgreementStatus, AgreementStatus> { [from] = from };
        var queue = new Queue<AgreementStatus>([from]);
        while (queue.TryDequeue(out var status))
        {
            var next = outsideReview && CanRecordOutsideReview(status) ? NextStatuses(status).Append(AgreementStatus.Executed) : NextStatuses(status);
            foreach (var step in next.Where(s => !previous.ContainsKey(s) && mayEnter(s)))
            {
                previous[step] = status;
                if (step == to)
                {
                    var path = new List<AgreementStatus> { to };
                    for (var at = status; at != from; at = previous[at])
                    {
                        path.Insert(0, at);
                    }

                    return path;
                }

                queue.Enqueue(step);
            }
        }

        return null;
    }
}
