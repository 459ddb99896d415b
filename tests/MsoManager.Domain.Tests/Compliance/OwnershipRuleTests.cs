using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>PC_OWNER_INELIGIBLE, PC_PHYSICIAN_MINORITY and OWNERSHIP_INCOMPLETE.</summary>
public sealed class OwnershipRuleTests
{
    private static readonly DateOnly AsOf = ComplianceTestPractice.AsOf;

    /// <summary>The compliant practice with the physician's stake cut to <paramref name="physicianPercent"/> and the rest given to a new owner.</summary>
    private static OwnershipStake WithSecondOwner(ComplianceTestPractice b, Person owner, decimal physicianPercent)
    {
        b.Resize(b.PcStake, physicianPercent);
        return b.Stake("s1b", b.Pc, owner, 100m - physicianPercent, from: new DateOnly(2025, 1, 10));
    }

    [Fact]
    public void Evaluate_LayPersonHoldsPcStake_FindsPcOwnerIneligibleOnTheStake()
    {
        var b = ComplianceTestPractice.Compliant();
        var stake = WithSecondOwner(b, b.Person("jordan", "Jordan Lee"), 40m);

        var finding = b.Evaluate().Single("PC_OWNER_INELIGIBLE");

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(SubjectType.Stake, finding.SubjectType);
        Assert.Equal("s1b", finding.SubjectKey);
        Assert.Equal(stake.Id, finding.RecordId);
        Assert.Equal("Jordan Lee holds 60% of Glow Medical PLLC but has no license in force in TX of a type that may own it there (MD, DO).", finding.Message);
        Assert.False(string.IsNullOrWhiteSpace(finding.Recommendation));
        Assert.Equal(StateCode.From("TX"), finding.State);
        Assert.Equal(StateRows.Texas.Sources, finding.Sources);
    }

