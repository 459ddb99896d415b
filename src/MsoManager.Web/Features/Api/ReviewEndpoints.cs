using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Reviews;
using MsoManager.Web.Features.Workspaces;
using static MsoManager.Web.Features.Api.WorkspaceEndpoints;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// Attorney reviews of agreements (review.md) through <see cref="ReviewService"/>, so the API meets the
/// review page's checks and words: requesting one, reading it with its checklist suggestions, the
/// attorney's assessments and decision, and comments. A review outside the caller's workspaces or scope
/// is 404 on every endpoint; a role that may see it but not do the act gets 403.
/// </summary>
internal static class ReviewEndpoints
{
    /// <summary>A party of the review, by the name the review recorded; email: their account's (null once the account is gone).</summary>
    public sealed record Participant(string Name, string? Email);

    public sealed record SuggestedFinding(string Code, string SubjectKey, Severity Severity, string Message);

    /// <summary>What the findings on the review's date suggest for an item: Concern (with the findings behind it) or Pass.</summary>
    public sealed record Suggestion(Assessment Assessment, IReadOnlyList<SuggestedFinding> Findings);

    /// <summary>One checklist item; suggestion is null for an item without mapped finding codes.</summary>
    public sealed record ChecklistItem(
        string Code, string Title, ReviewSection Section, Assessment Assessment, string? Note, DateTimeOffset? AssessedAt, Suggestion? Suggestion);

    /// <summary>
    /// A comment. threadId is the id of its thread's first comment (its own id for a first comment); version is the
    /// agreement version it was written on; resolvedAt and resolvedBy (a name) are set on a resolved thread's first comment.
    /// </summary>
    public sealed record CommentItem(
        Guid Id, ReviewSection Section, int Version, Guid ThreadId, string Author, MemberRole AuthorRole, DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt, string Text, DateTimeOffset? ResolvedAt, string? ResolvedBy);

    /// <summary>The attorney's decision; decidedBy is their name; version is the agreement version decided on.</summary>
    public sealed record DecisionItem(ReviewDecision Decision, string? Reason, string DecidedBy, DateTimeOffset DecidedAt, int Version);

    /// <summary>Why an open review was withdrawn before its decision, by whom (a name as recorded) and when.</summary>
    public sealed record WithdrawalItem(string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt);

    /// <summary>
    /// A review: version is the agreement version the attorney reads, agreementVersion the agreement's current one
    /// (isBehind when they differ); asOf the date of the findings behind the suggestions.
    /// </summary>
    public sealed record ReviewItem(
        Guid Id, Guid PracticeId, string AgreementKey, string AgreementTitle, int Version, int AgreementVersion, bool IsBehind,
        ReviewStatus Status, Participant Attorney, Participant RequestedBy, DateTimeOffset RequestedAt, DateOnly? DueOn, bool Overdue,
        string? Message, DateOnly AsOf, IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<CommentItem> Comments, DecisionItem? Decision,
        WithdrawalItem? Withdrawal);

    /// <summary>One review in the caller's queue, across their workspaces.</summary>
    public sealed record QueueItem(
        Guid Id, Guid WorkspaceId, string WorkspaceName, Guid PracticeId, string PracticeName, string AgreementKey, string AgreementTitle,
        int Version, int AgreementVersion, Participant Attorney, Participant RequestedBy, DateTimeOffset RequestedAt, DateOnly? DueOn,
        bool Overdue, ReviewStatus Status, ReviewDecision? Decision, DateTimeOffset? DecidedAt);

    /// <summary>Whom to ask (the email of an Attorney member whose scope includes the practice), by when, and a message.</summary>
    public sealed record NewReview(string? AttorneyEmail, DateOnly? DueOn, string? Message);

    /// <summary>An assessment (Unassessed, Pass, Concern or NotApplicable) and its note.</summary>
    public sealed record AssessmentChange(string? Assessment, string? Note);

    /// <summary>A comment on a section (Parties, Term, Services, Fee, Fmv, ClinicalAuthority, Termination, General), or a reply (replyTo: a comment's id; it takes the thread's section).</summary>
    public sealed record NewComment(string? Section, string? Text, Guid? ReplyTo);

    public sealed record CommentChange(string? Text);

    /// <summary>The agreement's current version, which the attorney has read.</summary>
    public sealed record VersionRead(int? Version);

    /// <summary>Approve, or RequestChanges with a reason.</summary>
    public sealed record NewDecision(string? Decision, string? Reason);

    /// <summary>Why the review is withdrawn (required).</summary>
    public sealed record NewWithdrawal(string? Reason);

