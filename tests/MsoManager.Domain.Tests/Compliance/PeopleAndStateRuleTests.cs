using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>PHYSICIAN_EMPLOYED_BY_MSO, PC_LAY_OFFICER and STATE_RULES_UNVERIFIED.</summary>
public sealed class PeopleAndStateRuleTests
{
    private static readonly DateOnly AsOf = ComplianceTestPractice.AsOf;

    [Fact]
    public void Evaluate_PcOwnerEmployedByMso_FindsItForThePersonAndMso()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Physician, b.Mso, EntityRoleKind.Employee, from: new DateOnly(2025, 3, 1));

        var finding = b.Evaluate().Single("PHYSICIAN_EMPLOYED_BY_MSO");

        Assert.Equal((Severity.High, SubjectType.PersonAtEntity, "dr-smith/mso", (Guid?)b.Physician.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal("Dana Smith holds 100% of Glow Medical PLLC and is an employee of Glow Management LLC.", finding.Message);
        Assert.Null(finding.State);
    }

    [Fact]
    public void Evaluate_TwoEmployeeRolesAtTheSameMso_GiveOneFinding()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Physician, b.Mso, EntityRoleKind.Employee, to: new DateOnly(2027, 1, 1));
        b.Role(b.Physician, b.Mso, EntityRoleKind.Employee, from: new DateOnly(2026, 1, 1));

        Assert.Single(b.Evaluate().All("PHYSICIAN_EMPLOYED_BY_MSO"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_EmploymentEndingOnOrAfterAsOf_CountsWhileHeld(int endsInDays, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Physician, b.Mso, EntityRoleKind.Employee, to: AsOf.AddDays(endsInDays));

        Assert.Equal(fires, b.Evaluate().All("PHYSICIAN_EMPLOYED_BY_MSO").Count == 1);
    }

    [Fact]
    public void Evaluate_EmployeeWhoOwnsNoPcStake_OrContractorOwner_OrEmployeeOfThePc_FindsNothing()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Person("sam", "Sam Staff"), b.Mso, EntityRoleKind.Employee);
        b.Role(b.Physician, b.Mso, EntityRoleKind.Contractor);
        b.Role(b.Physician, b.Pc, EntityRoleKind.Employee);
        b.Role(b.Lay, b.Mso, EntityRoleKind.Employee);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_PcOwnerEmployedByDissolvedMso_FindsNothing()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Physician, b.NewMso("old-mso", "Old Management LLC", status: EntityStatus.Dissolved), EntityRoleKind.Employee);

        b.Evaluate().Lacks("PHYSICIAN_EMPLOYED_BY_MSO");
    }

    [Fact]
    public void Evaluate_LayOfficerOfPc_FindsItForThePersonAndPcWithStateData()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Lay, b.Pc, EntityRoleKind.Officer);

        var finding = b.Evaluate().Single("PC_LAY_OFFICER");

        Assert.Equal((Severity.Medium, SubjectType.PersonAtEntity, "alex/pc", (Guid?)b.Lay.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal("Alex Kim is an officer of Glow Medical PLLC but has no license in force in TX of a type that may own it (MD, DO).", finding.Message);
        Assert.Equal(StateCode.From("TX"), finding.State);
        Assert.Equal(StateRows.Texas.Sources, finding.Sources);
    }

    [Fact]
    public void Evaluate_LayOfficerAndDirectorOfTheSamePc_GiveOneFinding()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Lay, b.Pc, EntityRoleKind.Director);
        b.Role(b.Lay, b.Pc, EntityRoleKind.Officer);

        Assert.Single(b.Evaluate().All("PC_LAY_OFFICER"));
    }

    [Theory]
    [InlineData(EntityRoleKind.Manager)]
    [InlineData(EntityRoleKind.MedicalDirector)]
    [InlineData(EntityRoleKind.Employee)]
    [InlineData(EntityRoleKind.Contractor)]
    public void Evaluate_LayPersonInOtherPcRoles_IsNotALayOfficer(EntityRoleKind kind)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Lay, b.Pc, kind);

        b.Evaluate().Lacks("PC_LAY_OFFICER");
    }

    [Fact]
    public void Evaluate_LicensedOfficersAndLayMsoOfficer_FindNothing()
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PC);
        b.Role(b.Physician, b.Pc, EntityRoleKind.Officer);
        b.Role(b.Licensed("np", "Jordan Lee", "CA", LicenseType.NP), b.Pc, EntityRoleKind.Director);
        b.Role(b.Lay, b.Mso, EntityRoleKind.Officer);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_NpDirectorInTexas_IsALayOfficer()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Licensed("np", "Jordan Lee", "TX", LicenseType.NP), b.Pc, EntityRoleKind.Director);

        Assert.Contains("is a director of Glow Medical PLLC", b.Evaluate().Single("PC_LAY_OFFICER").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_OfficerRoleEndingOnOrAfterAsOf_CountsWhileHeld(int endsInDays, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Role(b.Lay, b.Pc, EntityRoleKind.Officer, to: AsOf.AddDays(endsInDays));

        Assert.Equal(fires, b.Evaluate().All("PC_LAY_OFFICER").Count == 1);
    }

    [Theory]
    [InlineData(Confidence.Low, Confidence.High, true)]
    [InlineData(Confidence.High, Confidence.Low, true)]
    [InlineData(Confidence.Medium, Confidence.Medium, false)]
    public void Evaluate_StateOfOperationConfidence_FlagsLowCpomOrOwnership(Confidence cpom, Confidence owners, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();

        var findings = b.Evaluate(rows: StateRows.Texas with { CpomConfidence = cpom, PcOwnersConfidence = owners }).All("STATE_RULES_UNVERIFIED");

        Assert.Equal(fires ? ["TX"] : [], findings.Select(f => f.SubjectKey));
        Assert.All(findings, f =>
        {
            Assert.Equal((Severity.Info, SubjectType.State, (Guid?)null, StateCode.From("TX")), (f.Severity, f.SubjectType, f.RecordId, f.State));
            Assert.Equal(StateRows.Texas.Sources, f.Sources);
        });
    }

    [Fact]
    public void Evaluate_StateOfOperationAndPcStateTheSame_GiveOneFinding()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Location("TX", "Dallas");

        Assert.Single(b.Evaluate(rows: StateRows.Texas with { CpomConfidence = Confidence.Low }).All("STATE_RULES_UNVERIFIED"));
    }

    [Fact]
    public void Evaluate_PcFormedOutsideTheStatesOfOperation_IsCheckedToo()
    {
        var b = ComplianceTestPractice.Compliant();
        b.NewPc("de-pc", "Delaware Medical PC", "DE", EntityForm.PC, EntityStatus.Planned);
        b.NewPc("old-pc", "Old Medical PC", "NV", EntityForm.PC, EntityStatus.Dissolved);

        var findings = b.Evaluate().All("STATE_RULES_UNVERIFIED");

        Assert.Equal(["DE"], findings.Select(f => f.SubjectKey));
        Assert.Equal("There are no state rules for Delaware; the engine assumes the defaults (owners licensed as MD or DO, everything else unknown).", findings[0].Message);
    }

    [Fact]
    public void Evaluate_MsoFormedInAStateWithoutRow_IsNotAStateToVerify()
    {
        var b = ComplianceTestPractice.Compliant();
        b.NewMso("de-mso", "Delaware Management LLC", "DE", EntityStatus.Planned);

        b.Evaluate().Lacks("STATE_RULES_UNVERIFIED");
    }
}
