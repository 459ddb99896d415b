using FluentValidation;
using MsoManager.Domain.Reviews;

namespace MsoManager.Web.Features.Reviews;

/// <summary>Why an open review is withdrawn, as its dialog edits it.</summary>
public sealed class ReviewWithdrawalForm
{
    public string? Reason { get; set; }
}

public sealed class ReviewWithdrawalFormValidator : AbstractValidator<ReviewWithdrawalForm>
{
    public ReviewWithdrawalFormValidator() => RuleFor(f => f.Reason).Satisfies(Review.ValidateWithdrawalReason);
}