    public static void MapReviewEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/practices/{id:guid}/agreements/{key}/reviews", RequestAsync)
            .WithTags("Reviews")
            .WithSummary("Request a review of the agreement's current version from an Attorney member; the agreement goes into review")
            .WithDescription("Owners and Consultants only (403 otherwise). 400 naming attorneyEmail when no Attorney member with the practice in scope has it; 409 when the agreement already has an open review or cannot go into review (executed, terminated, approved).")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("", QueueAsync)
            .WithSummary("The caller's review queue across their workspaces: assigned to them (assignedToMe=true, the default) or requested by them; open ones only unless includeDecided=true")
            .Produces<IReadOnlyList<QueueItem>>()
            .ProducesValidationProblem();

        var review = reviews.MapGroup("/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound);
        review.MapGet("", GetAsync)
            .WithSummary("The review: its checklist with the suggestions of the findings on asOf (default today in UTC), comments and decision")
            .WithDescription("attorney and requestedBy are { name, email }; a comment's author and a decision's decidedBy are names as recorded. A checklist item's suggestion is null for an item without mapped finding codes.")
            .Produces<ReviewItem>()
            .ProducesValidationProblem();
        review.MapPut("/checklist/{code}", AssessAsync)
            .WithSummary("The assigned attorney's assessment of one checklist item, with its note")
            .Produces<ChecklistItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/comments", CommentAsync)
            .WithSummary("Comment on a section, or reply to a comment (Owners, Consultants, Attorneys and Clients; 403 for Viewers)")
            .Produces<Created>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        review.MapPut("/comments/{commentId:guid}", EditCommentAsync)
            .WithSummary($"Edit your own latest comment, within {ReviewComment.EditWindow.TotalMinutes:0} minutes and before anyone else replies (400 naming comment otherwise)")
            .Produces<CommentItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        review.MapPost("/comments/{commentId:guid}/resolve", ResolveAsync)
            .WithSummary("Mark the comment's thread resolved; answers the thread's first comment")
            .Produces<CommentItem>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        review.MapPost("/comments/{commentId:guid}/reopen", ReopenAsync)
            .WithSummary("Open the comment's thread again; answers the thread's first comment")
            .Produces<CommentItem>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        review.MapPost("/version", MarkVersionReadAsync)
            .WithSummary("The assigned attorney has read the agreement's current version (changed while in review): the review reads it from now on")
            .Produces<ReviewItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/decision", DecideAsync)
            .WithSummary("The assigned attorney's decision on the version read: Approve, or RequestChanges with a reason")
            .WithDescription("400 naming checklist while an item is unassessed or a Concern has no note (approving), reason when requesting changes without one. 409 when the agreement changed since the version read, or the review was already decided (the problem says by whom).")
            .Produces<ReviewItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/withdraw", WithdrawAsync)
            .WithSummary("Withdraw an open review before its decision, with a reason (Owners and Consultants): the agreement returns to Draft and can be sent for review again")
            .WithDescription("400 naming reason without one; 403 for other roles, the assigned attorney included; 409 when the review was already decided or withdrawn (the problem says by whom).")
            .Produces<ReviewItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult ReviewNotFound => ApiProblems.NotFound("That review");

    private static async Task<IResult> RequestAsync(
        Guid id, string key, NewReview body, ApiCaller caller, PracticeStore store, ReviewService reviews, CancellationToken cancellationToken)
    {
        if (!await caller.EnterPracticeWorkspaceAsync(id, cancellationToken) || await store.LoadAsync(id, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound("That practice");
        }

        if (snapshot.Practice.Agreements.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)) is not { } agreement)
        {
            return ApiProblems.NotFound("That agreement");
        }

        try
        {
            var reviewId = await reviews.RequestAsync(id, agreement.Id, body.AttorneyEmail, body.DueOn, body.Message, cancellationToken);
            return TypedResults.Created($"/api/v1/reviews/{reviewId}", new Created(reviewId));
        }
        catch (DomainRuleException e) when (e.Field == "Status")
        {
            // The agreement's state refuses a review (executed, terminated, approved): nothing in the request to correct.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
    }

    private static async Task<IResult> QueueAsync(
        ReviewService reviews, TenantDbContextFactory contexts, CancellationToken cancellationToken, bool? assignedToMe = null, bool? includeDecided = null)
    {
        var queue = await reviews.QueueAsync(assignedToMe ?? true, includeDecided ?? false, cancellationToken);
        var parties = await PartiesAsync(contexts, [.. queue.Select(q => q.ReviewId)], cancellationToken);
        return TypedResults.Ok(queue.Select(q => new QueueItem(
            q.ReviewId, q.WorkspaceId, q.WorkspaceName, q.PracticeId, q.PracticeName, q.AgreementKey, q.AgreementTitle, q.VersionRead, q.AgreementVersion,
            parties[q.ReviewId].Attorney, parties[q.ReviewId].RequestedBy, q.RequestedAt, q.DueOn, q.IsOverdue, q.Status, q.Decision, q.DecidedAt)).ToList());
    }

    private static async Task<IResult> GetAsync(
        Guid id, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken, string? asOf = null)
    {
        var (date, problem) = PracticeEndpoints.ParseAsOf(asOf);
        return problem ?? await ReadAsync(id, caller, reviews, contexts, clock, cancellationToken, date);
    }

    private static Task<IResult> AssessAsync(
        Guid id, string code, AssessmentChange body, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock,
        CancellationToken cancellationToken) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            if (EnumNames<Assessment>.Validate(body.Assessment, "Assessment") is { } invalid)
            {
                return ApiProblems.Invalid("assessment", invalid);
            }

            await reviews.AssessAsync(id, code, Enum.Parse<Assessment>(body.Assessment!), body.Note, cancellationToken);
            var review = await ViewAsync(id, reviews, contexts, clock, cancellationToken);
            return review is null ? ReviewNotFound : TypedResults.Ok(review.Checklist.Single(i => i.Code == code));
        });

    private static Task<IResult> CommentAsync(Guid id, NewComment body, ApiCaller caller, ReviewService reviews, CancellationToken cancellationToken) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            var errors = new Dictionary<string, string[]>();
            if (EnumNames<ReviewSection>.Validate(body.Section, "Section", required: body.ReplyTo is null) is { } section)
            {
                errors["section"] = [section];
            }

            if (ReviewComment.ValidateText(body.Text) is { } text)
            {
                errors["text"] = [text];
            }

            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }

            var commentId = await reviews.CommentAsync(
                id, body.Section is null ? ReviewSection.General : Enum.Parse<ReviewSection>(body.Section), body.Text!, body.ReplyTo, cancellationToken);
            return TypedResults.Created($"/api/v1/reviews/{id}", new Created(commentId));
        });

    private static Task<IResult> EditCommentAsync(
        Guid id, Guid commentId, CommentChange body, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock,
        CancellationToken cancellationToken) =>
        WriteCommentAsync(id, commentId, caller, contexts, cancellationToken, async () =>
        {
            if (ReviewComment.ValidateText(body.Text) is { } text)
            {
                return ApiProblems.Invalid("text", text);
            }

            await reviews.EditCommentAsync(id, commentId, body.Text!, cancellationToken);
            return await CommentResultAsync(id, commentId, threadStart: false, reviews, contexts, clock, cancellationToken);
        });

    private static Task<IResult> ResolveAsync(
        Guid id, Guid commentId, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken) =>
        WriteCommentAsync(id, commentId, caller, contexts, cancellationToken, async () =>
        {
            await reviews.ResolveAsync(id, commentId, resolved: true, cancellationToken);
            return await CommentResultAsync(id, commentId, threadStart: true, reviews, contexts, clock, cancellationToken);
        });

    private static Task<IResult> ReopenAsync(
        Guid id, Guid commentId, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken) =>
        WriteCommentAsync(id, commentId, caller, contexts, cancellationToken, async () =>
        {
            await reviews.ResolveAsync(id, commentId, resolved: false, cancellationToken);
            return await CommentResultAsync(id, commentId, threadStart: true, reviews, contexts, clock, cancellationToken);
        });

    private static Task<IResult> MarkVersionReadAsync(
        Guid id, VersionRead body, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            if (body.Version is not { } version)
            {
                return ApiProblems.Invalid("version", "version is required: the agreement's current version, which you have read.");
            }

            await reviews.MarkVersionReadAsync(id, version, cancellationToken);
            return Ok(await ViewAsync(id, reviews, contexts, clock, cancellationToken));
        });

    private static Task<IResult> DecideAsync(
        Guid id, NewDecision body, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            if (EnumNames<ReviewDecision>.Validate(body.Decision, "Decision") is { } invalid)
            {
                return ApiProblems.Invalid("decision", invalid);
            }

            await reviews.DecideAsync(id, Enum.Parse<ReviewDecision>(body.Decision!), body.Reason, cancellationToken);
            return Ok(await ViewAsync(id, reviews, contexts, clock, cancellationToken));
        });

    private static Task<IResult> WithdrawAsync(
        Guid id, NewWithdrawal body, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            await reviews.WithdrawAsync(id, body.Reason, cancellationToken);
            return Ok(await ViewAsync(id, reviews, contexts, clock, cancellationToken));
        });

    /// <summary>Enters the review's workspace (404 when it is not the caller's to see), then does the write.</summary>
    private static async Task<IResult> WriteAsync(Guid id, ApiCaller caller, CancellationToken cancellationToken, Func<Task<IResult>> write) =>
        await caller.EnterReviewWorkspaceAsync(id, cancellationToken) ? await write() : ReviewNotFound;

    /// <summary>As <see cref="WriteAsync"/>, for a write on one comment of the review: 404 when it has no such comment.</summary>
    private static Task<IResult> WriteCommentAsync(
        Guid id, Guid commentId, ApiCaller caller, TenantDbContextFactory contexts, CancellationToken cancellationToken, Func<Task<IResult>> write) =>
        WriteAsync(id, caller, cancellationToken, async () =>
        {
            await using (var db = contexts.CreateDbContext())
            {
                if (!await db.ReviewComments.AnyAsync(c => c.Id == commentId && c.ReviewId == id, cancellationToken))
                {
                    return ApiProblems.NotFound("That comment");
                }
            }

            return await write();
        });

    /// <summary>The comment as it is now, or the first comment of its thread (which carries the thread's resolution).</summary>
    private static async Task<IResult> CommentResultAsync(
        Guid id, Guid commentId, bool threadStart, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken)
    {
        if (await ViewAsync(id, reviews, contexts, clock, cancellationToken) is not { } review)
        {
            return ReviewNotFound;
        }

        var comment = review.Comments.Single(c => c.Id == commentId);
        return TypedResults.Ok(threadStart ? review.Comments.Single(c => c.Id == comment.ThreadId) : comment);
    }

    private static IResult Ok(ReviewItem? review) => review is null ? ReviewNotFound : TypedResults.Ok(review);

    private static async Task<IResult> ReadAsync(
        Guid id, ApiCaller caller, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken, DateOnly? asOf) =>
        await caller.EnterReviewWorkspaceAsync(id, cancellationToken) ? Ok(await ViewAsync(id, reviews, contexts, clock, cancellationToken, asOf)) : ReviewNotFound;

    private static async Task<ReviewItem?> ViewAsync(
        Guid id, ReviewService reviews, TenantDbContextFactory contexts, WorkspaceClock clock, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        if (await reviews.GetAsync(id, asOf, cancellationToken) is not { } view)
        {
            return null;
        }

        var review = view.Review;
        var parties = (await PartiesAsync(contexts, [review.Id], cancellationToken))[review.Id];
        return new ReviewItem(
            review.Id, review.PracticeId, view.Agreement.Key, view.Agreement.Title, review.VersionRead, view.Agreement.VersionNumber, view.IsBehind,
            review.Status, parties.Attorney, parties.RequestedBy, review.RequestedAt, review.DueOn, review.IsOverdue(clock.Today), review.Message,
            view.AsOf,
            [.. review.Checklist.Select(i => Item(i, view.SuggestionFor(i.Code)))],
            [.. review.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(Comment)],
            review is { Decision: { } decision, DecidedAt: { } decidedAt, DecidedVersion: { } version }
                ? new DecisionItem(decision, review.DecisionReason, review.AttorneyName, decidedAt, version)
                : null,
            review is { Status: ReviewStatus.Withdrawn, DecidedAt: { } withdrawnAt }
                ? new WithdrawalItem(review.DecisionReason ?? "", review.WithdrawnByName ?? "", withdrawnAt)
                : null);
    }

    private static ChecklistItem Item(ReviewChecklistItem item, ChecklistSuggestion suggestion) =>
        new(item.Code, item.Title, ReviewChecklist.Find(item.Code)?.Section ?? ReviewSection.General, item.Assessment, item.Note, item.AssessedAt,
            suggestion.Assessment is { } assessment
                ? new Suggestion(assessment, [.. suggestion.Findings.Select(f => new SuggestedFinding(f.Code, f.SubjectKey, f.Severity, f.Message))])
                : null);

    private static CommentItem Comment(ReviewComment c) =>
        new(c.Id, c.Section, c.WrittenOnVersion, c.ThreadId ?? c.Id, c.AuthorName, c.AuthorRole, c.CreatedAt, c.EditedAt, c.Text, c.ResolvedAt, c.ResolvedByName);

    /// <summary>The attorney and requester of each review, by the names the reviews recorded and their accounts' emails.</summary>
    private static async Task<Dictionary<Guid, (Participant Attorney, Participant RequestedBy)>> PartiesAsync(
        TenantDbContextFactory contexts, IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateWithoutWorkspace();

        // Across workspaces (a queue spans them): the ids come from reviews the caller may already see.
        var rows = await db.Reviews.IgnoreQueryFilters([AppDbContext.WorkspaceFilter]).AsNoTracking()
            .Where(r => reviewIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.AttorneyName,
                AttorneyEmail = db.Users.Where(u => u.Id == r.AttorneyUserId).Select(u => u.Email).FirstOrDefault(),
                r.RequestedByName,
                RequestedByEmail = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (new Participant(r.AttorneyName, r.AttorneyEmail), new Participant(r.RequestedByName, r.RequestedByEmail)));
    }
}
