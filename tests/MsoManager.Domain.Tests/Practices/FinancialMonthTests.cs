using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class FinancialMonthTests
{
    private static readonly YearMonth January = new(2025, 1);

    [Fact]
    public void RecordFinancialMonth_NewMonth_AddsItWithTheFigures()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity("Glow Medical PLLC");

        var month = practice.RecordFinancialMonth(pc.Id, January, Figures(100_000m, 40_000m, 20_000m));

        Assert.Same(month, Assert.Single(practice.FinancialMonths));
        Assert.Equal((pc.Id, January, 100_000m, 40_000m, 20_000m), (month.EntityId, month.Month, month.Collections.Amount, month.ClinicalExpenses.Amount, month.ManagementFeePaid.Amount));
        Assert.Equal("glow-medical-pllc-2025-01", month.Key);
    }

    [Fact]
    public void RecordFinancialMonth_SameMonthAgain_KeepsOneRecordWithTheNewFigures()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var first = practice.RecordFinancialMonth(pc.Id, January, Figures(100_000m, 40_000m, 20_000m));

        var second = practice.RecordFinancialMonth(pc.Id, January, Figures(110_000m, 45_000m, 22_000m));

        Assert.Same(first, second);
        Assert.Single(practice.FinancialMonths);
        Assert.Equal((110_000m, 45_000m, 22_000m), (first.Collections.Amount, first.ClinicalExpenses.Amount, first.ManagementFeePaid.Amount));
    }

    [Fact]
    public void RecordFinancialMonth_AnotherMonth_AddsAnotherRecord()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        practice.RecordFinancialMonth(pc.Id, January, Figures(100_000m, 40_000m, 20_000m));

        practice.RecordFinancialMonth(pc.Id, January.AddMonths(1), Figures(90_000m, 40_000m, 20_000m));

        Assert.Equal(2, practice.FinancialMonths.Count);
    }

    [Fact]
    public void RecordFinancialMonth_SameMonthForAnotherProfessionalEntity_AddsAnotherRecord()
    {
        var practice = TestPractice.Create();
        var first = practice.NewProfessionalEntity("Glow Medical PLLC");
        var second = practice.NewProfessionalEntity("Radiance Medical PC");
        practice.RecordFinancialMonth(first.Id, January, Figures(100_000m, 40_000m, 20_000m));

        practice.RecordFinancialMonth(second.Id, January, Figures(50_000m, 20_000m, 10_000m));

        Assert.Equal(2, practice.FinancialMonths.Count);
    }

    [Fact]
    public void RecordFinancialMonth_ForAManagementCompany_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();
        var mso = practice.NewManagementCompany();

        var error = Assert.Throws<DomainRuleException>(() => practice.RecordFinancialMonth(mso.Id, January, Figures(100_000m, 40_000m, 20_000m)));

        Assert.Equal("Entity", error.Field);
        Assert.Empty(practice.FinancialMonths);
    }

    [Fact]
    public void RecordFinancialMonth_UnknownEntity_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.RecordFinancialMonth(Guid.NewGuid(), January, Figures(1m, 1m, 1m)));

        Assert.Equal("Entity", error.Field);
    }

    [Fact]
    public void Margin_IsCollectionsLessClinicalExpensesAndTheFee()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var month = practice.RecordFinancialMonth(pc.Id, January, Figures(100_000m, 40_000.50m, 20_000.25m));

        Assert.Equal(39_999.25m, month.Margin);
    }

    [Fact]
    public void Margin_FeeAboveWhatIsLeft_IsNegative()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        var month = practice.RecordFinancialMonth(pc.Id, January, Figures(50_000m, 30_000m, 25_000m));

        Assert.Equal(-5_000m, month.Margin);
    }

    [Fact]
    public void RemoveFinancialMonth_RemovesIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var month = practice.RecordFinancialMonth(pc.Id, January, Figures(1m, 1m, 1m));

        practice.RemoveFinancialMonth(month.Id);

        Assert.Empty(practice.FinancialMonths);
    }

    private static FinancialFigures Figures(decimal collections, decimal clinicalExpenses, decimal managementFeePaid) =>
        new(Money.From(collections, "Collections"), Money.From(clinicalExpenses, "ClinicalExpenses"), Money.From(managementFeePaid, "ManagementFeePaid"));
}
