using System.Globalization;
using System.Text.Json;
using MsoManager.Domain.Common;
using MsoManager.Domain.Deadlines;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Tests.Compliance;
using MsoManager.Domain.Tests.Practices;

namespace MsoManager.Domain.Tests.Deadlines;

/// <summary>The deadline catalog of deadlines.md, kind by kind, at its boundaries, and its worked example.</summary>
public sealed class DeadlineCalculatorTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static IReadOnlyList<(string Kind, DateOnly Date, string Key)> Deadlines(Practice practice, string from, string to) =>
        [.. DeadlineCalculator.For(practice, D(from), D(to)).Select(d => (d.Kind, d.Date, d.SubjectKey))];

    [Fact]
    public void HarborExample_GivesExactlyTheExpectedDeadlinesInTheCatalogsOrder()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "deadlines", "example-harbor.json")));
        var root = document.RootElement;
        var practice = ExamplePractice.Build(root.GetProperty("practice"));
        var expected = root.GetProperty("expectedDeadlines").EnumerateArray()
            .Select(d => (d.GetProperty("kind").GetString()!, D(d.GetProperty("date").GetString()!), d.GetProperty("subjectKey").GetString()!));

        var deadlines = DeadlineCalculator.For(practice, D(root.GetProperty("from").GetString()!), D(root.GetProperty("to").GetString()!));

        Assert.Equal(expected, deadlines.Select(d => (d.Kind, d.Date, d.SubjectKey)));
        Assert.Equal(
            "Glow Management LLC - Glow Medical PLLC MSA: last day to give notice before it renews on 2027-10-31",
            deadlines.Single(d => d.Kind == DeadlineKinds.MsaNoticeDeadline).Title);
    }

    // ---- LICENSE_EXPIRES ----

    [Theory]
    [InlineData(LicenseStatus.Active, "2027-03-31", true)]
    [InlineData(LicenseStatus.Active, "2027-03-01", true)] // the window's first day
    [InlineData(LicenseStatus.Active, "2027-02-28", false)] // the day before it
    [InlineData(LicenseStatus.Inactive, "2027-03-31", false)]
    [InlineData(LicenseStatus.Suspended, "2027-03-31", false)]
    public void LicenseExpires_OnlyForAnActiveLicenseExpiringInTheWindow(LicenseStatus status, string expiresOn, bool listed)
    {
        var practice = TestPractice.Create();
        var dana = practice.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
        practice.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", status, null, D(expiresOn)));

        var deadlines = DeadlineCalculator.For(practice, D("2027-03-01"), D("2027-12-31"));

        Assert.Equal(listed ? [(DeadlineKinds.LicenseExpires, D(expiresOn), "dr-smith/md-tx")] : [], deadlines.Select(d => (d.Kind, d.Date, d.SubjectKey)));
        if (listed)
        {
            Assert.Equal(("Dana Smith's MD license TX Q1234 expires", DeadlineSubject.License), (deadlines[0].Title, deadlines[0].SubjectType));
        }
    }

    [Fact]
    public void LicenseExpires_ALicenseWithoutAnExpiryDate_HasNone()
    {
        var practice = TestPractice.Create();
        var dana = practice.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
        practice.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active));

        Assert.Empty(Deadlines(practice, "2000-01-01", "2002-12-31"));
    }

    // ---- MSA_TERM_ENDS and MSA_NOTICE_DEADLINE ----

    private static Agreement Msa(Practice practice, AgreementStatus status, string effectiveOn, int? initial, bool autoRenew = false, int? renewal = null, int? notice = null) =>
        practice.NewMsa(status, new MsaTerms
        {
            EffectiveOn = D(effectiveOn),
            InitialTermMonths = initial,
            AutoRenew = autoRenew,
            RenewalTermMonths = renewal,
            WithoutCauseNoticeDays = notice,
        });

    [Fact]
    public void MsaTermEnds_WithoutAutoRenewal_EndsOnceAtEffectivePlusTheInitialTerm()
    {
        var practice = TestPractice.Create();
        var msa = Msa(practice, AgreementStatus.Executed, "2025-01-31", 13);

        Assert.Equal([(DeadlineKinds.MsaTermEnds, D("2026-02-28"), msa.Key)], Deadlines(practice, "2026-01-01", "2030-12-31"));
        Assert.Empty(Deadlines(practice, "2026-03-01", "2030-12-31"));
        Assert.Contains("does not auto-renew", DeadlineCalculator.For(practice, D("2026-01-01"), D("2026-12-31"))[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void MsaTermEnds_AutoRenewing_EndsEveryRenewalTermCountedFromTheEffectiveDate_SoMonthEndsDoNotDrift()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2024-01-31", 1, autoRenew: true, renewal: 1);

        // 2024-01-31 + 1 = 2024-02-29 (leap), + 2 = 2024-03-31: from the effective date, not from the previous end (which would give 03-29).
        Assert.Equal(
            [D("2024-02-29"), D("2024-03-31"), D("2024-04-30"), D("2024-05-31")],
            Deadlines(practice, "2024-01-01", "2024-05-31").Select(d => d.Date));
    }

    [Fact]
    public void MsaTermEnds_WithoutARenewalTerm_RenewsForTheInitialTerm()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2020-06-15", 24, autoRenew: true);

        Assert.Equal([D("2022-06-15"), D("2024-06-15"), D("2026-06-15")], Deadlines(practice, "2020-01-01", "2027-06-14").Select(d => d.Date));
    }

    [Fact]
    public void MsaTermEnds_ALongRenewedMsa_ListsOnlyTheEndsInTheWindow_FirstAndLastDayIncluded()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "1950-03-10", 12, autoRenew: true, renewal: 1);

        Assert.Equal([D("2030-01-10"), D("2030-02-10")], Deadlines(practice, "2030-01-10", "2030-02-10").Select(d => d.Date));
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InReview)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Terminated)]
    public void MsaTermEnds_AndNotices_OnlyForAnExecutedMsa(AgreementStatus status)
    {
        var practice = TestPractice.Create();
        Msa(practice, status, "2024-01-01", 12, autoRenew: true, notice: 30);

        Assert.DoesNotContain(Deadlines(practice, "2024-01-01", "2026-12-31"), d => d.Kind is DeadlineKinds.MsaTermEnds or DeadlineKinds.MsaNoticeDeadline);
    }

    [Fact]
    public void MsaTermEnds_WithoutAnInitialTerm_HasNone()
    {
        // An executed MSA always has an effective date (Execute requires it); without a term it never ends.
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2024-01-01", null, autoRenew: true, notice: 30);

        Assert.Empty(Deadlines(practice, "2024-01-01", "2026-12-31"));
    }

    [Fact]
    public void MsaNoticeDeadline_IsEachTermEndMinusTheNoticeDays_IncludingForATermEndAfterTheWindow()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2025-03-01", 12, autoRenew: true, notice: 90);

        // Term ends 2026-03-01, 2027-03-01; notice days 2025-12-01, 2026-12-01. The window ends before 2027-03-01 but holds its notice day.
        Assert.Equal(
            [(DeadlineKinds.MsaNoticeDeadline, D("2025-12-01")), (DeadlineKinds.MsaTermEnds, D("2026-03-01")), (DeadlineKinds.MsaNoticeDeadline, D("2026-12-01"))],
            Deadlines(practice, "2025-06-01", "2026-12-31").Select(d => (d.Kind, d.Date)));
    }

    [Fact]
    public void MsaNoticeDeadline_BeforeTheWindowsStart_IsNotListed_EvenWhenItsTermEndIs()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2025-03-01", 12, autoRenew: true, notice: 90);

        Assert.Equal([(DeadlineKinds.MsaTermEnds, D("2026-03-01"))], Deadlines(practice, "2026-01-01", "2026-06-30").Select(d => (d.Kind, d.Date)));
    }

    [Fact]
    public void MsaNoticeDeadline_NotForAnMsaThatDoesNotAutoRenewOrHasNoNoticePeriod()
    {
        var practice = TestPractice.Create();
        Msa(practice, AgreementStatus.Executed, "2025-03-01", 12, autoRenew: false, notice: 90);
        Msa(practice, AgreementStatus.Executed, "2025-03-01", 12, autoRenew: true);

        Assert.DoesNotContain(Deadlines(practice, "2025-01-01", "2027-12-31"), d => d.Kind == DeadlineKinds.MsaNoticeDeadline);
    }

    // ---- FMV_OPINION_REFRESH ----

    [Theory]
    [InlineData(AgreementStatus.Approved, true)]
    [InlineData(AgreementStatus.Executed, true)]
    [InlineData(AgreementStatus.Draft, false)]
    [InlineData(AgreementStatus.Terminated, false)]
    public void FmvOpinionRefresh_IsTheValuationDatePlus24Months_ForAnApprovedOrExecutedMsa(AgreementStatus status, bool listed)
    {
        var practice = TestPractice.Create();
        practice.NewMsa(status, TestPractice.DatedTerms() with { FmvLow = 1, FmvHigh = 2, FmvValuedOn = D("2024-02-29") });

        var fmv = Deadlines(practice, "2026-01-01", "2026-12-31").Where(d => d.Kind == DeadlineKinds.FmvOpinionRefresh).Select(d => d.Date);

        Assert.Equal(listed ? [D("2026-02-28")] : [], fmv);
    }

    // ---- ANNUAL_REPORT_DUE ----

    [Fact]
    public void AnnualReportDue_EveryYearInTheWindow_29FebruaryBeing28FebruaryInOtherYears()
    {
        var practice = TestPractice.Create();
        practice.AddEntity("pc", EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = 2, AnnualReportDueDay = 29 });

        Assert.Equal([D("2027-02-28"), D("2028-02-29"), D("2029-02-28")], Deadlines(practice, "2026-03-01", "2029-12-31").Select(d => d.Date));
        Assert.Equal("Glow Medical PLLC: annual report due in TX", DeadlineCalculator.For(practice, D("2027-01-01"), D("2027-12-31"))[0].Title);
    }

    [Theory]
    [InlineData(EntityStatus.Filed, true)]
    [InlineData(EntityStatus.Active, true)]
    [InlineData(EntityStatus.Planned, false)]
    [InlineData(EntityStatus.Dissolved, false)]
    public void AnnualReportDue_OnlyForAFiledOrActiveEntity(EntityStatus status, bool listed)
    {
        var practice = TestPractice.Create();
        practice.AddEntity("mso", EntityKind.ManagementCompany,
            TestPractice.EntityDetails("Glow Management LLC", EntityForm.LLC) with { Status = status, AnnualReportDueMonth = 1, AnnualReportDueDay = 31 });

        Assert.Equal(listed ? [(DeadlineKinds.AnnualReportDue, D("2027-01-31"), "mso")] : [], Deadlines(practice, "2027-01-31", "2027-01-31"));
    }

    // ---- SETUP_TASK_DUE ----

    [Theory]
    [InlineData(SetupTaskStatus.Todo, true)]
    [InlineData(SetupTaskStatus.InProgress, true)]
    [InlineData(SetupTaskStatus.Done, false)]
    [InlineData(SetupTaskStatus.NotApplicable, false)]
    public void SetupTaskDue_OnlyForATaskStillToDo(SetupTaskStatus status, bool listed)
    {
        var practice = TestPractice.Create();
        practice.AddSetupTask("ein", new SetupTaskDetails(SetupPhase.Banking, "Obtain the PC's EIN", status, null, D("2027-04-15")));

        Assert.Equal(listed ? [(DeadlineKinds.SetupTaskDue, D("2027-04-15"), "ein")] : [], Deadlines(practice, "2027-01-01", "2027-12-31"));
    }

    // ---- Order and window ----

    [Fact]
    public void OneDate_IsOrderedByKindThenSubjectKey_Ordinally()
    {
        var practice = TestPractice.Create();
        foreach (var key in new[] { "b", "C", "a" })
        {
            practice.AddSetupTask(key, new SetupTaskDetails(SetupPhase.Banking, $"Task {key}", SetupTaskStatus.Todo, null, D("2027-06-30")));
        }

        practice.AddEntity("pc", EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = 6, AnnualReportDueDay = 30 });

        Assert.Equal(
            [(DeadlineKinds.AnnualReportDue, "pc"), (DeadlineKinds.SetupTaskDue, "C"), (DeadlineKinds.SetupTaskDue, "a"), (DeadlineKinds.SetupTaskDue, "b")],
            Deadlines(practice, "2027-06-30", "2027-06-30").Select(d => (d.Kind, d.Key)));
    }

    [Fact]
    public void OpenFor_ListsWhatIsOverdueFromBeforeTheWindowFirst_ButNotAPastDateThatIsSimplyPast()
    {
        var practice = TestPractice.Create();
        var dana = practice.AddPerson("dr-smith", new PersonDetails("Dana Smith"));
        practice.AddLicense(dana.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active, null, D("2020-05-01")));
        practice.AddEntity("pc", EntityKind.ProfessionalEntity, TestPractice.EntityDetails("Glow Medical PLLC") with { AnnualReportDueMonth = 6, AnnualReportDueDay = 30 });

        var open = DeadlineCalculator.OpenFor(practice, D("2027-01-01"), D("2027-12-31"), D("2027-01-01"));

        Assert.Equal([(DeadlineKinds.LicenseExpires, D("2020-05-01")), (DeadlineKinds.AnnualReportDue, D("2027-06-30"))], open.Select(d => (d.Kind, d.Date)));
    }

    [Fact]
    public void AReversedWindow_IsRefusedNamingTo()
    {
        Assert.Equal("to", Assert.Throws<DomainRuleException>(() => DeadlineCalculator.For(TestPractice.Create(), D("2027-01-02"), D("2027-01-01"))).Field);
    }

    [Theory]
    [InlineData("2027-01-01", "2027-01-01", null)]
    [InlineData("2027-01-01", "2030-01-05", null)] // 1,100 days
    [InlineData("2027-01-01", "2030-01-06", "The window may be at most 1100 days long; this one is 1101.")]
    [InlineData("2027-01-02", "2027-01-01", "To must not be before from.")]
    public void Window_Validate_RefusesAReversedOrOverlongWindow(string from, string to, string? message)
    {
        Assert.Equal(message, DeadlineWindow.Validate(D(from), D(to)));
    }

    [Theory]
    [InlineData(DeadlineKinds.SetupTaskDue, true)]
    [InlineData(DeadlineKinds.LicenseExpires, true)]
    [InlineData(DeadlineKinds.FmvOpinionRefresh, true)]
    [InlineData(DeadlineKinds.AnnualReportDue, false)]
    [InlineData(DeadlineKinds.MsaTermEnds, false)]
    [InlineData(DeadlineKinds.MsaNoticeDeadline, false)]
    public void Deadline_IsOverdueOnlyAfterItsDate_AndOnlyForAKindThatStaysOpen(string kind, bool staysOpen)
    {
        var deadline = new Deadline(kind, D("2027-01-01"), DeadlineSubject.SetupTask, "t", Guid.NewGuid(), "t");

        Assert.Equal((false, false, staysOpen), (deadline.IsOverdue(D("2026-12-31")), deadline.IsOverdue(D("2027-01-01")), deadline.IsOverdue(D("2027-01-02"))));
    }
}
