using FluentValidation;
using MsoManager.Domain.Reviews;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Reviews;

/// <summary>A request for an attorney's review of an agreement, as its dialog edits it.</summary>
public sealed class ReviewRequestForm
{
    /// <summary>The attorney asked, by the email of their account (as the API names them).</summary>
    public string? AttorneyEmail { get; set; }

    public DateTime? DueOn { get; set; }

    public string? Message { get; set; }

    /// <summary>The workspace's today (WorkspaceClock) when the dialog opened: the due date may not be before it.</summary>
    public DateOnly Today { get; init; }

    /// <summary>A new request; with a single attorney to ask, they are already chosen.</summary>
    public static ReviewRequestForm For(IReadOnlyList<AttorneyChoice> attorneys, DateOnly today) =>
        new() { AttorneyEmail = attorneys.Count == 1 ? attorneys[0].Email : null, Today = today };
}

public sealed class ReviewRequestFormValidator : AbstractValidator<ReviewRequestForm>
{
    public ReviewRequestFormValidator()
    {
        RuleFor(f => f.AttorneyEmail).Satisfies(ReviewService.ValidateAttorneyChosen);
        RuleFor(f => f.DueOn).Must((form, on) => Review.ValidateDueOn(on.ToDateOnly(), form.Today) is null)
            .WithMessage((form, on) => Review.ValidateDueOn(on.ToDateOnly(), form.Today));
        RuleFor(f => f.Message).Satisfies(Review.ValidateMessage);
    }
}
