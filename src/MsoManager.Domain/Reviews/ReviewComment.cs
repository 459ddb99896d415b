using MsoManager.Domain.Common;

namespace MsoManager.Domain.Reviews;

/// <summary>
/// A comment on a review: a thread's first comment (on a section, on the version then read) or a reply
/// in it. Plain text up to <see cref="MaxLength"/> characters; an author may edit their own latest
/// comment for <see cref="EditWindow"/> until someone else replies, never delete it.
/// </summary>
public sealed class ReviewComment : IPracticeOwned
{
    public const int MaxLength = 4000;

    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    private ReviewComment()
    {
        AuthorUserId = "";
        AuthorName = "";
        Text = "";
    }

    internal ReviewComment(Review review, ReviewSection section, int version, string text, Guid? threadId, ReviewParticipant author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        WorkspaceId = review.WorkspaceId;
        PracticeId = review.PracticeId;
        ReviewId = review.Id;
        Section = section;
        WrittenOnVersion = version;
        ThreadId = threadId;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorRole = author.Role;
        CreatedAt = now;
        Text = Checked(text);
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid ReviewId { get; private set; }

    public ReviewSection Section { get; private set; }

    /// <summary>The agreement version the comment was written on.</summary>
    public int WrittenOnVersion { get; private set; }

    /// <summary>The thread's first comment, for a reply; null for the first comment itself.</summary>
    public Guid? ThreadId { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public Workspaces.MemberRole AuthorRole { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public string Text { get; private set; }

    /// <summary>Set on a thread's first comment when the thread is resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedByName { get; private set; }

    public bool IsThreadStart => ThreadId is null;

    public bool IsResolved => ResolvedAt is not null;

    /// <summary>The message when <paramref name="text"/> is not a comment (empty, too long, control characters), or null.</summary>
    public static string? ValidateText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Write the comment first: it is empty."
        : text.Length > MaxLength ? $"A comment is at most {MaxLength:N0} characters; this one has {text.Length:N0}."
        : Common.Text.ValidateClean(text, "Comment", multiLine: true);

    internal void Edit(string text, DateTimeOffset now)
    {
        Text = Checked(text);
        EditedAt = now;
    }

    internal void Resolve(ReviewParticipant by, DateTimeOffset now)
    {
        if (IsResolved)
        {
            return;
        }

        ResolvedAt = now;
        ResolvedByName = by.Name;
    }

    internal void Reopen()
    {
        ResolvedAt = null;
        ResolvedByName = null;
    }

    private static string Checked(string text)
    {
        DomainRuleException.ThrowIf("Text", ValidateText(text));
        return text.Trim();
    }
}
