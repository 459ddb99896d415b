using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>Counsel's review outside MSO Manager, for recording an agreement as executed without an in-app review.</summary>
public sealed class OutsideReviewForm
{
    public string Counsel { get; set; } = "";

    public DateTime? ReviewedOn { get; set; }

    public OutsideReview ToOutsideReview(DateOnly today) => OutsideReview.Recorded(Counsel, DateOnly.FromDateTime(ReviewedOn!.Value), today);
}

public sealed class OutsideReviewFormValidator : AbstractValidator<OutsideReviewForm>
{
    public OutsideReviewFormValidator(TimeProvider time)
    {
        RuleFor(f => f.Counsel).RequiredName("Counsel");
        RuleFor(f => f.ReviewedOn).NotNull().WithMessage("Reviewed on is required.").DateInRange("Reviewed on")
            .Satisfies(on => on is null ? null : OutsideReview.ValidateReviewedOn(DateOnly.FromDateTime(on.Value), Dates.TodayUtc(time)));
    }
}
