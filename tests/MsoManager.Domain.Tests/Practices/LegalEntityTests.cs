using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class LegalEntityTests
{
    [Fact]
    public void AddEntity_WithoutEin_LeavesItEmpty()
    {
        var practice = TestPractice.Create();

        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { Ein = "  " });

        Assert.Null(entity.Ein);
    }

    [Fact]
    public void AddEntity_WithEin_KeepsIt()
    {
        var practice = TestPractice.Create();

        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { Ein = "12-3456789" });

        Assert.Equal("12-3456789", entity.Ein?.Value);
    }

    [Fact]
    public void AddEntity_BadEin_IsRefusedNamingEinAndAddsNothing()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() =>
            practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { Ein = "123456789" }));

        Assert.Equal("Ein", error.Field);
        Assert.Empty(practice.Entities);
    }

    [Fact]
    public void AddEntity_BlankLegalName_IsRefusedNamingLegalName()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.AddEntity(null, EntityKind.ManagementCompany, TestPractice.EntityDetails(" ")));

        Assert.Equal("LegalName", error.Field);
    }

    [Fact]
    public void AddEntity_WithoutKey_DerivesItFromTheLegalName()
    {
        var practice = TestPractice.Create();

        var entity = practice.NewProfessionalEntity("Glow Medical PLLC");

        Assert.Equal("glow-medical-pllc", entity.Key);
        Assert.Equal((practice.Id, practice.WorkspaceId), (entity.PracticeId, entity.WorkspaceId));
    }

    [Theory]
    [InlineData(3, null, "AnnualReportDueDay", "Annual report day is required with the month; give both, or neither.")]
    [InlineData(null, 15, "AnnualReportDueMonth", "Annual report month is required with the day; give both, or neither.")]
    public void AddEntity_AnnualReportMonthOrDayAlone_IsRefusedNamingTheMissingOne(int? month, int? day, string field, string message)
    {
        var practice = TestPractice.Create();
        var details = TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = month, AnnualReportDueDay = day };

        var error = Assert.Throws<DomainRuleException>(() => practice.AddEntity(null, EntityKind.ProfessionalEntity, details));

        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(0)]
    [InlineData(-1)]
    public void AddEntity_AnnualReportMonthOutsideTheYear_IsRefusedNamingTheMonth(int month)
    {
        var practice = TestPractice.Create();
        var details = TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = month, AnnualReportDueDay = 1 };

        var error = Assert.Throws<DomainRuleException>(() => practice.AddEntity(null, EntityKind.ProfessionalEntity, details));

        Assert.Equal(("AnnualReportDueMonth", "Annual report month must be from 1 (January) to 12 (December)."), (error.Field, error.Message));
        Assert.Empty(practice.Entities);
    }

    [Theory]
    [InlineData(2, 30, "Annual report day must be from 1 to 29 in February.")]
    [InlineData(2, 31, "Annual report day must be from 1 to 29 in February.")]
    [InlineData(4, 31, "Annual report day must be from 1 to 30 in April.")]
    [InlineData(1, 0, "Annual report day must be from 1 to 31 in January.")]
    [InlineData(1, 32, "Annual report day must be from 1 to 31 in January.")]
    public void AddEntity_AnnualReportDayNotInItsMonth_IsRefusedNamingTheDay(int month, int day, string message)
    {
        var practice = TestPractice.Create();
        var details = TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = month, AnnualReportDueDay = day };

        var error = Assert.Throws<DomainRuleException>(() => practice.AddEntity(null, EntityKind.ProfessionalEntity, details));

        Assert.Equal(("AnnualReportDueDay", message), (error.Field, error.Message));
    }

    [Fact]
    public void ValidateAnnualReportDueDay_MonthItselfWrong_ChecksOnlyThatTheDayCanBeADay()
    {
        Assert.Null(LegalEntity.ValidateAnnualReportDueDay(13, 31));
        Assert.Equal("Annual report day must be from 1 to 31.", LegalEntity.ValidateAnnualReportDueDay(13, 32));
    }

    [Fact]
    public void UpdateEntity_AnnualReportMonth13_IsRefusedAndKeepsTheSavedMonth()
    {
        var practice = TestPractice.Create();
        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = 12, AnnualReportDueDay = 1 });

        Assert.Throws<DomainRuleException>(() => practice.UpdateEntity(entity.Id, TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = 13, AnnualReportDueDay = 1 }));

        Assert.Equal((12, 1), (entity.AnnualReportDueMonth, entity.AnnualReportDueDay));
    }

    [Theory]
    [InlineData(2, 29)]
    [InlineData(4, 30)]
    [InlineData(12, 31)]
    [InlineData(1, 1)]
    public void AddEntity_AnnualReportRealMonthAndDay_IsKept(int month, int day)
    {
        var practice = TestPractice.Create();
        var details = TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = month, AnnualReportDueDay = day };

        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, details);

        Assert.Equal((month, day), (entity.AnnualReportDueMonth, entity.AnnualReportDueDay));
    }

    [Fact]
    public void AddEntity_NoAnnualReportDate_IsAccepted()
    {
        var practice = TestPractice.Create();

        var entity = practice.NewProfessionalEntity();

        Assert.Null(entity.AnnualReportDueMonth);
        Assert.Null(entity.AnnualReportDueDay);
    }

    [Fact]
    public void AddEntity_FormedBefore1900_IsRefusedNamingFormedOn()
    {
        var practice = TestPractice.Create();
        var details = TestPractice.EntityDetails("Glow Medical PLLC") with { FormedOn = new DateOnly(1899, 12, 31) };

        var error = Assert.Throws<DomainRuleException>(() => practice.AddEntity(null, EntityKind.ProfessionalEntity, details));

        Assert.Equal("FormedOn", error.Field);
    }

    [Fact]
    public void DisplayName_WithDba_NamesBoth()
    {
        var practice = TestPractice.Create();

        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { Dba = " Glow " });

        Assert.Equal("Glow Medical PLLC (dba Glow)", entity.DisplayName);
    }

    [Theory]
    [InlineData(EntityStatus.Planned, true)]
    [InlineData(EntityStatus.Filed, true)]
    [InlineData(EntityStatus.Active, true)]
    [InlineData(EntityStatus.Dissolved, false)]
    public void IsLive_IsFalseOnlyWhenDissolved(EntityStatus status, bool live)
    {
        var practice = TestPractice.Create();

        var entity = practice.AddEntity(null, EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { Status = status });

        Assert.Equal(live, entity.IsLive);
    }

    [Fact]
    public void UpdateEntity_ValidDetails_AppliesThem()
    {
        var practice = TestPractice.Create();
        var entity = practice.NewProfessionalEntity();

        practice.UpdateEntity(entity.Id, TestPractice.EntityDetails("Glow Medical PC", EntityForm.PC) with { Ein = "98-7654321" });

        Assert.Equal(("Glow Medical PC", EntityForm.PC, "98-7654321"), (entity.LegalName, entity.Form, entity.Ein?.Value));
    }

    [Fact]
    public void UpdateEntity_InvalidAnnualReportDate_LeavesTheEntityUnchanged()
    {
        var practice = TestPractice.Create();
        var entity = practice.NewProfessionalEntity("Glow Medical PLLC");
        var details = TestPractice.EntityDetails("Renamed Medical PC", EntityForm.PC) with { AnnualReportDueMonth = 2, AnnualReportDueDay = 30 };

        Assert.Throws<DomainRuleException>(() => practice.UpdateEntity(entity.Id, details));

        Assert.Equal(("Glow Medical PLLC", EntityForm.PLLC), (entity.LegalName, entity.Form));
    }

    [Fact]
    public void RemoveEntity_WithAStake_IsRefusedNamingEntity()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        practice.AddStake(null, TestPractice.PersonStake(pc.Id, practice.NewPerson().Id, 100m));

        var error = Assert.Throws<DomainRuleException>(() => practice.RemoveEntity(pc.Id));

        Assert.Equal("Entity", error.Field);
        Assert.Contains(pc, practice.Entities);
    }

    [Fact]
    public void RemoveEntity_PartyToAnAgreement_IsRefused()
    {
        var practice = TestPractice.Create();
        var msa = practice.NewMsa();

        Assert.Throws<DomainRuleException>(() => practice.RemoveEntity(msa.ManagementCompanyId!.Value));
        Assert.Throws<DomainRuleException>(() => practice.RemoveEntity(msa.ProfessionalEntityId!.Value));
        Assert.Equal(2, practice.Entities.Count);
    }

    [Fact]
    public void RemoveEntity_WhereSomeoneHoldsARole_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        practice.AddRole(practice.NewPerson().Id, null, new EntityRoleDetails(pc.Id, EntityRoleKind.MedicalDirector));

        Assert.Throws<DomainRuleException>(() => practice.RemoveEntity(pc.Id));
        Assert.Single(practice.Entities);
    }

    [Fact]
    public void RemoveEntity_WithAFinancialMonth_IsRefused()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        practice.RecordFinancialMonth(pc.Id, new YearMonth(2025, 1), new FinancialFigures(Money.Zero, Money.Zero, Money.Zero));

        Assert.Throws<DomainRuleException>(() => practice.RemoveEntity(pc.Id));
        Assert.Single(practice.Entities);
    }

    [Fact]
    public void RemoveEntity_WithNothingAttached_RemovesIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();

        practice.RemoveEntity(pc.Id);

        Assert.Empty(practice.Entities);
    }

    [Fact]
    public void RemoveEntity_AfterItsStakeIsRemoved_RemovesIt()
    {
        var practice = TestPractice.Create();
        var pc = practice.NewProfessionalEntity();
        var stake = practice.AddStake(null, TestPractice.PersonStake(pc.Id, practice.NewPerson().Id, 100m));
        practice.RemoveStake(stake.Id);

        practice.RemoveEntity(pc.Id);

        Assert.Empty(practice.Entities);
    }

    [Fact]
    public void FindEntity_Unknown_SaysToReload()
    {
        var practice = TestPractice.Create();

        var error = Assert.Throws<DomainRuleException>(() => practice.FindEntity(Guid.NewGuid()));

        Assert.Equal("Entity", error.Field);
        Assert.Contains("reload", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
