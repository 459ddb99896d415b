using FluentValidation;
using MsoManager.Domain.Common;
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

    /// <summary>A new request; with a single attorney to ask, they are already chosen.</summary>
    public static ReviewRequestForm For(IReadOnlyList<AttorneyChoice> attorneys) =>
        new() { AttorneyEmail = attorneys.Count == 1 ? attorneys[0].Email : null };
}

public sealed class ReviewRequestFormValidator : AbstractValidator<ReviewRequestForm>
{
    public ReviewRequestFormValidator(TimeProvider time)
    {
        RuleFor(f => f.AttorneyEmail).Satisfies(ReviewService.ValidateAttorneyChosen);
        RuleFor(f => f.DueOn).Satisfies(on => Review.ValidateDueOn(on.ToDateOnly(), Dates.TodayUtc(time)));
        RuleFor(f => f.Message).Satisfies(Review.ValidateMessage);
    }
}
