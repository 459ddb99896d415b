using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Benchmarks;

/// <summary>
/// Builds practices of a realistic size through the domain API, reproducibly from a seed: one to
/// three locations, a professional entity and an MSO (a second PC for some multi-state practices),
/// five to eight people with licenses and roles, physician and lay owners, an MSA and a medical
/// director agreement, eighteen financial months and a dozen setup tasks. A share of them carries the
/// usual problems (a lay PC owner, an expiring license, a percentage fee, a stale FMV opinion).
/// </summary>
internal static class PracticeGenerator
{
    private static readonly string[] ProblemStates = ["CA", "NY", "TX", "FL", "NJ", "IL", "WA", "OR", "MI", "AZ", "CO", "GA"];

    public static Practice Create(Guid workspaceId, int n, DateOnly asOf)
    {
        var random = new Random(n);
        var state = StateCode.From(ProblemStates[n % ProblemStates.Length]);
        var practice = Practice.Create(workspaceId, $"Practice {n:00000}", state, PracticeStatus.Operating, null, DateTimeOffset.UnixEpoch.AddDays(n));
        var otherState = StateCode.All[(n * 7) % StateCode.All.Count];
        var locations = 1 + (n % 3);
        for (var i = 0; i < locations; i++)
        {
            practice.AddLocation(null, new LocationDetails($"{100 + i} Main St", $"City {i}", i == 2 ? otherState : state, "10001"));
        }

        var formed = asOf.AddYears(-2);
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity,
            new LegalEntityDetails($"Practice {n} Medical PC", n % 5 == 0 ? EntityForm.PLLC : EntityForm.PC, state, EntityStatus.Active, Ein: "12-3456789", FormedOn: formed,
                AnnualReportDueMonth: formed.Month, AnnualReportDueDay: formed.Day));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany,
            new LegalEntityDetails($"Practice {n} Management LLC", EntityForm.LLC, state, EntityStatus.Active, FormedOn: formed,
                AnnualReportDueMonth: 5, AnnualReportDueDay: 15));
        if (locations == 3)
        {
            practice.AddEntity("pc-2", EntityKind.ProfessionalEntity, new LegalEntityDetails($"Practice {n} Medical PC ({otherState.Value})", EntityForm.PC, otherState, EntityStatus.Filed, FormedOn: formed));
        }

        var people = 5 + (n % 4);
        var physicians = new List<Person>();
        var lay = new List<Person>();
        for (var i = 0; i < people; i++)
        {
            var person = practice.AddPerson(null, new PersonDetails($"Person {n}-{i}", $"p{i}@example.com"));
            var license = i switch
            {
                0 or 1 => LicenseType.MD,
                2 => LicenseType.NP,
                3 => LicenseType.RN,
                _ => (LicenseType?)null,
            };
            if (license is { } type)
            {
                var expires = i == 1 && n % 4 == 0 ? asOf.AddDays(30 + random.Next(60)) : asOf.AddYears(2);
                practice.AddLicense(person.Id, null, new LicenseDetails(type, state, $"L{n}-{i}", LicenseStatus.Active, formed.AddYears(-5), expires));
                if (i == 2)
                {
                    practice.AddLicense(person.Id, null, new LicenseDetails(LicenseType.RN, state, $"R{n}-{i}", LicenseStatus.Active, formed.AddYears(-8), asOf.AddYears(1)));
                }
            }

            (license is LicenseType.MD ? physicians : lay).Add(person);
            var role = i switch
            {
                0 => (pc.Id, EntityRoleKind.MedicalDirector),
                1 => (pc.Id, EntityRoleKind.Officer),
                2 or 3 => (pc.Id, EntityRoleKind.Employee),
                _ => (mso.Id, EntityRoleKind.Manager),
            };
            practice.AddRole(person.Id, null, new EntityRoleDetails(role.Item1, role.Item2, formed));
        }

        var fund = practice.AddOrganization(null, "Seed Fund LP", OrganizationKind.InvestmentFund);
        if (n % 6 == 0)
        {
            // A lay owner in the PC: the classic problem.
            practice.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(physicians[0].Id), Percentage.From(60, "Percent"), formed));
            practice.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(lay[^1].Id), Percentage.From(40, "Percent"), formed));
        }
        else
        {
            practice.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(physicians[0].Id), Percentage.From(50, "Percent"), formed, asOf.AddYears(1)));
            practice.AddStake(null, new StakeDetails(pc.Id, StakeOwner.OfPerson(physicians[1].Id), Percentage.From(50, "Percent"), formed));
        }

        practice.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfPerson(lay[0].Id), Percentage.From(70, "Percent")));
        practice.AddStake(null, new StakeDetails(mso.Id, StakeOwner.OfOrganization(fund.Id), Percentage.From(30, "Percent")));

        var percentFee = n % 7 == 0;
        var terms = new MsaTerms
        {
            // Every fourth MSA has run for years, so its renewals and notice days fall in the coming year.
            EffectiveOn = n % 4 == 0 ? asOf.AddYears(-6).AddDays(n % 365) : formed.AddMonths(1),
            InitialTermMonths = 60,
            AutoRenew = n % 3 != 0,
            RenewalTermMonths = 12,
            WithoutCauseNoticeDays = 90,
            Services = [ServiceLine.Marketing, ServiceLine.HumanResources, ServiceLine.Technology, ServiceLine.Facilities, ServiceLine.FinancialReporting],
            CustomServices = ["Front desk"],
            FeeMethod = percentFee ? FeeMethod.PercentOfCollections : FeeMethod.FlatMonthly,
            FlatMonthly = percentFee ? null : 20_000 + (n % 10 * 1_000),
            RatePercent = percentFee ? 20 : null,
            FmvLow = 200_000,
            FmvHigh = 320_000,
            FmvValuedOn = n % 8 == 0 ? asOf.AddMonths(-30) : n % 8 == 1 ? asOf.AddMonths(-18) : asOf.AddMonths(-6),
            Valuator = "Example Valuation LLC",
            ReservedAuthority = n % 9 == 0 ? [.. MsaTerms.EssentialAuthority.Take(3)] : [.. MsaTerms.EssentialAuthority],
        };
        var msa = practice.ImportAgreement("msa", AgreementType.ManagementServicesAgreement, "Management Services Agreement", mso.Id, pc.Id, terms, AgreementStatus.Executed);
        practice.ImportAgreement("mda", AgreementType.MedicalDirectorAgreement, "Medical Director Agreement", null, pc.Id, MsaTerms.Empty, AgreementStatus.Executed);

        var month = YearMonth.Of(asOf);
        for (var i = 1; i <= 18; i++)
        {
            var m = month.AddMonths(-i);
            var collections = 90_000 + random.Next(60_000);
            practice.RecordFinancialMonth(pc.Id, m, new FinancialFigures(
                Money.From(collections, "Collections"), Money.From(collections * 0.45m, "ClinicalExpenses"), Money.From(terms.FlatMonthly ?? collections * 0.2m, "ManagementFeePaid")));
        }

        foreach (var phase in Enum.GetValues<SetupPhase>())
        {
            practice.AddSetupTask(null, new SetupTaskDetails(phase, $"{phase} step 1", SetupTaskStatus.Done, RecordId: msa.Id));
            practice.AddSetupTask(null, new SetupTaskDetails(phase, $"{phase} step 2", SetupTaskStatus.Todo, DueOn: asOf.AddDays(30)));
        }

        return practice;
    }
}
