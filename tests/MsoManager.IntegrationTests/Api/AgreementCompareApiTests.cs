using System.Net;
using System.Text.Json.Nodes;
using MsoManager.Domain.Workspaces;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// GET .../agreements/{key}/versions and .../compare (review.md): versions made by PUTs of the practice
/// document, named by who saved them, compared field by field and by what they do to compliance.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AgreementCompareApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    /// <summary>The example's evaluation date: its financial months give an annualized fee paid well inside the FMV range.</summary>
    private const string AsOf = "2026-11-29";

    [Fact]
    public async Task Versions_SavedByTwoMembers_NameWhoSavedEachWithItsStatus()
    {
        var (id, owner, consultant) = await PracticeAsync("Approved");
        await ChangeMsaAsync(consultant, id, msa => { msa["fee"]!["flatMonthly"] = 27500; msa["status"] = "Draft"; });

        var versions = (await ReadArrayAsync(await owner.GetAsync($"/api/v1/practices/{id}/agreements/msa/versions"))).ToList();

        Assert.Equal(
            [(1, "Approved", "dana.owner", null), (2, "Draft", "casey.consultant", "Revision")],
            versions.Select(v => (v!["version"]!.GetValue<int>(), v["status"]!.GetValue<string>(), v["savedBy"]!.GetValue<string>(), v["kind"]?.GetValue<string>())));
        Assert.Equal("casey.consultant@x.test", versions[1]!["savedByEmail"]!.GetValue<string>());
        Assert.Equal(("2025-02-01", true), (versions[1]!["effectiveOn"]!.GetValue<string>(), versions[1]!["current"]!.GetValue<bool>()));
        Assert.True(versions[0]!["savedAt"]!.GetValue<DateTimeOffset>() <= versions[1]!["savedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Compare_ServicesAddedAndRemoved_AreNamedUnderServices()
    {
        var (id, owner, _) = await PracticeAsync("Draft");
        await ChangeMsaAsync(owner, id, msa =>
        {
            msa["services"] = new JsonArray("Marketing", "HumanResources", "Technology", "Facilities", "FinancialReporting", "VendorProcurement");
            msa["customServices"] = new JsonArray("Courier");
        });

        var report = await CompareAsync(owner, id, 1, 2);

        var changes = report["changes"]!.AsArray();
        Assert.Equal(["services", "customServices"], changes.Select(c => c!["field"]!.GetValue<string>()));
        Assert.Equal((0, "Training"), (changes[0]!["added"]!.AsArray().Count, changes[0]!["removed"]![0]!.GetValue<string>()));
        Assert.Equal(6, changes[0]!["after"]!.AsArray().Count);
        Assert.Equal("Courier", changes[1]!["added"]![0]!.GetValue<string>());
        Assert.Equal((1, 2), (report["from"]!.GetValue<int>(), report["to"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Compare_AnAmendment_SaysWhenItTookEffect()
    {
        var (id, owner, _) = await PracticeAsync("Executed");
        await ChangeMsaAsync(owner, id, msa => { msa["fee"]!["flatMonthly"] = 27500; msa["amendmentEffectiveOn"] = "2026-07-01"; });

        var report = await CompareAsync(owner, id, 1, 2);

        Assert.Equal(
            [("amendmentEffectiveOn", null, "2026-07-01"), ("fee.flatMonthly", "25000", "27500")],
            report["changes"]!.AsArray().Select(c => (c!["field"]!.GetValue<string>(), c["before"]?.ToJsonString(), c["after"]!.ToJsonString().Trim('"'))));
        var to = report["toVersion"]!;
        Assert.Equal(("Amendment", "2026-07-01", "Executed"), (to["kind"]!.GetValue<string>(), to["amendmentEffectiveOn"]!.GetValue<string>(), to["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Compare_AFeeRaisedAboveTheFmvHigh_IntroducesFeeAboveFmv_AndLoweringItClearsIt()
    {
        var (id, owner, _) = await PracticeAsync("Executed");
        await ChangeMsaAsync(owner, id, msa => { msa["fee"]!["flatMonthly"] = 35000; msa["amendmentEffectiveOn"] = "2026-07-01"; });
        await ChangeMsaAsync(owner, id, msa => { msa["fee"]!["flatMonthly"] = 28000; msa["amendmentEffectiveOn"] = "2026-08-01"; });

        var raised = (await CompareAsync(owner, id, 1, 2))["findings"]!;
        var lowered = (await CompareAsync(owner, id, 2, 3))["findings"]!;

        var introduced = Assert.Single(raised["introduced"]!.AsArray());
        Assert.Equal(("FEE_ABOVE_FMV", "msa"), (introduced!["code"]!.GetValue<string>(), introduced["subjectKey"]!.GetValue<string>()));
        Assert.Contains("$420,000 a year by its terms", introduced["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), (raised["cleared"]!.AsArray().Count, raised["from"]!.AsArray().Count, raised["to"]!.AsArray().Count));
        Assert.Equal(["FEE_ABOVE_FMV"], lowered["cleared"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()));
        Assert.Empty(lowered["introduced"]!.AsArray());
    }

    [Fact]
    public async Task Compare_FieldNames_AreThoseOfThePracticeDocument()
    {
        var (id, owner, _) = await PracticeAsync("Draft");
        await ChangeMsaAsync(owner, id, msa =>
        {
            msa["title"] = "MSA, second draft";
            msa["termMonths"] = 36;
            msa["autoRenew"] = false;
            msa["withoutCauseNoticeDays"] = 60;
            msa["forCauseProvisions"] = "Material breach.";
            msa["paymentTerms"] = "Net 15.";
            msa["fee"] = new JsonObject { ["method"] = "Hybrid", ["flatMonthly"] = 20000, ["ratePercent"] = 5, ["markupPercent"] = null };
            msa["fmv"] = new JsonObject { ["low"] = 200000, ["high"] = 300000, ["valuedOn"] = "2025-07-01", ["valuator"] = "Other LLC" };
            msa["reservedClinicalAuthority"] = new JsonArray("ClinicalProtocols", "ClinicalStaffing", "PatientRecords", "MedicalDirection", "PayerContracting");
        });
        var document = await ReadObjectAsync(await owner.GetAsync($"/api/v1/practices/{id}"));

        var fields = (await CompareAsync(owner, id, 1, 2))["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();

        Assert.Equal(
            [
                "title", "termMonths", "autoRenew", "withoutCauseNoticeDays", "forCauseProvisions", "fee.method", "fee.flatMonthly", "fee.ratePercent",
                "paymentTerms", "fmv.low", "fmv.high", "fmv.valuedOn", "fmv.valuator", "reservedClinicalAuthority",
            ],
            fields);
        var agreement = document["agreements"]![0]!.AsObject();
        Assert.All(fields, field => Assert.True(
            field.Split('.') is var path && (path.Length == 1 ? agreement.ContainsKey(path[0]) : agreement[path[0]]!.AsObject().ContainsKey(path[1])),
            $"{field} is not a field of the practice document's agreement"));
    }

    [Fact]
    public async Task Compare_WrongVersions_Are400NamingFromAndTo()
    {
        var (id, owner, _) = await PracticeAsync("Draft");
        await ChangeMsaAsync(owner, id, msa => msa["fee"]!["flatMonthly"] = 27500);
        var compare = $"/api/v1/practices/{id}/agreements/msa/compare";

        Assert.Equal(["from", "to"], (await ErrorPathsAsync(await owner.GetAsync($"{compare}?from=0&to=3"))).Order());
        Assert.Equal(["to"], await ErrorPathsAsync(await owner.GetAsync($"{compare}?from=2&to=2")));
        Assert.Equal(["from"], await ErrorPathsAsync(await owner.GetAsync($"{compare}?to=2")));
        Assert.Equal(["from"], await ErrorPathsAsync(await owner.GetAsync($"{compare}?from=one&to=2")));
        Assert.Equal(["asOf"], await ErrorPathsAsync(await owner.GetAsync($"{compare}?from=1&to=2&asOf=2026-13-01")));
    }

    [Fact]
    public async Task VersionsAndCompare_OfAnUnknownKeyOrAPracticeOutOfScope_Are404()
    {
        var (id, owner, _) = await PracticeAsync("Draft");
        var outsider = await CreateUserAsync("viewer@x.test");
        var other = await ImportOkAsync(owner, WorkspaceId, Example("example-ny-lay-owner"));
        await AddMemberAsync(Workspace, outsider, MemberRole.Viewer, PracticeScope.Listed([other]));
        var viewer = await ClientForAsync(outsider);

        await ProblemAsync(await owner.GetAsync($"/api/v1/practices/{id}/agreements/nope/versions"), HttpStatusCode.NotFound);
        await ProblemAsync(await owner.GetAsync($"/api/v1/practices/{id}/agreements/nope/compare?from=1&to=2"), HttpStatusCode.NotFound);
        await ProblemAsync(await owner.GetAsync($"/api/v1/practices/{Guid.NewGuid()}/agreements/msa/versions"), HttpStatusCode.NotFound);
        await ProblemAsync(await viewer.GetAsync($"/api/v1/practices/{id}/agreements/msa/versions"), HttpStatusCode.NotFound);
        await ProblemAsync(await viewer.GetAsync($"/api/v1/practices/{id}/agreements/msa/compare?from=1&to=2"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/practices/{other}/agreements/msa/versions")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesBothEndpoints()
    {
        var (_, owner, _) = await PracticeAsync("Draft");

        var paths = (await ReadObjectAsync(await owner.GetAsync("/openapi/v1.json")))["paths"]!.AsObject();

        Assert.Contains("/api/v1/practices/{id}/agreements/{key}/versions", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/practices/{id}/agreements/{key}/compare", paths.Select(p => p.Key));
    }

    private Workspace Workspace { get; set; } = null!;

    private Guid WorkspaceId => Workspace.Id;

    /// <summary>
    /// The clean Texas example with its MSA in <paramref name="status"/> (imported so) by the Owner "dana.owner",
    /// and a Consultant "casey.consultant" of the whole workspace, as API clients.
    /// </summary>
    private async Task<(Guid Id, HttpClient Owner, HttpClient Consultant)> PracticeAsync(string status)
    {
        var owner = await CreateUserAsync("dana.owner@x.test");
        var consultant = await CreateUserAsync("casey.consultant@x.test");
        Workspace = await CreateWorkspaceAsync("Firm", owner);
        await AddMemberAsync(Workspace, consultant, MemberRole.Consultant);
        var ownerClient = await ClientForAsync(owner);
        var document = Example("example-clean-tx");
        document["agreements"]![0]!["status"] = status;
        return (await ImportOkAsync(ownerClient, Workspace.Id, document), ownerClient, await ClientForAsync(consultant));
    }

    /// <summary>PUTs the practice document with its MSA changed by <paramref name="change"/>: a new version.</summary>
    private static async Task ChangeMsaAsync(HttpClient client, Guid id, Action<JsonObject> change)
    {
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        change(document["agreements"]![0]!.AsObject());
        await ReadObjectAsync(await PutAsync(client, id, document, await ETagAsync(client, id)));
    }

    private static async Task<JsonObject> CompareAsync(HttpClient client, Guid id, int from, int to) =>
        await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}/agreements/msa/compare?from={from}&to={to}&asOf={AsOf}"));

    private static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsArray();
    }
}
