using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Reviews;

/// <summary>
/// An attorney's review of one version of an agreement (review.md): who asked whom, which version was
/// read, the checklist, the comments and the decision. A record of its own beside the practice, with
/// its own concurrency token, so a comment never conflicts with a stake edit. What the attorney
/// decided is written once: a decided review takes no further assessment or decision.
/// </summary>
public sealed class Review : IPracticeOwned
{
    public const int MessageMaxLength = Text.FreeTextMaxLength;
    public const int ReasonMaxLength = Text.FreeTextMaxLength;

    private readonly List<ReviewChecklistItem> _checklist = [];
    private readonly List<ReviewComment> _comments = [];

    private Review()
    {
        AttorneyUserId = "";
        AttorneyName = "";
        RequestedByUserId = "";
        RequestedByName = "";
    }

    private Review(Agreement agreement, ReviewParticipant attorney, ReviewParticipant requester, DateOnly? dueOn, string? message, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        WorkspaceId = agreement.WorkspaceId;
        PracticeId = agreement.PracticeId;
        AgreementId = agreement.Id;
        VersionRead = agreement.VersionNumber;
        RequestedVersion = agreement.VersionNumber;
        AttorneyUserId = attorney.UserId;
        AttorneyName = attorney.Name;
        RequestedByUserId = requester.UserId;
        RequestedByName = requester.Name;
        RequestedAt = now;
        DueOn = dueOn;
        Message = message;
        Status = ReviewStatus.Open;
        _checklist.AddRange(ReviewChecklist.Entries.Select(e => new ReviewChecklistItem(this, e.Code)));
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid AgreementId { get; private set; }

    /// <summary>The version of the agreement the attorney reads (moves on only when they have looked at a later one).</summary>
    public int VersionRead { get; private set; }

    /// <summary>The version the review was requested on.</summary>
    public int RequestedVersion { get; private set; }

    public string AttorneyUserId { get; private set; }

    public string AttorneyName { get; private set; }

    public string RequestedByUserId { get; private set; }

    public string RequestedByName { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public string? Message { get; private set; }

    public ReviewStatus Status { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    /// <summary>The attorney's reason: required when requesting changes, optional with an approval.</summary>
    public string? DecisionReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The version the decision was made on.</summary>
    public int? DecidedVersion { get; private set; }

    /// <summary>Who withdrew the review, when it was withdrawn (its reason is <see cref="DecisionReason"/>, its time <see cref="DecidedAt"/>).</summary>
    public string? WithdrawnByName { get; private set; }

    public IReadOnlyList<ReviewChecklistItem> Checklist => [.. _checklist.OrderBy(i => ReviewChecklist.Order(i.Code))];

    public IReadOnlyCollection<ReviewComment> Comments => _comments.AsReadOnly();

    public bool IsOpen => Status == ReviewStatus.Open;

    /// <summary>Whether the due date has passed on <paramref name="today"/> while the review is still open.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn is { } due && due < today;

    /// <summary>
    /// The message when a member in <paramref name="role"/> with <paramref name="scope"/> cannot be asked to review a practice: they must be
    /// an Attorney member whose scope includes it.
    /// </summary>
    public static string? ValidateAttorney(MemberRole role, PracticeScope scope, Guid practiceId) =>
        role != MemberRole.Attorney ? "Choose an Attorney member of this workspace: only attorneys review agreements."
        : !scope.Includes(practiceId) ? "This attorney's scope does not include this practice; an Owner can add it on the members page."
        : null;

    /// <summary>The message when a due date is before <paramref name="today"/>, or null.</summary>
    public static string? ValidateDueOn(DateOnly? dueOn, DateOnly today) =>
        Dates.ValidateInRange(dueOn, "Due date") ?? (dueOn < today ? "The due date cannot be in the past." : null);

    public static string? ValidateMessage(string? message) => Text.ValidateFreeText(message, "Message");

    public static string? ValidateReason(ReviewDecision decision, string? reason) =>
        decision == ReviewDecision.RequestChanges && string.IsNullOrWhiteSpace(reason)
            ? "Say what needs to change: a reason is required when requesting changes."
            : Text.ValidateFreeText(reason, "Reason");

    /// <summary>The message when a withdrawal gives no reason (the attorney and the history show it), or one too long.</summary>
    public static string? ValidateWithdrawalReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? "Say why the review is withdrawn: the attorney and the history will show it."
            : Text.ValidateFreeText(reason, "Reason");

    /// <summary>
    /// A review of <paramref name="agreement"/>'s current version, asked by <paramref name="requester"/>
    /// (who must edit practices) of <paramref name="attorney"/>; the agreement moves to InReview. One
    /// review is open per agreement at a time (<paramref name="hasOpenReview"/>).
    /// </summary>
    public static Review Request(
        Agreement agreement, ReviewParticipant attorney, PracticeScope attorneyScope, ReviewParticipant requester,
        bool hasOpenReview, DateOnly? dueOn, string? message, DateOnly today, DateTimeOffset now)
    {
        if (!requester.Role.Allows(Permission.EditPractices))
        {
            throw new NotPermittedException($"{agreement.Title}: only a member who edits practices (an Owner or Consultant) can request a review.");
        }

        DomainRuleException.ThrowIf("AttorneyEmail", ValidateAttorney(attorney.Role, attorneyScope, agreement.PracticeId));
        DomainRuleException.ThrowIf("DueOn", ValidateDueOn(dueOn, today));
        DomainRuleException.ThrowIf("Message", ValidateMessage(message));
        if (hasOpenReview)
        {
            throw new ConflictException($"{agreement.Title} already has an open review; it must be decided before another is requested.");
        }

        agreement.StartReview(requester.Role);
        return new Review(agreement, attorney, requester, dueOn, Text.OptionalFreeText(message, "Message"), now);
    }

    public ReviewChecklistItem Item(string code) =>
        _checklist.FirstOrDefault(i => i.Code == code)
        ?? throw new DomainRuleException("Code", $"There is no checklist item '{code}'. The items are: {string.Join(", ", ReviewChecklist.Codes)}.");

    /// <summary>The assigned attorney's assessment of one checklist item.</summary>
    public void Assess(string code, Assessment assessment, string? note, ReviewParticipant by, DateTimeOffset now)
    {
        EnsureAssignedAttorney(by, "assess the checklist");
        EnsureOpen();
        Item(code).Assess(assessment, note, now);
    }

    /// <summary>The items that block an approval: not assessed, or a Concern without a note.</summary>
    public IReadOnlyList<ReviewChecklistItem> Unassessed => [.. Checklist.Where(i => i.Assessment == Assessment.Unassessed)];

    public IReadOnlyList<ReviewChecklistItem> ConcernsWithoutNote => [.. Checklist.Where(i => i.Assessment == Assessment.Concern && i.Note is null)];

    /// <summary>
    /// The assigned attorney's decision on the version read; moves the agreement to Approved or
    /// ChangesRequested. Refused when the agreement changed since that version (the attorney must look
    /// at the change first, <see cref="MarkVersionRead"/>), when already decided, or, for an approval,
    /// while an item is unassessed or a Concern has no note.
    /// </summary>
    public void Decide(Agreement agreement, ReviewDecision decision, string? reason, ReviewParticipant by, DateTimeOffset now)
    {
        EnsureAssignedAttorney(by, "decide");
        EnsureOpen();
        EnsureReviewOf(agreement);
        DomainRuleException.ThrowIf("Reason", ValidateReason(decision, reason));
        if (agreement.VersionNumber != VersionRead)
        {
            throw new ConflictException(
                $"{agreement.Title} changed since version {VersionRead}, which you reviewed: it is now version {agreement.VersionNumber}. Compare the versions and mark the new one read before deciding.");
        }

        if (decision == ReviewDecision.Approve)
        {
            var blocking = Unassessed.Select(i => i.Code).ToList();
            if (blocking.Count > 0)
            {
                throw new DomainRuleException("Checklist", $"Assess every checklist item before approving; not yet assessed: {string.Join(", ", blocking)}.");
            }

            var silent = ConcernsWithoutNote.Select(i => i.Code).ToList();
            if (silent.Count > 0)
            {
                throw new DomainRuleException("Checklist", $"Add a note to every Concern before approving; without a note: {string.Join(", ", silent)}.");
            }
        }

        agreement.RecordReviewDecision(decision);
        Decision = decision;
        DecisionReason = Text.OptionalFreeText(reason, "Reason");
        DecidedAt = now;
        DecidedVersion = VersionRead;
        Status = decision == ReviewDecision.Approve ? ReviewStatus.Approved : ReviewStatus.ChangesRequested;
    }

    /// <summary>
    /// Withdraws an open review before its decision (an Owner or Consultant: the attorney left, or
    /// the wrong one was asked), with a reason; the agreement returns to Draft and a new review can
    /// be requested. What the attorney assessed and wrote stays on the withdrawn review.
    /// </summary>
    public void Withdraw(Agreement agreement, string? reason, ReviewParticipant by, DateTimeOffset now)
    {
        if (!by.Role.Allows(Permission.EditPractices))
        {
            throw new NotPermittedException("Only a member who edits practices (an Owner or Consultant) can withdraw a review request.");
        }

        EnsureOpen();
        EnsureReviewOf(agreement);
        DomainRuleException.ThrowIf("Reason", ValidateWithdrawalReason(reason));
        agreement.WithdrawFromReview();
        DecisionReason = Text.OptionalFreeText(reason, "Reason");
        DecidedAt = now;
        WithdrawnByName = by.Name;
        Status = ReviewStatus.Withdrawn;
    }

    /// <summary>
    /// The assigned attorney has looked at the agreement's current version (changed while in review):
    /// the review now reads that version, and the assessments stand until the attorney changes them.
    /// </summary>
    public void MarkVersionRead(Agreement agreement, int version, ReviewParticipant by)
    {
        EnsureAssignedAttorney(by, "move the review to another version");
        EnsureOpen();
        EnsureReviewOf(agreement);
        if (version != agreement.VersionNumber)
        {
            throw new DomainRuleException("Version", $"Version {version} is not the agreement's current version ({agreement.VersionNumber}).");
        }

        VersionRead = version;
    }

    /// <summary>A comment on <paramref name="section"/> (or a reply, which takes its thread's section), on the version now read.</summary>
    public ReviewComment Comment(ReviewSection section, string text, Guid? replyTo, ReviewParticipant by, DateTimeOffset now)
    {
        EnsureMayComment(by);
        var parent = replyTo is { } parentId ? FindComment(parentId, "ReplyTo") : null;
        var root = parent is null ? null : ThreadRoot(parent);
        var comment = new ReviewComment(this, root?.Section ?? section, VersionRead, text, root?.Id, by, now);
        _comments.Add(comment);
        return comment;
    }

    /// <summary>
    /// An author's edit of their own latest comment, within <see cref="ReviewComment.EditWindow"/> and
    /// before anyone else replied in its thread.
    /// </summary>
    public void EditComment(Guid commentId, string text, ReviewParticipant by, DateTimeOffset now)
    {
        EnsureMayComment(by);
        var comment = FindComment(commentId, "Comment");
        DomainRuleException.ThrowIf("Comment", WhyNotEditable(comment, by.UserId, now));
        comment.Edit(text, now);
    }

    /// <summary>Why <paramref name="userId"/> cannot edit the comment now, or null when they can.</summary>
    public string? WhyNotEditable(ReviewComment comment, string userId, DateTimeOffset now)
    {
        if (comment.AuthorUserId != userId)
        {
            return "Only its author can edit a comment.";
        }

        var latestOwn = _comments.Where(c => c.AuthorUserId == userId).MaxBy(c => c.CreatedAt);
        if (latestOwn?.Id != comment.Id)
        {
            return "Only your latest comment can be edited.";
        }

        if (now - comment.CreatedAt > ReviewComment.EditWindow)
        {
            return $"A comment can be edited for {ReviewComment.EditWindow.TotalMinutes:0} minutes after it was written.";
        }

        var threadId = comment.ThreadId ?? comment.Id;
        return _comments.Any(c => c.CreatedAt > comment.CreatedAt && (c.ThreadId ?? c.Id) == threadId && c.AuthorUserId != userId)
            ? "Someone has replied since; write a new comment instead."
            : null;
    }

    /// <summary>Marks a thread resolved, or opens it again.</summary>
    public void Resolve(Guid threadId, bool resolved, ReviewParticipant by, DateTimeOffset now)
    {
        EnsureMayComment(by);
        var root = ThreadRoot(FindComment(threadId, "Thread"));
        if (resolved)
        {
            root.Resolve(by, now);
        }
        else
        {
            root.Reopen();
        }
    }

    private ReviewComment FindComment(Guid id, string field) =>
        _comments.FirstOrDefault(c => c.Id == id) ?? throw new DomainRuleException(field, "There is no such comment on this review.");

    private ReviewComment ThreadRoot(ReviewComment comment) =>
        comment.ThreadId is { } rootId ? _comments.First(c => c.Id == rootId) : comment;

    private static void EnsureMayComment(ReviewParticipant by)
    {
        if (!by.Role.Allows(Permission.Comment))
        {
            throw new NotPermittedException("Your role can read this review but not comment on it.");
        }
    }

    private void EnsureAssignedAttorney(ReviewParticipant by, string what)
    {
        if (by.UserId != AttorneyUserId || !by.Role.Allows(Permission.ReviewAgreements))
        {
            throw new NotPermittedException($"Only the assigned attorney ({AttorneyName}) can {what} on this review.");
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            var (what, who) = Status switch
            {
                ReviewStatus.Approved => ("approved", AttorneyName),
                ReviewStatus.ChangesRequested => ("sent back with changes requested", AttorneyName),
                ReviewStatus.Withdrawn or ReviewStatus.Open => ("withdrawn", WithdrawnByName ?? "its requester"),
                _ => throw new InvalidOperationException($"Unknown review status {Status}."),
            };
            throw new ConflictException($"This review was already {what} by {who} on {DecidedAt:yyyy-MM-dd HH:mm} UTC; a closed review does not change.");
        }
    }

    private void EnsureReviewOf(Agreement agreement)
    {
        if (agreement.Id != AgreementId)
        {
            throw new InvalidOperationException("The review is of another agreement.");
        }
    }
}
