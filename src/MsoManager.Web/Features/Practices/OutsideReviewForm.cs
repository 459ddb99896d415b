using FluentValidation;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>Counsel's review outside MSO Manager, for recording an agreement as executed without an in-app review.</summary>
public sealed class OutsideReviewForm
{
    public string Counsel { get; set; } = "";

    public DateTime? ReviewedOn { get; set; }

    /// <summary>The workspace's today (WorkspaceClock) when the dialog opened: the review may not be after it.</summary>
    public DateOnly Today { get; init; }

    public OutsideReview ToOutsideReview(DateOnly today) => OutsideReview.Recorded(Counsel, DateOnly.FromDateTime(ReviewedOn!.Value), today);
}

public sealed class OutsideReviewFormValidator : AbstractValidator<OutsideReviewForm>
{
    public OutsideReviewFormValidator()
    {
        RuleFor(f => f.Counsel).RequiredName("Counsel");
        RuleFor(f => f.ReviewedOn).NotNull().WithMessage("Reviewed on is required.").DateInRange("Reviewed on")
            .Must((form, on) => on is null || OutsideReview.ValidateReviewedOn(DateOnly.FromDateTime(on.Value), form.Today) is null)
            .WithMessage((form, on) => OutsideReview.ValidateReviewedOn(DateOnly.FromDateTime(on!.Value), form.Today));
    }
}
