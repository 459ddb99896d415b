using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Reviews;

/// <summary>
/// Attorney reviews of agreements (review.md), for the pages and the API alike: requests, the queues,
/// the checklist, comments and decisions. Each write runs under the workspace's write lock and reads
/// the review as it is inside it, so of two simultaneous decisions exactly one wins and the other is
/// told who decided. Reviews are records of their own: none of these writes takes the practice's
/// concurrency token, so a comment never conflicts with someone's stake edit. A request or decision
/// moves the agreement's status and rewrites the practice's stored risk in the same save; it moves the
/// practice's version too (<see cref="TouchPractice"/>), as the practice's document changed.
/// </summary>
public sealed class ReviewService(WorkspaceSession session, TenantDbContextFactory contexts, IStateRuleSource stateRules, WorkspaceClock clock, TimeProvider time)
{
    /// <summary>The Attorney members whose scope includes the practice: whom a review can be requested from.</summary>
    public async Task<IReadOnlyList<AttorneyChoice>> AttorneysForAsync(Guid practiceId, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var attorneys = await (from m in db.Members.AsNoTracking()
                               join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                               where m.Role == MemberRole.Attorney && u.DeactivatedAt == null
                               orderby u.DisplayName
                               select new { Member = m, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. attorneys.Where(a => a.Member.Scope.Includes(practiceId)).Select(a => new AttorneyChoice(a.Member.UserId, a.DisplayName, a.Email ?? ""))];
    }

    /// <summary>Asks the attorney with <paramref name="attorneyEmail"/> to review the agreement's current version; returns the review's id.</summary>
    public async Task<Guid> RequestAsync(
        Guid practiceId, Guid agreementId, string? attorneyEmail, DateOnly? dueOn, string? message, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.EditPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken);
        var practice = await LoadPracticeAsync(db, membership, practiceId, cancellationToken);
        var agreement = practice.FindAgreement(agreementId);
        var email = attorneyEmail?.Trim() ?? "";
        DomainRuleException.ThrowIf("AttorneyEmail", ValidateAttorneyChosen(email));
        var attorney = await (from m in db.Members
                              join u in db.Users on m.UserId equals u.Id
                              where u.NormalizedEmail == email.ToUpperInvariant()
                              select new { Member = m, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("AttorneyEmail", $"No member of this workspace has the email {email}.");
        var hasOpen = await db.Reviews.AnyAsync(r => r.AgreementId == agreementId && r.Status == ReviewStatus.Open, cancellationToken);
        var review = Review.Request(
            agreement, new ReviewParticipant(attorney.Member.UserId, attorney.DisplayName, attorney.Member.Role), attorney.Member.Scope,
            Me(membership), hasOpen, dueOn, message, Today, time.GetUtcNow());
        db.Reviews.Add(review);
        TouchPractice(db, practice);
        await SaveWithRiskAsync(db, practice, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return review.Id;
    }

    /// <summary>The message when no attorney is named for a request, or null.</summary>
    public static string? ValidateAttorneyChosen(string? attorneyEmail) => string.IsNullOrWhiteSpace(attorneyEmail) ? "Choose the attorney to ask." : null;

    /// <summary>The review with everything its page shows, or null when it is not the member's to see.</summary>
    public async Task<ReviewView?> GetAsync(Guid reviewId, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var snapshot = await db.BeginSnapshotReadAsync(cancellationToken);
        var review = await db.Reviews.AsNoTracking().Include(r => r.Checklist).Include(r => r.Comments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || !membership.Scope.Includes(review.PracticeId))
        {
            return null;
        }

        var practice = await db.Practices.Where(p => p.Id == review.PracticeId).WithStructure().AsNoTracking().SingleAsync(cancellationToken);
        var agreement = practice.FindAgreement(review.AgreementId);
        await db.Entry(agreement).Collection(a => a.Versions).LoadAsync(cancellationToken);
        var earlier = await db.Reviews.AsNoTracking()
            .Where(r => r.AgreementId == review.AgreementId && r.Id != review.Id && r.RequestedAt < review.RequestedAt)
            .OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        var date = asOf ?? Today;
        // The version read, as it would stand once approved: what the attorney is asked to sign off.
        var findings = AgreementComparison.FindingsOf(practice, agreement, review.VersionRead, date, await stateRules.GetBookAsync(membership.WorkspaceId, cancellationToken));
        return new ReviewView(review, practice, agreement, date, findings, ReviewChecklist.Suggest(practice, agreement, findings), earlier, membership, session.UserId!);
    }

    /// <summary>Every review of the practice's agreements, by agreement: its open review and its last decided one.</summary>
    public async Task<IReadOnlyDictionary<Guid, AgreementReviewState>> StatesForPracticeAsync(Guid practiceId, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        if (!membership.Scope.Includes(practiceId))
        {
            return new Dictionary<Guid, AgreementReviewState>();
        }

        await using var db = contexts.CreateDbContext();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PracticeId == practiceId).ToListAsync(cancellationToken);
        return reviews.GroupBy(r => r.AgreementId).ToDictionary(
            g => g.Key,
            g => new AgreementReviewState(g.FirstOrDefault(r => r.IsOpen), g.Where(r => !r.IsOpen).MaxBy(r => r.DecidedAt)));
    }

    /// <summary>
    /// The caller's queue across every workspace they belong to: reviews assigned to them
    /// (<paramref name="assignedToMe"/>), or those they requested; open ones first, by due date.
    /// </summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(bool assignedToMe, bool includeDecided = false, CancellationToken cancellationToken = default)
    {
        await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        var userId = session.UserId!;
        var items = new List<ReviewQueueItem>();
        foreach (var membership in session.Memberships.Where(m => m.Can(Permission.ViewPractices)))
        {
            var today = clock.TodayIn(membership); // Overdue by each review's own workspace's date.
            await using var db = contexts.CreateForWorkspace(membership.WorkspaceId);
            var query = db.Reviews.AsNoTracking().Where(r => assignedToMe ? r.AttorneyUserId == userId : r.RequestedByUserId == userId);
            if (!includeDecided)
            {
                query = query.Where(r => r.Status == ReviewStatus.Open);
            }

            var rows = await (from r in query
                              join p in db.Practices on r.PracticeId equals p.Id
                              join a in db.Set<Agreement>() on r.AgreementId equals a.Id
                              select new { Review = r, PracticeName = p.Name, a.Key, a.Title, a.VersionNumber })
                .ToListAsync(cancellationToken);
            items.AddRange(rows.Where(x => membership.Scope.Includes(x.Review.PracticeId)).Select(x => new ReviewQueueItem(
                x.Review.Id, membership.WorkspaceId, membership.WorkspaceName, x.Review.PracticeId, x.PracticeName, x.Key, x.Title,
                x.Review.VersionRead, x.VersionNumber, x.Review.AttorneyName, x.Review.RequestedByName, x.Review.RequestedAt, x.Review.DueOn,
                x.Review.Status, x.Review.Decision, x.Review.DecidedAt, x.Review.IsOverdue(today))));
        }

        return [.. items.OrderBy(i => i.Status != ReviewStatus.Open).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.RequestedAt)];
    }

    /// <summary>The assigned attorney's assessment of one item.</summary>
    public Task AssessAsync(Guid reviewId, string code, Assessment assessment, string? note, CancellationToken cancellationToken = default) =>
        WriteAsync(reviewId, Permission.ReviewAgreements, (_, review, me, now) =>
        {
            review.Assess(code, assessment, note, me, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A comment or reply; returns its id.</summary>
    public async Task<Guid> CommentAsync(Guid reviewId, ReviewSection section, string text, Guid? replyTo, CancellationToken cancellationToken = default)
    {
        var id = Guid.Empty;
        await WriteAsync(reviewId, Permission.Comment, (_, review, me, now) =>
        {
            id = review.Comment(section, text, replyTo, me, now).Id;
            return Task.CompletedTask;
        }, cancellationToken);
        return id;
    }

    public Task EditCommentAsync(Guid reviewId, Guid commentId, string text, CancellationToken cancellationToken = default) =>
        WriteAsync(reviewId, Permission.Comment, (_, review, me, now) =>
        {
            review.EditComment(commentId, text, me, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task ResolveAsync(Guid reviewId, Guid threadId, bool resolved, CancellationToken cancellationToken = default) =>
        WriteAsync(reviewId, Permission.Comment, (_, review, me, now) =>
        {
            review.Resolve(threadId, resolved, me, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The assigned attorney's decision on the version read; moves the agreement and rewrites the stored risk.</summary>
    public Task DecideAsync(Guid reviewId, ReviewDecision decision, string? reason, CancellationToken cancellationToken = default) =>
        MoveAgreementAsync(reviewId, Permission.ReviewAgreements, (review, agreement, me, now) => review.Decide(agreement, decision, reason, me, now), cancellationToken);

    /// <summary>An Owner or Consultant withdraws an open review with a reason; the agreement is a draft again.</summary>
    public Task WithdrawAsync(Guid reviewId, string? reason, CancellationToken cancellationToken = default) =>
        MoveAgreementAsync(reviewId, Permission.EditPractices, (review, agreement, me, now) => review.Withdraw(agreement, reason, me, now), cancellationToken);

    /// <summary>
    /// A review step that moves the agreement's status: applied to the practice as stored, whose version
    /// moves with it (<see cref="TouchPractice"/>) and whose stored risk is rewritten in the same save.
    /// </summary>
    private Task MoveAgreementAsync(
        Guid reviewId, Permission permission, Action<Review, Agreement, ReviewParticipant, DateTimeOffset> step, CancellationToken cancellationToken) =>
        WriteAsync(reviewId, permission, async (db, review, me, now) =>
        {
            var practice = await db.Practices.Where(p => p.Id == review.PracticeId).WithStructure().SingleAsync(cancellationToken);
            step(review, practice.FindAgreement(review.AgreementId), me, now);
            TouchPractice(db, practice);
            await RecordRiskAsync(db, practice, cancellationToken);
        }, cancellationToken);

    /// <summary>The assigned attorney has looked at the agreement's current version: the review reads it from now on.</summary>
    public Task MarkVersionReadAsync(Guid reviewId, int version, CancellationToken cancellationToken = default) =>
        WriteAsync(reviewId, Permission.ReviewAgreements, async (db, review, me, _) =>
        {
            var agreement = await db.Set<Agreement>().SingleAsync(a => a.Id == review.AgreementId, cancellationToken);
            review.MarkVersionRead(agreement, version, me);
        }, cancellationToken);

    private DateOnly Today => clock.Today;

    private ReviewParticipant Me(WorkspaceMembership membership) => new(session.UserId!, session.DisplayName, membership.Role);

    /// <summary>
    /// Loads the review (with its checklist and comments) inside a write-locked transaction, so the
    /// change sees every write committed before it, applies <paramref name="change"/> and saves.
    /// A review outside the member's scope is "not found", as if it did not exist.
    /// </summary>
    private async Task WriteAsync(
        Guid reviewId, Permission permission, Func<AppDbContext, Review, ReviewParticipant, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var membership = await session.EnsureAllowedAsync(permission, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken);
        var review = await db.Reviews.Include(r => r.Checklist).Include(r => r.Comments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || !membership.Scope.Includes(review.PracticeId))
        {
            throw new ReviewNotFoundException();
        }

        await change(db, review, Me(membership), time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone changed this review at the same moment; reload it to see their change.");
        }
    }

    /// <summary>
    /// A request or decision moves the agreement's status, which the practice's document (and its ETag) shows:
    /// the practice's version moves with it, so a client saving the document it read before is told that the
    /// practice changed (409) instead of being refused a status step it did not ask for. Loaded under the
    /// write lock, the practice is current, so this never conflicts itself.
    /// </summary>
    private static void TouchPractice(AppDbContext db, Practice practice) => ConcurrencyVersion.Touch(db, practice);

    private static async Task<Practice> LoadPracticeAsync(AppDbContext db, WorkspaceMembership membership, Guid practiceId, CancellationToken cancellationToken) =>
        await db.VisiblePractices(membership).WithStructure().SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken)
        ?? throw new ReviewNotFoundException("This practice does not exist or is not shared with you.");

    private async Task SaveWithRiskAsync(AppDbContext db, Practice practice, CancellationToken cancellationToken)
    {
        await RecordRiskAsync(db, practice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordRiskAsync(AppDbContext db, Practice practice, CancellationToken cancellationToken) =>
        await PracticeRiskRecords.RecordAsync(db, [practice], Today, await stateRules.GetBookAsync(practice.WorkspaceId, cancellationToken), cancellationToken);
}

/// <summary>A review (or its practice) that does not exist or is outside the member's scope: 404, never a hint that it exists.</summary>
public sealed class ReviewNotFoundException(string message = "This review does not exist or is not shared with you.") : Exception(message);
