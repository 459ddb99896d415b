using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>PC_OWNER_LICENSE_EXPIRING, PC_FORM_NOT_PERMITTED and NO_PROFESSIONAL_ENTITY.</summary>
public sealed class LicenseAndFormRuleTests
{
    private static readonly DateOnly AsOf = ComplianceTestPractice.AsOf;

    /// <summary>The compliant practice whose physician owner's only license expires <paramref name="inDays"/> after asOf.</summary>
    private static ComplianceTestPractice WithLicenseExpiringIn(int inDays)
    {
        var b = ComplianceTestPractice.Compliant();
        var license = b.Physician.Licenses.Single();
        b.Practice.UpdateLicense(b.Physician.Id, license.Id, new LicenseDetails(license.Type, license.State, "Q1234", license.Status, null, AsOf.AddDays(inDays)));
        return b;
    }

    [Fact]
    public void Evaluate_OnlyEligibleLicenseExpiresInNinetyDays_FindsExpiringOnTheStake()
    {
        var b = WithLicenseExpiringIn(ComplianceEngine.ExpiryWarningDays);

        var finding = b.Evaluate().Single("PC_OWNER_LICENSE_EXPIRING");

        Assert.Equal((Severity.Medium, SubjectType.Stake, "s1", (Guid?)b.PcStake.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal("Dana Smith holds 100% of Glow Medical PLLC; the last license that makes them eligible to own it, MD Q1234 in TX, expires on 2027-02-27, in 90 days.", finding.Message);
        Assert.Equal(StateCode.From("TX"), finding.State);
    }

    [Fact]
    public void Evaluate_OnlyEligibleLicenseExpiresInNinetyOneDays_FindsNothing()
    {
        Assert.Empty(WithLicenseExpiringIn(ComplianceEngine.ExpiryWarningDays + 1).Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_LicenseExpiringOnAsOf_IsStillInForceAndExpiring()
    {
        var report = WithLicenseExpiringIn(0).Evaluate();

        report.Single("PC_OWNER_LICENSE_EXPIRING");
        report.Lacks("PC_OWNER_INELIGIBLE");
    }

    [Fact]
    public void Evaluate_LicenseExpiredYesterday_IsIneligibleNotExpiring()
    {
        var report = WithLicenseExpiringIn(-1).Evaluate();

        report.Single("PC_OWNER_INELIGIBLE");
        report.Lacks("PC_OWNER_LICENSE_EXPIRING");
    }

    [Fact]
    public void Evaluate_SecondEligibleLicenseWithoutExpiry_NeverExpires()
    {
        var b = WithLicenseExpiringIn(10);
        b.License(b.Physician, LicenseType.DO, "TX", expiresOn: null);

        b.Evaluate().Lacks("PC_OWNER_LICENSE_EXPIRING");
    }

    [Fact]
    public void Evaluate_TwoEligibleLicensesBothExpiringSoon_NamesTheLaterOne()
    {
        var b = WithLicenseExpiringIn(10);
        b.License(b.Physician, LicenseType.DO, "TX", AsOf.AddDays(60));

        var finding = b.Evaluate().Single("PC_OWNER_LICENSE_EXPIRING");

        Assert.Contains("DO N2 in TX, expires on 2027-01-28, in 60 days", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongerLicenseOfAnIneligibleTypeOrState_DoesNotKeepTheOwnerEligible()
    {
        var b = WithLicenseExpiringIn(10);
        b.License(b.Physician, LicenseType.NP, "TX", new DateOnly(2030, 1, 1));
        b.License(b.Physician, LicenseType.MD, "OK", new DateOnly(2030, 1, 1));

        b.Evaluate().Single("PC_OWNER_LICENSE_EXPIRING");
    }

    [Fact]
    public void Evaluate_IneligibleOwnerWithExpiringIneligibleLicense_IsOnlyIneligible()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Resize(b.PcStake, 50m);
        b.Stake("s-np", b.Pc, b.Licensed("np", "Jordan Lee", "TX", LicenseType.NP, AsOf.AddDays(5)), 50m);

        var report = b.Evaluate();

        Assert.Equal(["PC_OWNER_INELIGIBLE"], report.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_CaliforniaPllc_FindsFormNotPermittedWithStateData()
    {
        var b = ComplianceTestPractice.Compliant("CA", EntityForm.PLLC);

        var finding = b.Evaluate().Single("PC_FORM_NOT_PERMITTED");

        Assert.Equal((Severity.Medium, SubjectType.Entity, "pc", (Guid?)b.Pc.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal("Glow Medical PLLC is a PLLC, a form California does not name for medical practices (PC).", finding.Message);
        Assert.Equal(StateRows.California.Sources, finding.Sources);
    }

    [Theory]
    [InlineData(Confidence.High, true)]
    [InlineData(Confidence.Medium, true)]
    [InlineData(Confidence.Low, false)]
    public void Evaluate_FormOutsideTheList_FiresOnlyWithMediumOrHighConfidence(Confidence confidence, bool fires)
    {
        var b = ComplianceTestPractice.Compliant(form: EntityForm.PC);

        var report = b.Evaluate(rows: StateRows.Texas with { ProfessionalFormsConfidence = confidence });

        Assert.Equal(fires, report.All("PC_FORM_NOT_PERMITTED").Count == 1);
    }

    [Fact]
    public void Evaluate_FormsUnknown_NeverFires()
    {
        var b = ComplianceTestPractice.Compliant(form: EntityForm.CORP);

        b.Evaluate(rows: StateRows.Texas with { ProfessionalForms = [] }).Lacks("PC_FORM_NOT_PERMITTED");
    }

    [Fact]
    public void Evaluate_DissolvedPcOfWrongForm_IsIgnored()
    {
        var b = ComplianceTestPractice.Compliant();
        b.NewPc("old", "Old Medical Corp", form: EntityForm.CORP, status: EntityStatus.Dissolved);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_LocationInStateWithoutPc_FindsNoProfessionalEntityForTheState()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Location("NY", "New York");

        var finding = b.Evaluate().Single("NO_PROFESSIONAL_ENTITY");

        Assert.Equal((Severity.High, SubjectType.State, "NY", (Guid?)null), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal(StateCode.From("NY"), finding.State);
        Assert.Equal(StateRows.NewYork.Sources, finding.Sources);
        Assert.Contains("operates in New York", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CpomStrength.Strict, Severity.High)]
    [InlineData(CpomStrength.Moderate, Severity.High)]
    [InlineData(CpomStrength.Unknown, Severity.Medium)]
    [InlineData(CpomStrength.Weak, null)]
    [InlineData(CpomStrength.None, null)]
    public void Evaluate_StateWithoutPc_SeverityFollowsCpom(CpomStrength cpom, Severity? expected)
    {
        var b = ComplianceTestPractice.Compliant();
        b.Location("NY", "New York");

        var findings = b.Evaluate(null, StateRows.Texas, StateRows.NewYork with { Cpom = cpom }).All("NO_PROFESSIONAL_ENTITY");

        Assert.Equal(expected is { } severity ? [severity] : [], findings.Select(f => f.Severity));
    }

    [Fact]
    public void Evaluate_StateWithoutPcAndWithoutRow_IsMedium()
    {
        var b = ComplianceTestPractice.Compliant();
        b.Location("FL", "Miami");

        Assert.Equal(Severity.Medium, b.Evaluate(rows: StateRows.Texas).Single("NO_PROFESSIONAL_ENTITY").Severity);
    }

    [Fact]
    public void Evaluate_StateWithoutPcButNoLiveMso_FindsNothing()
    {
        var b = new ComplianceTestPractice("NY");
        b.NewMso("old-mso", "Old Management LLC", "NY", EntityStatus.Dissolved);

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_OnlyPcInStateIsDissolved_FindsNoProfessionalEntity()
    {
        var b = new ComplianceTestPractice("NY");
        b.NewMso("mso", "Glow Management LLC", "NY", EntityStatus.Planned);
        b.NewPc("pc", "Glow Medical PC", "NY", EntityForm.PC, EntityStatus.Dissolved);

        Assert.Equal("NY", b.Evaluate().Single("NO_PROFESSIONAL_ENTITY").SubjectKey);
    }

    [Fact]
    public void Evaluate_PracticeWithoutLocations_UsesItsPrimaryState()
    {
        var b = new ComplianceTestPractice("NY");
        b.NewMso("mso", "Glow Management LLC", "TX", EntityStatus.Planned);
        b.NewPc("pc", "Glow Medical PLLC", "TX", EntityForm.PLLC, EntityStatus.Planned);

        Assert.Equal(["NY"], b.Evaluate().All("NO_PROFESSIONAL_ENTITY").Select(f => f.SubjectKey));
    }
}