    [Fact]
    public void Evaluate_OrganisationHoldsPcStake_FindsPcOwnerIneligibleNamingIt()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.PcStake, 70m);
        b.Stake("s-fund", b.Pc, b.Organization("fund", "Seed Fund I LP"), 30m);

        var finding = b.Evaluate().Single("PC_OWNER_INELIGIBLE");

        Assert.Equal("s-fund", finding.SubjectKey);
        Assert.Equal("Seed Fund I LP, an organisation, holds 30% of Glow Medical PLLC; in TX only persons licensed as MD or DO may own a professional entity.", finding.Message);
    }

    [Fact]
    public void Evaluate_OrganisationHoldsMsoStake_FindsNothing()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.MsoStake, 70m);
        b.Stake("s3", b.Mso, b.Organization("fund", "Seed Fund I LP"), 30m);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Theory]
    [InlineData("TX", LicenseType.NP, "TX", true)]
    [InlineData("TX", LicenseType.MD, "OK", true)]
    [InlineData("TX", LicenseType.DO, "TX", false)]
    [InlineData("CA", LicenseType.NP, "CA", false)]
    [InlineData("CA", LicenseType.NP, "TX", true)]
    public void Evaluate_OwnerWithOneLicense_IsIneligibleUnlessTypeAndStateMatch(string pcState, LicenseType type, string licenseState, bool fires)
    {
        var b = ComplianceTestPractice.Compliant(pcState, pcState == "CA" ? EntityForm.PC : EntityForm.PLLC);
        WithSecondOwner(b, b.Licensed("owner", "Jordan Lee", licenseState, type), 60m);

        var findings = b.Evaluate().All("PC_OWNER_INELIGIBLE");

        Assert.Equal(fires ? ["s1b"] : [], findings.Select(f => f.SubjectKey));
    }

    [Theory]
    [InlineData(LicenseStatus.Active, 0, false)]
    [InlineData(LicenseStatus.Active, -1, true)]
    [InlineData(LicenseStatus.Suspended, 30, true)]
    [InlineData(LicenseStatus.Inactive, 30, true)]
    public void Evaluate_OwnerLicenseExpiryAndStatus_DecideEligibility(LicenseStatus status, int expiresInDays, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        var owner = b.Person("owner", "Jordan Lee");
        b.License(owner, LicenseType.MD, "TX", AsOf.AddDays(expiresInDays), status);
        WithSecondOwner(b, owner, 50m);

        Assert.Equal(fires, b.Evaluate().All("PC_OWNER_INELIGIBLE").Count == 1);
    }

    [Fact]
    public void Evaluate_OwnerLicenseIssuedAfterAsOf_IsIneligible()
    {
        var b = ComplianceTestPractice.Compliant();
        var owner = b.Person("owner", "Jordan Lee");
        b.License(owner, LicenseType.MD, "TX", issuedOn: AsOf.AddDays(1));
        WithSecondOwner(b, owner, 50m);

        Assert.Equal("s1b", b.Evaluate().Single("PC_OWNER_INELIGIBLE").SubjectKey);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_LayStakeEndingOnOrAfterAsOf_CountsOnlyWhileHeld(int endsInDays, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        var lay = b.Person("jordan", "Jordan Lee");
        b.Resize(b.PcStake, 60m);
        b.Stake("s1b", b.Pc, lay, 40m, from: new DateOnly(2025, 1, 10), to: AsOf.AddDays(endsInDays));

        var report = b.Evaluate();

        Assert.Equal(fires, report.All("PC_OWNER_INELIGIBLE").Count == 1);
        Assert.Equal(!fires, report.All("OWNERSHIP_INCOMPLETE").Count == 1);
    }

    [Fact]
    public void Evaluate_LayStakeStartingTomorrow_IsNotHeldYet()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.PcStake, 60m);
        b.Stake("s1b", b.Pc, b.Person("jordan", "Jordan Lee"), 40m, from: AsOf.AddDays(1));

        b.Evaluate().Lacks("PC_OWNER_INELIGIBLE");
    }

    [Fact]
    public void Evaluate_LayOwnerOfDissolvedPc_IsIgnored()
    {
        var b = ComplianceTestPractice.Compliant();
        var old = b.NewPc("old", "Old Medical PLLC", status: EntityStatus.Dissolved);
        b.Stake("s-old", old, b.Lay, 100m);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Theory]
    [InlineData(51, 49, false)]
    [InlineData(50.99, 49.01, true)]
    public void Evaluate_CaliforniaPhysicianShareAroundFiftyOne_FindsMinorityBelowIt(decimal physician, decimal np, bool fires)
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PC);
        WithSecondOwner(b, b.Licensed("np-lee", "Jordan Lee", "CA", LicenseType.NP), physician);

        var report = b.Evaluate();

        Assert.Equal(100m, physician + np);
        Assert.Equal(fires, report.All("PC_PHYSICIAN_MINORITY").Count == 1);
        report.Lacks("PC_OWNER_INELIGIBLE");
    }

    [Fact]
    public void Evaluate_CaliforniaNpMajority_FindsMinorityOnTheEntityWithStateData()
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PC);
        WithSecondOwner(b, b.Licensed("np-lee", "Jordan Lee", "CA", LicenseType.NP), 40m);

        var finding = b.Evaluate().Single("PC_PHYSICIAN_MINORITY");

        Assert.Equal((Severity.High, SubjectType.Entity, "pc", (Guid?)b.Pc.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal("MD and DO owners licensed in CA hold 40% of Glow Medical PLLC; California requires at least 51%.", finding.Message);
        Assert.Equal(StateCode.From("CA"), finding.State);
        Assert.Equal(StateRows.California.Sources, finding.Sources);
    }

    [Fact]
    public void Evaluate_MinorityOwnerMdLicensedInAnotherState_DoesNotCountTowardTheMinimum()
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PC);
        var visiting = b.Licensed("dr-tx", "Sam Ortiz", "TX");
        b.License(visiting, LicenseType.NP, "CA", new DateOnly(2028, 1, 31));
        WithSecondOwner(b, visiting, 49m);
        b.Resize(b.PcStake, 49m, b.Lay);

        var report = b.Evaluate();

        Assert.Contains("hold 0% of", report.Single("PC_PHYSICIAN_MINORITY").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DoOwnerInStateWithMinimum_Counts()
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PC);
        WithSecondOwner(b, b.Licensed("dr-do", "Pat Osteo", "CA", LicenseType.DO), 10m);

        b.Evaluate().Lacks("PC_PHYSICIAN_MINORITY");
    }

    [Fact]
    public void Evaluate_StateWithoutMinimum_NeverFindsMinority()
    {
        var b = ComplianceTestPractice.Compliant();
        WithSecondOwner(b, b.Person("jordan", "Jordan Lee"), 10m);

        b.Evaluate().Lacks("PC_PHYSICIAN_MINORITY");
    }

    [Theory]
    [InlineData(99.99, false)]
    [InlineData(99.98, true)]
    public void Evaluate_PcOwnershipJustUnderHundred_IsIncompleteBeyondTheTolerance(decimal total, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.PcStake, total);

        var findings = b.Evaluate().All("OWNERSHIP_INCOMPLETE");

        Assert.Equal(fires ? ["pc"] : [], findings.Select(f => f.SubjectKey));
    }

    [Fact]
    public void Evaluate_IncompletePcAndMso_AreHighAndMediumRespectively()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.PcStake, 60m);
        b.Resize(b.MsoStake, 70m);

        var findings = b.Evaluate().All("OWNERSHIP_INCOMPLETE");

        Assert.Equal([("pc", Severity.High), ("mso", Severity.Medium)], findings.Select(f => (f.SubjectKey, f.Severity)));
        Assert.Equal("The stakes held in Glow Medical PLLC on 2026-11-29 add up to 60%; 40% is not accounted for.", findings[0].Message);
        Assert.Null(findings[0].State);
    }

    [Theory]
    [InlineData(EntityStatus.Planned, false)]
    [InlineData(EntityStatus.Filed, true)]
    [InlineData(EntityStatus.Active, true)]
    [InlineData(EntityStatus.Dissolved, false)]
    public void Evaluate_EntityWithoutStakes_IsIncompleteOnlyWhenFiledOrActive(EntityStatus status, bool fires)
    {
        var b = ComplianceTestPractice.Compliant();
        b.NewMso("mso2", "Second Management LLC", status: status);

        Assert.Equal(fires, b.Evaluate().All("OWNERSHIP_INCOMPLETE").Count == 1);
    }
}
