using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>
/// Builds practices for compliance tests through the domain API, with short names for the records a
/// rule looks at. <see cref="Compliant"/> gives the clean Texas structure of example-clean-tx.json, which
/// each test changes in the one way it is about.
/// </summary>
internal sealed class ComplianceTestPractice
{
    /// <summary>The evaluation date of the tests and of the spec's examples.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 29);

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public ComplianceTestPractice(string primaryState = "TX")
    {
        Practice = Practice.Create(Guid.NewGuid(), "Glow Aesthetics", StateCode.From(primaryState), PracticeStatus.Operating, null, Now);
    }

    public Practice Practice { get; }

    /// <summary>Set by <see cref="Compliant"/>: the professional entity, the MSO, the physician owner, the lay MSO owner, the physician's stake and the MSA.</summary>
    public LegalEntity Pc { get; private set; } = null!;

    public LegalEntity Mso { get; private set; } = null!;

    public Person Physician { get; private set; } = null!;

    public Person Lay { get; private set; } = null!;

    public OwnershipStake PcStake { get; private set; } = null!;

    public OwnershipStake MsoStake { get; private set; } = null!;

    public Agreement Msa { get; private set; } = null!;

    /// <summary>
    /// A sound structure in <paramref name="state"/>: an active PLLC owned 100% by an MD licensed there,
    /// an active MSO owned by a lay person, an MSA (executed, complete, a flat fee inside its FMV range,
    /// unless <paramref name="msa"/> and <paramref name="msaStatus"/> say otherwise; none when <paramref name="withMsa"/> is false).
    /// </summary>
    public static ComplianceTestPractice Compliant(
        string state = "TX", EntityForm form = EntityForm.PLLC, MsaTerms? msa = null, AgreementStatus msaStatus = AgreementStatus.Executed, bool withMsa = true)
    {
        var b = new ComplianceTestPractice(state);
        b.Location(state);
        b.Pc = b.Entity("pc", EntityKind.ProfessionalEntity, "Glow Medical PLLC", state, form);
        b.Mso = b.Entity("mso", EntityKind.ManagementCompany, "Glow Management LLC", state, EntityForm.LLC);
        b.Physician = b.Licensed("dr-smith", "Dana Smith", state);
        b.Lay = b.Person("alex", "Alex Kim");
        b.PcStake = b.Stake("s1", b.Pc, b.Physician, 100m, from: new DateOnly(2025, 1, 10));
        b.MsoStake = b.Stake("s2", b.Mso, b.Lay, 100m);
        if (withMsa)
        {
            b.Msa = b.AddMsa(msa ?? Terms.Complete, msaStatus);
        }

        return b;
    }

    public Location Location(string state, string city = "Austin") =>
        Practice.AddLocation(null, new LocationDetails("1 Main St", city, StateCode.From(state), "78701"));

    public LegalEntity Entity(string key, EntityKind kind, string legalName, string state = "TX", EntityForm form = EntityForm.PLLC, EntityStatus status = EntityStatus.Active) =>
        Practice.AddEntity(key, kind, new LegalEntityDetails(legalName, form, StateCode.From(state), status));

    public LegalEntity NewPc(string key, string legalName, string state = "TX", EntityForm form = EntityForm.PLLC, EntityStatus status = EntityStatus.Active) =>
        Entity(key, EntityKind.ProfessionalEntity, legalName, state, form, status);

    public LegalEntity NewMso(string key, string legalName, string state = "TX", EntityStatus status = EntityStatus.Active) =>
        Entity(key, EntityKind.ManagementCompany, legalName, state, EntityForm.LLC, status);

    public Person Person(string key, string name) => Practice.AddPerson(key, new PersonDetails(name));

    /// <summary>A person with one active license of <paramref name="type"/> in <paramref name="state"/>, expiring 2028-08-31 unless told.</summary>
    public Person Licensed(string key, string name, string state = "TX", LicenseType type = LicenseType.MD, DateOnly? expiresOn = null)
    {
        var person = Person(key, name);
        License(person, type, state, expiresOn ?? new DateOnly(2028, 8, 31));
        return person;
    }

    public License License(Person person, LicenseType type, string state, DateOnly? expiresOn = null, LicenseStatus status = LicenseStatus.Active, DateOnly? issuedOn = null) =>
        Practice.AddLicense(person.Id, null, new LicenseDetails(type, StateCode.From(state), $"N{person.Licenses.Count + 1}", status, issuedOn, expiresOn));

    public Organization Organization(string key, string name) => Practice.AddOrganization(key, name, OrganizationKind.InvestmentFund);

    public OwnershipStake Stake(string key, LegalEntity entity, Person owner, decimal percent, DateOnly? from = null, DateOnly? to = null) =>
        Practice.AddStake(key, new StakeDetails(entity.Id, StakeOwner.OfPerson(owner.Id), Percentage.From(percent, "Percent", allowZero: false), from, to));

