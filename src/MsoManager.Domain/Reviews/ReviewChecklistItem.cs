using MsoManager.Domain.Common;

namespace MsoManager.Domain.Reviews;

/// <summary>The attorney's assessment of one checklist item of a review, with its note.</summary>
public sealed class ReviewChecklistItem : IPracticeOwned
{
    private ReviewChecklistItem()
    {
        Code = "";
    }

    internal ReviewChecklistItem(Review review, string code)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = review.WorkspaceId;
        PracticeId = review.PracticeId;
        ReviewId = review.Id;
        Code = code;
        Assessment = Assessment.Unassessed;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid ReviewId { get; private set; }

    public string Code { get; private set; }

    public Assessment Assessment { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? AssessedAt { get; private set; }

    public string Title => ReviewChecklist.Find(Code)?.Title ?? Code;

    public static string? ValidateNote(string? note) => Text.ValidateFreeText(note, "Note");

    internal void Assess(Assessment assessment, string? note, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf("Note", ValidateNote(note));
        Assessment = assessment;
        Note = Text.OptionalFreeText(note, "Note");
        AssessedAt = assessment == Assessment.Unassessed ? null : now;
    }
}
