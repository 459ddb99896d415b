using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>MSA_MISSING, MSA_INCOMPLETE, CLINICAL_AUTHORITY_NOT_RESERVED and MSA_EXPIRING.</summary>
public sealed class AgreementRuleTests
{
    private static readonly DateOnly AsOf = ComplianceTestPractice.AsOf;

    [Fact]
    public void Evaluate_ActivePcAndMsoWithoutMsa_FindsMsaMissingOnThePc()
    {
        var b = ComplianceTestPractice.Compliant(withMsa: false);

        var finding = b.Evaluate().Single("MSA_MISSING");

        Assert.Equal((Severity.High, SubjectType.Entity, "pc", (Guid?)b.Pc.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Contains("no MSA with Glow Medical PLLC is in force on 2026-11-29", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.State);
        Assert.Empty(finding.Sources);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Terminated)]
    public void Evaluate_OnlyMsaNotExecuted_FindsMsaMissing(AgreementStatus status)
    {
        var b = ComplianceTestPractice.Compliant(msaStatus: status);

        b.Evaluate().Single("MSA_MISSING");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Evaluate_MsaWhoseTermEndsOnOrAfterAsOf_IsInForceUntilTheEnd(int endsInDays, bool missing)
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf.AddDays(endsInDays)));

        Assert.Equal(missing, b.Evaluate().All("MSA_MISSING").Count == 1);
    }

    [Fact]
    public void Evaluate_MsaEffectiveTomorrow_IsNotInForceYet()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { EffectiveOn = AsOf.AddDays(1) });

        b.Evaluate().Single("MSA_MISSING");
    }

    [Theory]
    [InlineData(EntityStatus.Filed, EntityStatus.Active)]
    [InlineData(EntityStatus.Active, EntityStatus.Filed)]
    [InlineData(EntityStatus.Planned, EntityStatus.Active)]
    public void Evaluate_PcOrMsoNotActive_DoesNotNeedAnMsaYet(EntityStatus pcStatus, EntityStatus msoStatus)
    {
        var b = new ComplianceTestPractice();
        b.NewPc("pc", "Glow Medical PLLC", status: pcStatus);
        b.NewMso("mso", "Glow Management LLC", status: msoStatus);

        b.Evaluate().Lacks("MSA_MISSING");
    }

    [Fact]
    public void Evaluate_MsaInForceWithAnotherPc_DoesNotCoverThisOne()
    {
        var b = ComplianceTestPractice.Compliant();
        var second = b.NewPc("pc2", "Second Medical PLLC");
        b.Stake("s-pc2", second, b.Physician, 100m);

        Assert.Equal(["pc2"], b.Evaluate().All("MSA_MISSING").Select(f => f.SubjectKey));
    }

    [Fact]
    public void Evaluate_MsaMissingEverything_ListsWhatIsMissing()
    {
        var b = ComplianceTestPractice.Compliant(msa: new MsaTerms { EffectiveOn = new DateOnly(2025, 2, 1), ReservedAuthority = MsaTerms.EssentialAuthority }, msaStatus: AgreementStatus.Draft);

        var finding = b.Evaluate().Single("MSA_INCOMPLETE");

        Assert.Equal((Severity.Medium, SubjectType.Agreement, "msa", (Guid?)b.Msa.Id), (finding.Severity, finding.SubjectType, finding.SubjectKey, finding.RecordId));
        Assert.Equal(
            "The MSA \"Management Services Agreement\" between Glow Management LLC and Glow Medical PLLC lacks services in scope, a fee method with its amounts, an initial term and a without-cause notice period.",
            finding.Message);
    }

    [Fact]
    public void Evaluate_MsaWithOnlyCustomServices_HasServices()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { Services = [], CustomServices = ["Front desk"] });

        b.Evaluate().Lacks("MSA_INCOMPLETE");
    }

    [Fact]
    public void Evaluate_HybridFeeWithoutRate_IsIncomplete()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Hybrid(10_000m, null));

        Assert.Contains("a fee method with its amounts", b.Evaluate().Single("MSA_INCOMPLETE").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TerminatedIncompleteMsaWithoutAuthority_IsIgnored()
    {
        var b = ComplianceTestPractice.Compliant(msa: new MsaTerms { EffectiveOn = new DateOnly(2025, 2, 1) }, msaStatus: AgreementStatus.Terminated);

        var report = b.Evaluate();

        report.Lacks("MSA_INCOMPLETE");
        report.Lacks("CLINICAL_AUTHORITY_NOT_RESERVED");
    }

    [Fact]
    public void Evaluate_MsaReservingTwoOfFour_ListsTheMissingAuthority()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with
        {
            ReservedAuthority = [ClinicalAuthority.ClinicalProtocols, ClinicalAuthority.PatientRecords, ClinicalAuthority.CodingAndBilling],
        });

        var finding = b.Evaluate().Single("CLINICAL_AUTHORITY_NOT_RESERVED");

        Assert.Equal((Severity.High, "msa"), (finding.Severity, finding.SubjectKey));
        Assert.Contains("does not reserve clinical staffing and medical direction to the professional entity", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
    [InlineData(AgreementStatus.Executed)]
    public void Evaluate_MsaWithoutAuthorityNotTerminated_FindsAuthorityNotReserved(AgreementStatus status)
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { ReservedAuthority = [] }, msaStatus: status);

        b.Evaluate().Single("CLINICAL_AUTHORITY_NOT_RESERVED");
    }

    [Fact]
    public void Evaluate_MsaEndingInNinetyDaysWithoutRenewal_FindsExpiring()
    {
        var end = AsOf.AddDays(ComplianceEngine.ExpiryWarningDays);
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(end));

        var finding = b.Evaluate().Single("MSA_EXPIRING");

        Assert.Equal((Severity.Medium, SubjectType.Agreement, "msa"), (finding.Severity, finding.SubjectType, finding.SubjectKey));
        Assert.Contains("ends on 2027-02-27, in 90 days, and does not auto-renew", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MsaEndingInNinetyOneDays_IsNotExpiringYet()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf.AddDays(ComplianceEngine.ExpiryWarningDays + 1)));

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_MsaEndingTomorrow_IsExpiring()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf.AddDays(1)));

        b.Evaluate().Single("MSA_EXPIRING");
    }

    [Fact]
    public void Evaluate_MsaThatEndedOnAsOf_IsMissingNotExpiring()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf));

        var report = b.Evaluate();

        report.Lacks("MSA_EXPIRING");
        report.Single("MSA_MISSING");
    }

    [Fact]
    public void Evaluate_AutoRenewingMsaEndingSoon_IsNotExpiring()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf.AddDays(10)) with { AutoRenew = true, RenewalTermMonths = 12 });

        Assert.Empty(b.Evaluate().Findings);
    }

    [Fact]
    public void Evaluate_ApprovedMsaEndingSoon_IsNotInForceSoNotExpiring()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.EndingOn(AsOf.AddDays(10)), msaStatus: AgreementStatus.Approved);

        b.Evaluate().Lacks("MSA_EXPIRING");
    }

    [Fact]
    public void Evaluate_MsaWithoutInitialTerm_NeverExpires()
    {
        var b = ComplianceTestPractice.Compliant(msa: Terms.Complete with { AutoRenew = false, RenewalTermMonths = null, InitialTermMonths = null });

        var report = b.Evaluate();

        report.Lacks("MSA_EXPIRING");
        report.Lacks("MSA_MISSING");
    }
}