    public OwnershipStake Stake(string key, LegalEntity entity, Organization owner, decimal percent) =>
        Practice.AddStake(key, new StakeDetails(entity.Id, StakeOwner.OfOrganization(owner.Id), Percentage.From(percent, "Percent", allowZero: false)));

    /// <summary>Changes a person's stake to <paramref name="percent"/> (and to <paramref name="owner"/> when given), keeping its dates.</summary>
    public void Resize(OwnershipStake stake, decimal percent, Person? owner = null) =>
        Practice.UpdateStake(stake.Id, new StakeDetails(
            stake.EntityId, StakeOwner.OfPerson(owner?.Id ?? stake.OwnerPersonId!.Value), Percentage.From(percent, "Percent", allowZero: false), stake.From, stake.To));

    public EntityRole Role(Person person, LegalEntity entity, EntityRoleKind kind, DateOnly? from = null, DateOnly? to = null) =>
        Practice.AddRole(person.Id, null, new EntityRoleDetails(entity.Id, kind, from, to));

    /// <summary>An MSA between <see cref="Mso"/> and <see cref="Pc"/> (or the parties given), added with <paramref name="status"/>.</summary>
    public Agreement AddMsa(MsaTerms terms, AgreementStatus status = AgreementStatus.Executed, string key = "msa", LegalEntity? mso = null, LegalEntity? pc = null) =>
        Practice.ImportAgreement(key, AgreementType.ManagementServicesAgreement, "Management Services Agreement", (mso ?? Mso).Id, (pc ?? Pc).Id, terms, status);

    public FinancialMonth Month(LegalEntity pc, string month, decimal collections, decimal clinicalExpenses, decimal feePaid) =>
        Practice.RecordFinancialMonth(pc.Id, YearMonth.Parse(month, "Month"), new FinancialFigures(
            Money.From(collections, "Collections"), Money.From(clinicalExpenses, "ClinicalExpenses"), Money.From(feePaid, "ManagementFeePaid")));

    /// <summary>Runs the engine on <paramref name="asOf"/> (default <see cref="AsOf"/>) with the TX, CA and NY rows, or the rows given.</summary>
    public ComplianceReport Evaluate(DateOnly? asOf = null, params StateRule[] rows) =>
        ComplianceEngine.Evaluate(Practice, asOf ?? AsOf, StateRows.Book(rows));
}

/// <summary>MSA terms for tests: <see cref="Complete"/> is the example MSA; the others change its fee.</summary>
internal static class Terms
{
    public static readonly MsaTerms Complete = new()
    {
        EffectiveOn = new DateOnly(2025, 2, 1),
        InitialTermMonths = 60,
        AutoRenew = true,
        RenewalTermMonths = 12,
        WithoutCauseNoticeDays = 90,
        Services = Enum.GetValues<ServiceLine>(),
        FeeMethod = FeeMethod.FlatMonthly,
        FlatMonthly = 25_000m,
        FmvLow = 240_000m,
        FmvHigh = 360_000m,
        FmvValuedOn = new DateOnly(2025, 6, 5),
        Valuator = "Example Valuation LLC",
        ReservedAuthority = MsaTerms.EssentialAuthority,
    };

    public static MsaTerms Flat(decimal monthly) => Complete with { FeeMethod = FeeMethod.FlatMonthly, FlatMonthly = monthly };

    public static MsaTerms Percent(decimal? rate) => Complete with { FeeMethod = FeeMethod.PercentOfCollections, FlatMonthly = null, RatePercent = rate };

    public static MsaTerms Hybrid(decimal? monthly, decimal? rate) => Complete with { FeeMethod = FeeMethod.Hybrid, FlatMonthly = monthly, RatePercent = rate };

    public static MsaTerms CostPlus(decimal markup) => Complete with { FeeMethod = FeeMethod.CostPlus, FlatMonthly = null, MarkupPercent = markup };

    /// <summary>Terms whose initial term ends on <paramref name="end"/> (effective a year before), without auto-renewal.</summary>
    public static MsaTerms EndingOn(DateOnly end) => Complete with { EffectiveOn = end.AddMonths(-12), InitialTermMonths = 12, AutoRenew = false, RenewalTermMonths = null };
}

/// <summary>Assertions about a report's findings by code.</summary>
internal static class ReportAssert
{
    public static Finding Single(this ComplianceReport report, string code) => Assert.Single(report.Findings, f => f.Code == code);

    public static void Lacks(this ComplianceReport report, string code) => Assert.DoesNotContain(report.Findings, f => f.Code == code);

    public static IReadOnlyList<Finding> All(this ComplianceReport report, string code) => [.. report.Findings.Where(f => f.Code == code)];
}
