using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>A professional entity's figures for one month.</summary>
public sealed class FinancialMonthForm
{
    public Guid? EntityId { get; set; }

    /// <summary>Any day in the month; only the year and month are kept.</summary>
    public DateTime? Month { get; set; }

    public decimal? Collections { get; set; }

    public decimal? ClinicalExpenses { get; set; }

    public decimal? ManagementFeePaid { get; set; }

    public static FinancialMonthForm From(FinancialMonth month) => new()
    {
        EntityId = month.EntityId,
        Month = month.Month.FirstDay.ToDateTime(TimeOnly.MinValue),
        Collections = month.Collections.Amount,
        ClinicalExpenses = month.ClinicalExpenses.Amount,
        ManagementFeePaid = month.ManagementFeePaid.Amount,
    };

    public YearMonth ToYearMonth() => YearMonth.From(Month!.Value.Year, Month.Value.Month, "Month");

    public FinancialFigures ToFigures() => new(
        Money.From(Collections ?? 0, "Collections"), Money.From(ClinicalExpenses ?? 0, "ClinicalExpenses", "Clinical expenses"),
        Money.From(ManagementFeePaid ?? 0, "ManagementFeePaid", "Management fee paid"));
}

public sealed class FinancialMonthFormValidator : AbstractValidator<FinancialMonthForm>
{
    public FinancialMonthFormValidator()
    {
        RuleFor(f => f.EntityId).NotNull().WithMessage("Choose the professional entity.");
        RuleFor(f => f.Month).NotNull().WithMessage("Month is required.").DateInRange("Month");
        RuleFor(f => f.Collections).NotNull().WithMessage("Collections is required.").MoneyAmount("Collections");
        RuleFor(f => f.ClinicalExpenses).NotNull().WithMessage("Clinical expenses is required.").MoneyAmount("Clinical expenses");
        RuleFor(f => f.ManagementFeePaid).NotNull().WithMessage("Management fee paid is required.").MoneyAmount("Management fee paid");
    }
}
