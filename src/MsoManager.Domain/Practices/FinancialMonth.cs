using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>One calendar month of a professional entity's money: what it collected, spent on clinical care and paid the MSO.</summary>
public sealed class FinancialMonth : PracticeRecord
{
    private FinancialMonth()
    {
    }

    internal FinancialMonth(Practice practice, string key, Guid entityId, YearMonth month, FinancialFigures figures)
        : base(practice, key)
    {
        EntityId = entityId;
        Month = month;
        Apply(figures);
    }

    public Guid EntityId { get; private set; }

    public YearMonth Month { get; private set; }

    public Money Collections { get; private set; }

    public Money ClinicalExpenses { get; private set; }

    public Money ManagementFeePaid { get; private set; }

    /// <summary>What is left for the professional entity after clinical costs and the management fee.</summary>
    public decimal Margin => Collections.Amount - ClinicalExpenses.Amount - ManagementFeePaid.Amount;

    internal void Apply(FinancialFigures figures)
    {
        Collections = figures.Collections;
        ClinicalExpenses = figures.ClinicalExpenses;
        ManagementFeePaid = figures.ManagementFeePaid;
    }
}

public sealed record FinancialFigures(Money Collections, Money ClinicalExpenses, Money ManagementFeePaid);
