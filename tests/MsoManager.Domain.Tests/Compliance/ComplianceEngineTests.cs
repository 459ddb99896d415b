using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

public sealed class ComplianceEngineTests
{
    [Fact]
    public void Evaluate_CompliantTexasStructure_HasNoFindingsAndScores100()
    {
        var report = ComplianceTestPractice.Compliant().Evaluate();

        Assert.Empty(report.Findings);
        Assert.Equal(RiskSummary.None, report.Risk);
        Assert.Equal(ComplianceTestPractice.AsOf, report.AsOf);
    }

    [Fact]
    public void Evaluate_OnTheFirstAndLastDayOfTheRange_RunsEveryRule()
    {
        // A stale FMV opinion and a licence expiring: the rules that count months and days back and ahead from asOf run.
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { FmvValuedOn = new DateOnly(1950, 1, 1) });
        b.Month(b.Pc, "2200-11", 1000, 100, 100);

        var first = b.Evaluate(Dates.Earliest);
        var last = b.Evaluate(Dates.Latest);

        Assert.Equal(Dates.Earliest, first.AsOf);
        Assert.Contains(last.Findings, f => f.Code == "FEE_FMV_UNDOCUMENTED");
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2201, 1, 1)]
    public void Evaluate_OutsideTheRange_IsRefusedNamingAsOf(int year, int month, int day)
    {
        var b = ComplianceTestPractice.Compliant();

        var error = Assert.Throws<DomainRuleException>(() => b.Evaluate(new DateOnly(year, month, day)));

        Assert.Equal("asOf", error.Field);
        Assert.Equal(Dates.OutOfRange("asOf"), error.Message);
    }

    [Fact]
    public void Evaluate_SeveralFindings_AreSortedBySeverityThenCodeThenSubjectKey()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { WithoutCauseNoticeDays = null, ReservedAuthority = [] });
        var lay = b.Person("zed", "Zed Lay");
        b.Role(lay, b.Pc, EntityRoleKind.Officer);
        var other = b.NewPc("apc", "Another Medical PLLC");
        b.Stake("b-lay", other, lay, 50m);
        b.Stake("a-lay", other, b.Lay, 50m);

        var report = b.Evaluate();

        Assert.Equal(
            [
                ("CLINICAL_AUTHORITY_NOT_RESERVED", "msa"),
                ("MSA_MISSING", "apc"),
                ("PC_OWNER_INELIGIBLE", "a-lay"),
                ("PC_OWNER_INELIGIBLE", "b-lay"),
                ("MSA_INCOMPLETE", "msa"),
                ("PC_LAY_OFFICER", "zed/pc"),
            ],
            report.Findings.Select(f => (f.Code, f.SubjectKey)));
        Assert.Equal(
            [Severity.High, Severity.High, Severity.High, Severity.High, Severity.Medium, Severity.Medium],
            report.Findings.Select(f => f.Severity));
    }

    [Fact]
    public void Evaluate_InfoFinding_SortsAfterMediumAndDoesNotLowerTheScore()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { WithoutCauseNoticeDays = null });

        var report = b.Evaluate(rows: StateRows.Texas with { CpomConfidence = Confidence.Low });

        Assert.Equal(["MSA_INCOMPLETE", "STATE_RULES_UNVERIFIED"], report.Findings.Select(f => f.Code));
        Assert.Equal(new RiskSummary(90, 0, 1, 0, 1), report.Risk);
    }

    [Fact]
    public void Evaluate_ManyHighFindings_ScoreIsFlooredAtZero()
    {
        var b = ComplianceTestPractice.Compliant(withMsa: false);
        var pc2 = b.NewPc("pc2", "Second Medical PLLC");
        var fund = b.Organization("fund", "Seed Fund I LP");
        b.Stake("f1", pc2, fund, 50m);
        b.Stake("f2", pc2, b.Lay, 50m);

        var report = b.Evaluate();

        // Two MSA_MISSING and two PC_OWNER_INELIGIBLE: 100 - 4 x 25 = 0; one more High would go below.
        Assert.Equal(4, report.Risk.High);
        Assert.Equal(0, report.Risk.Score);
        b.Role(b.Physician, b.Mso, EntityRoleKind.Employee);
        var worse = b.Evaluate();
        Assert.Equal(5, worse.Risk.High);
        Assert.Equal(0, worse.Risk.Score);
    }

    [Fact]
    public void Evaluate_SamePracticeTwice_GivesEqualFindingsInTheSameOrder()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Percent(60m) with { FmvHigh = null });
        b.Stake("s9", b.NewPc("pc2", "Second Medical PLLC", form: EntityForm.CORP), b.Lay, 40m);

        var first = b.Evaluate();
        var second = b.Evaluate();

        Assert.NotEmpty(first.Findings);
        Assert.Equal(first.Findings, second.Findings);
    }

    [Fact]
    public void Evaluate_NoStateRowForThePracticeState_UsesTheCatalogDefaults()
    {
        // Florida has no row in the book: every field unknown, owners MD or DO, no minimum, forms unknown.
        var b = ComplianceTestPractice.Compliant("FL", EntityForm.CORP, msa: Terms.Percent(20m));
        var np = b.Licensed("np", "Jordan Lee", "FL", LicenseType.NP);
        b.Resize(b.PcStake, 40m);
        b.Stake("s-np", b.Pc, np, 60m);

        var report = b.Evaluate(rows: StateRows.Texas);

        Assert.Equal(
            [("PC_OWNER_INELIGIBLE", "s-np", Severity.High), ("STATE_RULES_UNVERIFIED", "FL", Severity.Info)],
            report.Findings.Select(f => (f.Code, f.SubjectKey, f.Severity)));
        var unverified = report.Single("STATE_RULES_UNVERIFIED");
        Assert.Empty(unverified.Sources);
        Assert.Contains("no state rules for Florida", unverified.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        var practice = new ComplianceTestPractice().Practice;

        Assert.Throws<ArgumentNullException>(() => ComplianceEngine.Evaluate(null!, ComplianceTestPractice.AsOf, StateRuleBook.Empty));
        Assert.Throws<ArgumentNullException>(() => ComplianceEngine.Evaluate(practice, ComplianceTestPractice.AsOf, null!));
    }

    [Fact]
    public void Catalog_ListsTheSeventeenCodesOfTheSpecInCodeOrder()
    {
        Assert.Equal(
            [
                ("CLINICAL_AUTHORITY_NOT_RESERVED", Severity.High),
                ("FEE_ABOVE_FMV", Severity.High),
                ("FEE_FMV_UNDOCUMENTED", Severity.Medium),
                ("FEE_PERCENTAGE_RESTRICTED", Severity.High),
                ("FEE_SWEEPS_REVENUE", Severity.High),
                ("MSA_EXPIRING", Severity.Medium),
                ("MSA_INCOMPLETE", Severity.Medium),
                ("MSA_MISSING", Severity.High),
                ("NO_PROFESSIONAL_ENTITY", Severity.High),
                ("OWNERSHIP_INCOMPLETE", Severity.High),
                ("PC_FORM_NOT_PERMITTED", Severity.Medium),
                ("PC_LAY_OFFICER", Severity.Medium),
                ("PC_OWNER_INELIGIBLE", Severity.High),
                ("PC_OWNER_LICENSE_EXPIRING", Severity.Medium),
                ("PC_PHYSICIAN_MINORITY", Severity.High),
                ("PHYSICIAN_EMPLOYED_BY_MSO", Severity.High),
                ("STATE_RULES_UNVERIFIED", Severity.Info),
            ],
            ComplianceEngine.Catalog.Select(r => (r.Code, r.DefaultSeverity)));
        Assert.All(ComplianceEngine.Catalog, r => Assert.False(string.IsNullOrWhiteSpace(r.Title)));
    }
}
