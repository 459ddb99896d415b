using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Reviews;

/// <summary>
/// What the parts of the review page ask the page to do. Each answers after the page has reloaded the
/// review: done, or refused with the message (naming the field when the domain did, so the part shows
/// it there).
/// </summary>
public sealed record ReviewActions(
    Func<string, Assessment, string?, Task<ChangeOutcome>> Assess,
    Func<ReviewSection, string, Guid?, Task<ChangeOutcome>> Comment,
    Func<Guid, string, Task<ChangeOutcome>> EditComment,
    Func<Guid, bool, Task<ChangeOutcome>> Resolve,
    Func<ReviewDecision, string?, Task<ChangeOutcome>> Decide,
    Func<int, Task<ChangeOutcome>> MarkVersionRead)
{
    /// <summary>Actions that do nothing, for a part shown without a page behind it.</summary>
    public static ReviewActions None { get; } = new(
        (_, _, _) => Done, (_, _, _) => Done, (_, _) => Done, (_, _) => Done, (_, _) => Done, _ => Done);

    private static Task<ChangeOutcome> Done => Task.FromResult(ChangeOutcome.Done);
}

/// <summary>
/// A review's comments arranged once per load: threads by section, replies by thread, and the one
/// comment the viewer may still edit (their latest, within the edit window, before anyone replied), so
/// rendering asks nothing of the database or of the review per comment.
/// </summary>
public sealed class ReviewDiscussion
{
    private readonly ILookup<ReviewSection, ReviewComment> _threads;
    private readonly ILookup<Guid, ReviewComment> _replies;
    private readonly Guid? _editable;

    private ReviewDiscussion(ILookup<ReviewSection, ReviewComment> threads, ILookup<Guid, ReviewComment> replies, Guid? editable)
    {
        _threads = threads;
        _replies = replies;
        _editable = editable;
    }

    public static ReviewDiscussion Of(ReviewView view, DateTimeOffset now)
    {
        var comments = view.Review.Comments.OrderBy(c => c.CreatedAt).ToList();
        var latestOwn = view.CanComment ? comments.LastOrDefault(c => c.AuthorUserId == view.ViewerUserId) : null;
        var editable = latestOwn is not null && view.Review.WhyNotEditable(latestOwn, view.ViewerUserId, now) is null ? latestOwn.Id : (Guid?)null;
        return new ReviewDiscussion(
            comments.Where(c => c.IsThreadStart).ToLookup(c => c.Section),
            comments.Where(c => c.ThreadId is not null).ToLookup(c => c.ThreadId!.Value),
            editable);
    }

    /// <summary>The threads on <paramref name="section"/>, oldest first, each as its first comment.</summary>
    public IEnumerable<ReviewComment> ThreadsOn(ReviewSection section) => _threads[section];

    /// <summary>The replies in a thread, oldest first.</summary>
    public IEnumerable<ReviewComment> RepliesTo(Guid threadId) => _replies[threadId];

    public bool CanEdit(ReviewComment comment) => comment.Id == _editable;
}

/// <summary>The version of the agreement a review reads: the current terms, or an earlier version's when the agreement moved on.</summary>
public sealed record ReviewedVersion(int Number, string Title, MsaTerms Terms, DateOnly? AmendmentEffectiveOn)
{
    public static ReviewedVersion Of(ReviewView view)
    {
        var agreement = view.Agreement;
        if (view.Review.VersionRead == agreement.VersionNumber)
        {
            return new(agreement.VersionNumber, agreement.Title, agreement.Terms, agreement.CurrentVersionEffectiveOn);
        }

        var version = agreement.Versions.Single(v => v.Number == view.Review.VersionRead);
        return new(version.Number, version.Title, version.Terms, version.EffectiveOn);
    }

    /// <summary>When the agreement's current version was saved (its predecessor superseded); null for a first version.</summary>
    public static DateTimeOffset? CurrentSavedAt(Agreement agreement) =>
        agreement.Versions.FirstOrDefault(v => v.Number == agreement.VersionNumber - 1)?.SupersededAt;

    /// <summary>The lines of <paramref name="section"/>: the parties (from the agreement, which keeps them only as they are now) and the terms of this version.</summary>
    public IReadOnlyList<AgreementTermRow> RowsOf(ReviewSection section, ReviewView view)
    {
        var agreement = view.Agreement;
        var rows = new List<AgreementTermRow>();
        if (section == ReviewSection.Parties)
        {
            rows.Add(new(section, "Kind of agreement", AgreementLabels.Of(agreement.Type)));
            if (agreement.IsMsa)
            {
                rows.Add(new(section, "Management company", AgreementLabels.PartyName(view.Practice, agreement.ManagementCompanyId)));
                rows.Add(new(section, "Professional entity", AgreementLabels.PartyName(view.Practice, agreement.ProfessionalEntityId)));
            }
        }

        rows.AddRange(AgreementLabels.TermRows(Terms, Title, agreement.IsMsa, AmendmentEffectiveOn).Where(r => r.Section == section));
        if (section == ReviewSection.ClinicalAuthority && agreement.IsMsa)
        {
            rows.Add(new(section, "Essential authority not reserved", Terms.MissingAuthority() is { Count: > 0 } missing
                ? string.Join(", ", missing.Select(AgreementLabels.Of))
                : "None"));
        }

        return rows;
    }
}
