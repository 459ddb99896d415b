using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Infrastructure.Seeding;

/// <summary>
/// The demo workspace's four practices, each a full structure with a few problems a reviewer
/// should spot (noted in each practice's notes). Dates that matter for "today" are relative to it.
/// </summary>
internal static class DemoPractices
{
    public static IReadOnlyList<Practice> Create(Guid workspaceId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [Glow(workspaceId, now, today), Pacific(workspaceId, now), Coral(workspaceId, now, today), Hudson(workspaceId, now)];
    }

    private static readonly ServiceLine[] AllServices = Enum.GetValues<ServiceLine>();

    private static readonly ClinicalAuthority[] EssentialAuthority = [.. MsaTerms.EssentialAuthority];

    /// <summary>Texas, operating and mostly sound; the medical director's license lapses within 90 days.</summary>
    private static Practice Glow(Guid workspaceId, DateTimeOffset now, DateOnly today)
    {
        var practice = Practice.Create(workspaceId, "Glow Aesthetics", StateCode.From("TX"), PracticeStatus.Operating,
            "Austin med spa. Watch: Dr. Smith's Texas license must be renewed soon.", now);
        practice.AddLocation("austin", new LocationDetails("1 Congress Ave", "Austin", StateCode.From("TX"), "78701"));
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails(
            "Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active, Ein: "12-3456789",
            FormedOn: new DateOnly(2025, 1, 10), RegisteredAgent: "Texas Agents Inc.", AnnualReportDueMonth: 5, AnnualReportDueDay: 15));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails(
            "Glow Management LLC", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active, Ein: "98-7654321", FormedOn: new DateOnly(2025, 1, 12)));
        var smith = practice.AddPerson("dr-smith", new PersonDetails("Dana Smith, MD", "dana@glow.example", "512-555-0101"));
        practice.AddLicense(smith.Id, "md-tx", new LicenseDetails(LicenseType.MD, StateCode.From("TX"), "Q1234", LicenseStatus.Active,
            new DateOnly(2015, 9, 1), today.AddDays(45)));
        practice.AddRole(smith.Id, "medical-director", new EntityRoleDetails(pc.Id, EntityRoleKind.MedicalDirector, new DateOnly(2025, 1, 10)));
        practice.AddRole(smith.Id, "pc-officer", new EntityRoleDetails(pc.Id, EntityRoleKind.Officer, new DateOnly(2025, 1, 10)));
        var alex = practice.AddPerson("alex", new PersonDetails("Alex Kim", "alex@glow.example"));
        practice.AddRole(alex.Id, "mso-manager", new EntityRoleDetails(mso.Id, EntityRoleKind.Manager, new DateOnly(2025, 1, 12)));
        var fund = practice.AddOrganization("fund", "Seed Fund I LP", OrganizationKind.InvestmentFund);
        practice.AddStake("s1", new StakeDetails(pc.Id, StakeOwner.OfPerson(smith.Id), Percentage.From(100, "Percent"), new DateOnly(2025, 1, 10)));
        practice.AddStake("s2", new StakeDetails(mso.Id, StakeOwner.OfPerson(alex.Id), Percentage.From(70, "Percent"), new DateOnly(2025, 1, 12)));
        practice.AddStake("s3", new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), Percentage.From(30, "Percent"), new DateOnly(2025, 1, 12)));
        var msa = practice.AddAgreement("msa", AgreementType.ManagementServicesAgreement, "Management Services Agreement", mso.Id, pc.Id, new MsaTerms
        {
            EffectiveOn = new DateOnly(2025, 2, 1),
            InitialTermMonths = 60,
            AutoRenew = true,
            RenewalTermMonths = 12,
            WithoutCauseNoticeDays = 90,
            ForCauseProvisions = "Material breach uncured for 30 days; loss of licensure.",
            Services = AllServices,
            FeeMethod = FeeMethod.FlatMonthly,
            FlatMonthly = 25_000,
            PaymentTerms = "Monthly in arrears, net 15.",
            FmvLow = 240_000,
            FmvHigh = 360_000,
            FmvValuedOn = new DateOnly(2025, 1, 5),
            Valuator = "Example Valuation LLC",
            ReservedAuthority = EssentialAuthority,
        });
        msa.RecordExecutedAfterOutsideReview(new OutsideReview("Jordan Lee, Lee Health Law PLLC", new DateOnly(2025, 1, 20)), MemberRole.Owner);
        RecordMonths(practice, pc.Id, YearMonth.Of(today).AddMonths(-3), 3, collections: 120_000, clinical: 40_000, fee: 25_000);
        AddTasks(practice, done: [("Form the professional entity", SetupPhase.ProfessionalEntity), ("Obtain the PC's EIN", SetupPhase.ProfessionalEntity),
            ("Form the MSO", SetupPhase.ManagementCompany), ("FMV opinion", SetupPhase.Agreements), ("Sign the MSA", SetupPhase.Agreements)],
            open: [("Renew Dr. Smith's Texas license", SetupPhase.Operations, today.AddDays(30))], recordId: msa.Id);
        return practice;
    }

    /// <summary>California, planning: a nurse practitioner holds a stake in the PC and the draft MSA reserves too little.</summary>
    private static Practice Pacific(Guid workspaceId, DateTimeOffset now)
    {
        var practice = Practice.Create(workspaceId, "Pacific Skin Studio", StateCode.From("CA"), PracticeStatus.Planning,
            "Los Angeles. Problems to spot: the NP founder owns part of the medical corporation; the draft MSA takes 40% of collections and reserves only clinical protocols.", now);
        practice.AddLocation("la", new LocationDetails("800 Sunset Blvd", "Los Angeles", StateCode.From("CA"), "90028"));
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails(
            "Pacific Skin Medical Corporation", EntityForm.PC, StateCode.From("CA"), EntityStatus.Filed, FormedOn: new DateOnly(2026, 9, 1)));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails(
            "Pacific Skin Management LLC", EntityForm.LLC, StateCode.From("CA"), EntityStatus.Active, FormedOn: new DateOnly(2026, 8, 15)));
        var priya = practice.AddPerson("priya", new PersonDetails("Priya Patel, NP", "priya@pacific.example"));
        practice.AddLicense(priya.Id, "np-ca", new LicenseDetails(LicenseType.NP, StateCode.From("CA"), "NP95001", LicenseStatus.Active, new DateOnly(2018, 6, 1), new DateOnly(2028, 5, 31)));
        var lee = practice.AddPerson("dr-lee", new PersonDetails("Jordan Lee, MD", "jordan@pacific.example"));
        practice.AddLicense(lee.Id, "md-ca", new LicenseDetails(LicenseType.MD, StateCode.From("CA"), "A123456", LicenseStatus.Active, new DateOnly(2012, 7, 1), new DateOnly(2028, 7, 31)));
        practice.AddStake("s1", new StakeDetails(pc.Id, StakeOwner.OfPerson(lee.Id), Percentage.From(51, "Percent"), new DateOnly(2026, 9, 1)));
        practice.AddStake("s2", new StakeDetails(pc.Id, StakeOwner.OfPerson(priya.Id), Percentage.From(49, "Percent"), new DateOnly(2026, 9, 1)));
        practice.AddStake("s3", new StakeDetails(mso.Id, StakeOwner.OfPerson(priya.Id), Percentage.From(100, "Percent"), new DateOnly(2026, 8, 15)));
        var msa = practice.AddAgreement("msa", AgreementType.ManagementServicesAgreement, "Management Services Agreement (draft)", mso.Id, pc.Id, new MsaTerms
        {
            InitialTermMonths = 36,
            WithoutCauseNoticeDays = 60,
            Services = [ServiceLine.Marketing, ServiceLine.Technology, ServiceLine.Facilities],
            FeeMethod = FeeMethod.PercentOfCollections,
            RatePercent = 45, // Version 1; DemoReviews lowers it to 40% (version 2) after the attorney's first review.
            ReservedAuthority = [ClinicalAuthority.ClinicalProtocols],
        });
        AddTasks(practice, done: [("Form the MSO", SetupPhase.ManagementCompany)],
            open: [("Restructure PC ownership to physicians only", SetupPhase.ProfessionalEntity, null), ("Attorney review of the MSA", SetupPhase.Agreements, null),
                ("FMV opinion", SetupPhase.Agreements, null)], recordId: msa.Id);
        return practice;
    }

    /// <summary>Florida, operating: a percentage fee that leaves the PC with nothing, and an old FMV opinion.</summary>
    private static Practice Coral(Guid workspaceId, DateTimeOffset now, DateOnly today)
    {
        var practice = Practice.Create(workspaceId, "Coral Med Spa", StateCode.From("FL"), PracticeStatus.Operating,
            "Miami. Problems to spot: the fee is 45% of collections and the PC has kept nothing for months; the FMV opinion is over two years old.", now);
        practice.AddLocation("miami", new LocationDetails("100 Ocean Dr", "Miami Beach", StateCode.From("FL"), "33139"));
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails(
            "Coral Medical PA", EntityForm.PA, StateCode.From("FL"), EntityStatus.Active, Ein: "59-1234567", FormedOn: new DateOnly(2022, 3, 1)));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails(
            "Coral Management LLC", EntityForm.LLC, StateCode.From("FL"), EntityStatus.Active, FormedOn: new DateOnly(2022, 2, 1)));
        var garcia = practice.AddPerson("dr-garcia", new PersonDetails("Maria Garcia, DO", "maria@coral.example"));
        practice.AddLicense(garcia.Id, "do-fl", new LicenseDetails(LicenseType.DO, StateCode.From("FL"), "OS12345", LicenseStatus.Active, new DateOnly(2010, 1, 1), new DateOnly(2028, 3, 31)));
        var owner = practice.AddPerson("sam", new PersonDetails("Sam Rivera"));
        practice.AddStake("s1", new StakeDetails(pc.Id, StakeOwner.OfPerson(garcia.Id), Percentage.From(100, "Percent"), new DateOnly(2022, 3, 1)));
        practice.AddStake("s2", new StakeDetails(mso.Id, StakeOwner.OfPerson(owner.Id), Percentage.From(100, "Percent"), new DateOnly(2022, 2, 1)));
        // Signed before the practice used MSO Manager: recorded as it arrived, marked as imported.
        practice.ImportAgreement("msa", AgreementType.ManagementServicesAgreement, "Management Services Agreement", mso.Id, pc.Id, new MsaTerms
        {
            EffectiveOn = new DateOnly(2022, 4, 1),
            InitialTermMonths = 60,
            AutoRenew = true,
            RenewalTermMonths = 12,
            WithoutCauseNoticeDays = 180,
            Services = AllServices,
            FeeMethod = FeeMethod.PercentOfCollections,
            RatePercent = 45,
            FmvLow = 300_000,
            FmvHigh = 420_000,
            FmvValuedOn = new DateOnly(2022, 3, 1),
            Valuator = "Sunshine Appraisals",
            ReservedAuthority = EssentialAuthority,
        }, AgreementStatus.Executed);
        RecordMonths(practice, pc.Id, YearMonth.Of(today).AddMonths(-4), 4, collections: 90_000, clinical: 52_000, fee: 40_500);
        AddTasks(practice, done: [("Form the PA", SetupPhase.ProfessionalEntity), ("Sign the MSA", SetupPhase.Agreements)],
            open: [("Update the FMV opinion", SetupPhase.Agreements, null)], recordId: null);
        return practice;
    }

    /// <summary>New York, planning: a lay investor owns part of the PLLC and there is no MSA yet.</summary>
    private static Practice Hudson(Guid workspaceId, DateTimeOffset now)
    {
        var practice = Practice.Create(workspaceId, "Hudson Laser & Skin", StateCode.From("NY"), PracticeStatus.Planning,
            "Brooklyn. Problems to spot: a lay investor is listed as an owner of the PLLC; the MSO and PLLC have no MSA.", now);
        practice.AddLocation("brooklyn", new LocationDetails("200 Bedford Ave", "Brooklyn", StateCode.From("NY"), "11249"));
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails(
            "Hudson Dermatology PLLC", EntityForm.PLLC, StateCode.From("NY"), EntityStatus.Active, FormedOn: new DateOnly(2026, 6, 1)));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails(
            "Hudson Aesthetics Management LLC", EntityForm.LLC, StateCode.From("NY"), EntityStatus.Active, FormedOn: new DateOnly(2026, 5, 20)));
        var chen = practice.AddPerson("dr-chen", new PersonDetails("Wei Chen, MD", "wei@hudson.example"));
        practice.AddLicense(chen.Id, "md-ny", new LicenseDetails(LicenseType.MD, StateCode.From("NY"), "301234", LicenseStatus.Active, new DateOnly(2011, 8, 1), new DateOnly(2027, 12, 31)));
        var investor = practice.AddPerson("investor", new PersonDetails("Blake Morgan", "blake@capital.example"));
        practice.AddRole(investor.Id, "pc-director", new EntityRoleDetails(pc.Id, EntityRoleKind.Director, new DateOnly(2026, 6, 1)));
        practice.AddStake("s1", new StakeDetails(pc.Id, StakeOwner.OfPerson(chen.Id), Percentage.From(51, "Percent"), new DateOnly(2026, 6, 1)));
        practice.AddStake("s2", new StakeDetails(pc.Id, StakeOwner.OfPerson(investor.Id), Percentage.From(49, "Percent"), new DateOnly(2026, 6, 1)));
        practice.AddStake("s3", new StakeDetails(mso.Id, StakeOwner.OfPerson(investor.Id), Percentage.From(100, "Percent"), new DateOnly(2026, 5, 20)));
        AddTasks(practice, done: [("Form the PLLC", SetupPhase.ProfessionalEntity), ("Form the MSO", SetupPhase.ManagementCompany)],
            open: [("Buy out the lay investor's PLLC stake", SetupPhase.ProfessionalEntity, null), ("Draft the MSA", SetupPhase.Agreements, null),
                ("Open the PLLC's bank account", SetupPhase.Banking, null)], recordId: null);
        return practice;
    }

    private static void RecordMonths(Practice practice, Guid entityId, YearMonth first, int count, decimal collections, decimal clinical, decimal fee)
    {
        for (var i = 0; i < count; i++)
        {
            practice.RecordFinancialMonth(entityId, first.AddMonths(i), new FinancialFigures(
                Money.From(collections + (i * 1_000), "Collections"), Money.From(clinical, "ClinicalExpenses"), Money.From(fee, "ManagementFeePaid")));
        }
    }

    private static void AddTasks(Practice practice, (string Title, SetupPhase Phase)[] done, (string Title, SetupPhase Phase, DateOnly? Due)[] open, Guid? recordId)
    {
        foreach (var (title, phase) in done)
        {
            practice.AddSetupTask(null, new SetupTaskDetails(phase, title, SetupTaskStatus.Done, "Consultant"));
        }

        foreach (var (title, phase, due) in open)
        {
            practice.AddSetupTask(null, new SetupTaskDetails(phase, title, SetupTaskStatus.Todo, "Founder", due, phase == SetupPhase.Agreements ? recordId : null));
        }
    }
}
