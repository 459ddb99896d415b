using System.Globalization;
using System.Text.Json;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>
/// The spec's worked examples (copies of spec/examples/*.json in tests/examples): each practice is
/// built through the domain API and evaluated on its asOf with the shipped TX, CA and NY rows; the
/// findings must be exactly the expected ones.
/// </summary>
public sealed class ExampleScenarioTests
{
    [Theory]
    [InlineData("example-clean-tx.json")]
    [InlineData("example-ca-np-majority.json")]
    [InlineData("example-ny-lay-owner.json")]
    public void Evaluate_SpecExample_GivesExactlyTheExpectedFindings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)));
        var root = document.RootElement;
        var practice = ExamplePractice.Build(root.GetProperty("practice"));
        var asOf = DateOnly.Parse(root.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var expected = root.GetProperty("expectedFindings").EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString()!, Key: f.GetProperty("subjectKey").GetString()!, Severity: Enum.Parse<Severity>(f.GetProperty("severity").GetString()!)))
            .OrderBy(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal);

        var report = ComplianceEngine.Evaluate(practice, asOf, StateRows.Book());

        Assert.Equal(expected, report.Findings.Select(f => (f.Code, Key: f.SubjectKey, f.Severity)));
    }

    [Fact]
    public void Evaluate_CaliforniaExample_NamesTheRecordsInItsMessages()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "example-ca-np-majority.json")));
        var practice = ExamplePractice.Build(document.RootElement.GetProperty("practice"));

        var report = ComplianceEngine.Evaluate(practice, ComplianceTestPractice.AsOf, StateRows.Book());

        Assert.Equal(
            [
                "MD and DO owners licensed in CA hold 40% of Glow Medical PLLC; California requires at least 51%.",
                "Glow Medical PLLC is a PLLC, a form California does not name for medical practices (PC).",
            ],
            report.Findings.Select(f => f.Message));
        Assert.Equal(new RiskSummary(65, 1, 1, 0, 0), report.Risk);
    }
}

/// <summary>Reads an example's "practice" object into a <see cref="Practice"/> through the domain API.</summary>
internal static class ExamplePractice
{
    public static Practice Build(JsonElement json)
    {
        var practice = Practice.Create(Guid.NewGuid(), Text(json, "name")!, State(json, "primaryState"), Enum.Parse<PracticeStatus>(Text(json, "status")!), null, DateTimeOffset.UnixEpoch);
        foreach (var location in json.GetProperty("locations").EnumerateArray())
        {
            practice.AddLocation(Text(location, "key"), new LocationDetails(Text(location, "street")!, Text(location, "city")!, State(location, "state"), Text(location, "zip")!));
        }

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var entity in json.GetProperty("entities").EnumerateArray())
        {
            var details = new LegalEntityDetails(Text(entity, "legalName")!, Enum.Parse<EntityForm>(Text(entity, "form")!), State(entity, "state"),
                Enum.Parse<EntityStatus>(Text(entity, "status")!), Ein: Text(entity, "ein"), FormedOn: Date(entity, "formedOn"),
                AnnualReportDueMonth: (int?)Number(entity, "annualReportDueMonth"), AnnualReportDueDay: (int?)Number(entity, "annualReportDueDay"));
            ids[Text(entity, "key")!] = practice.AddEntity(Text(entity, "key"), Enum.Parse<EntityKind>(Text(entity, "kind")!), details).Id;
        }

        var owners = new Dictionary<string, StakeOwner>(StringComparer.Ordinal);
        foreach (var personJson in json.GetProperty("people").EnumerateArray())
        {
            var person = practice.AddPerson(Text(personJson, "key"), new PersonDetails(Text(personJson, "name")!, Text(personJson, "email")));
            owners[person.Key] = StakeOwner.OfPerson(person.Id);
            foreach (var license in personJson.GetProperty("licenses").EnumerateArray())
            {
                practice.AddLicense(person.Id, null, new LicenseDetails(Enum.Parse<LicenseType>(Text(license, "type")!), State(license, "state"), Text(license, "number")!,
                    Enum.Parse<LicenseStatus>(Text(license, "status")!), Date(license, "issuedOn"), Date(license, "expiresOn")));
            }

            foreach (var role in personJson.GetProperty("roles").EnumerateArray())
            {
                practice.AddRole(person.Id, null, new EntityRoleDetails(ids[Text(role, "entity")!], Enum.Parse<EntityRoleKind>(Text(role, "role")!), Date(role, "from"), Date(role, "to")));
            }
        }

        foreach (var organization in json.GetProperty("organizations").EnumerateArray())
        {
            owners[Text(organization, "key")!] = StakeOwner.OfOrganization(
                practice.AddOrganization(Text(organization, "key"), Text(organization, "name")!, Enum.Parse<OrganizationKind>(Text(organization, "kind")!)).Id);
        }

        foreach (var stake in json.GetProperty("ownership").EnumerateArray())
        {
            practice.AddStake(Text(stake, "key"), new StakeDetails(ids[Text(stake, "entity")!], owners[Text(stake, "owner")!],
                Percentage.From(stake.GetProperty("percent").GetDecimal(), "percent", allowZero: false), Date(stake, "from"), Date(stake, "to")));
        }

        foreach (var agreement in json.GetProperty("agreements").EnumerateArray())
        {
            practice.ImportAgreement(Text(agreement, "key"), Enum.Parse<AgreementType>(Text(agreement, "type")!), "Management Services Agreement",
                ids[Text(agreement, "managementCompany")!], ids[Text(agreement, "professionalEntity")!], Terms(agreement), Enum.Parse<AgreementStatus>(Text(agreement, "status")!));
        }

        foreach (var month in json.GetProperty("financials").EnumerateArray())
        {
            practice.RecordFinancialMonth(ids[Text(month, "entity")!], YearMonth.Parse(Text(month, "month"), "month"), new FinancialFigures(
                Money.From(month.GetProperty("collections").GetDecimal(), "collections"),
                Money.From(month.GetProperty("clinicalExpenses").GetDecimal(), "clinicalExpenses"),
                Money.From(month.GetProperty("managementFeePaid").GetDecimal(), "managementFeePaid")));
        }

        return practice;
    }

    private static MsaTerms Terms(JsonElement agreement)
    {
        var fee = agreement.GetProperty("fee");
        var fmv = agreement.TryGetProperty("fmv", out var value) && value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;
        return new MsaTerms
        {
            EffectiveOn = Date(agreement, "effectiveOn"),
            InitialTermMonths = Number(agreement, "termMonths") is { } term ? (int)term : null,
            AutoRenew = agreement.GetProperty("autoRenew").GetBoolean(),
            RenewalTermMonths = Number(agreement, "renewalTermMonths") is { } renewal ? (int)renewal : null,
            WithoutCauseNoticeDays = Number(agreement, "withoutCauseNoticeDays") is { } notice ? (int)notice : null,
            Services = [.. agreement.GetProperty("services").EnumerateArray().Select(s => Enum.Parse<ServiceLine>(s.GetString()!))],
            CustomServices = [.. agreement.GetProperty("customServices").EnumerateArray().Select(s => s.GetString()!)],
            FeeMethod = Text(fee, "method") is { } method ? Enum.Parse<FeeMethod>(method) : null,
            FlatMonthly = Number(fee, "flatMonthly"),
            RatePercent = Number(fee, "ratePercent"),
            MarkupPercent = Number(fee, "markupPercent"),
            FmvLow = fmv is { } low ? Number(low, "low") : null,
            FmvHigh = fmv is { } high ? Number(high, "high") : null,
            FmvValuedOn = fmv is { } valued ? Date(valued, "valuedOn") : null,
            Valuator = fmv is { } valuator ? Text(valuator, "valuator") : null,
            ReservedAuthority = [.. agreement.GetProperty("reservedClinicalAuthority").EnumerateArray().Select(a => Enum.Parse<ClinicalAuthority>(a.GetString()!))],
        };
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static DateOnly? Date(JsonElement json, string name) =>
        Text(json, name) is { } text ? DateOnly.Parse(text, CultureInfo.InvariantCulture) : null;

    private static StateCode State(JsonElement json, string name) => StateCode.From(Text(json, name), name);
}
