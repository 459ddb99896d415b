using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Api;

namespace MsoManager.IntegrationTests.Api;

[Collection(PostgresCollection.Name)]
public sealed class PracticeDocumentApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    [Fact]
    public async Task Post_ValidDocument_Is201WithLocationAndStoresTheStructure()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();

        var response = await ImportAsync(client, workspace.Id, Example("example-clean-tx"));

        var id = (await ReadObjectAsync(response))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/practices/{id}", response.Headers.Location!.ToString());
        var stored = await ReadObjectAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal(["mso", "pc"], stored["entities"]!.AsArray().Select(e => e!["key"]!.GetValue<string>()));
        Assert.Equal(3, stored["ownership"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("unknown reference", "ownership[1].owner")]
    [InlineData("bad enum", "entities[0].kind")]
    [InlineData("percent over 100", "ownership[0].percent")]
    [InlineData("stakes over 100%", "ownership[2].percent")]
    public async Task Post_DocumentWithAProblem_Is400NamingItAndWritesNothing(string problem, string path)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        switch (problem)
        {
            case "unknown reference": document["ownership"]![1]!["owner"] = "nobody"; break;
            case "bad enum": document["entities"]![0]!["kind"] = "Hospital"; break;
            case "percent over 100": document["ownership"]![0]!["percent"] = 120; break;
            default: document["ownership"]![2]!["percent"] = 31; break;
        }

        var before = await RowCountsAsync();

        var response = await ImportAsync(client, workspace.Id, document);

        Assert.Equal([path], await ErrorPathsAsync(response));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Post_DocumentWithSeveralProblems_NamesEachOne()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        document["primaryState"] = "XX";
        document["entities"]![1]!["form"] = "GmbH";
        document["entities"]![0]!["formedOn"] = "2025-02-30";
        document["people"]![0]!["roles"]![0]!["entity"] = "nowhere";
        document["ownership"]![0]!["percent"] = 100.5;
        document["ownership"]![1]!["percent"] = 80;
        document["agreements"]![0]!["fee"]!["ratePercent"] = 10;
        document["agreements"]![0]!["services"]![0] = "Cooking";
        document["financials"]![0]!["collections"] = -1;
        var before = await RowCountsAsync();

        var response = await ImportAsync(client, workspace.Id, document);

        var paths = await ErrorPathsAsync(response);
        Assert.Equal(
            new[]
            {
                "agreements[0].fee.ratePercent", "agreements[0].services[0]", "entities[0].formedOn", "entities[1].form", "financials[0].collections",
                "ownership[0].percent", "ownership[2].percent", "people[0].roles[0].entity", "primaryState",
            },
            paths.Order(StringComparer.Ordinal));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Post_DuplicateKeysAndAnMsaWithoutItsParties_AreNamed()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        document["entities"]![1]!["key"] = "PC";
        document["agreements"]![0]!["managementCompany"] = null;

        var paths = await ErrorPathsAsync(await ImportAsync(client, workspace.Id, document));

        Assert.Contains("entities[0].key", paths);
        Assert.Contains("entities[1].key", paths);
        Assert.Contains("agreements[0].managementCompany", paths);
    }

    [Fact]
    public async Task Post_MalformedJson_Is400NamingThePath()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var before = await RowCountsAsync();

        var response = await client.PostAsync($"/api/v1/workspaces/{workspace.Id}/practices",
            new StringContent("{\"name\": \"X\", \"ownership\": [{\"percent\": \"lots\"}]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["ownership[0].percent"], await ErrorPathsAsync(response));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Get_ImportedAgain_GivesAnEqualDocument()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var first = await ImportOkAsync(client, workspace.Id, Example("example-ny-lay-owner"));
        var firstDocument = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{first}"));

        var second = await ImportOkAsync(client, workspace.Id, firstDocument);
        var secondDocument = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{second}"));

        Assert.NotEqual(first, second);
        firstDocument.Remove("id");
        secondDocument.Remove("id");
        Assert.Equal(firstDocument.ToJsonString(), secondDocument.ToJsonString());
        var doctor = secondDocument["people"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "dr-smith")!;
        Assert.Equal("Q1234", doctor["licenses"]![0]!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WithTheCurrentETag_ReplacesThePracticeAndMovesTheETag()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var get = await client.GetAsync($"/api/v1/practices/{id}");
        var etag = get.Headers.ETag!.Tag;
        var document = Example("example-ca-np-majority");

        var put = await PutAsync(client, id, document, etag);

        var replaced = await ReadObjectAsync(put);
        Assert.NotEqual(etag, put.Headers.ETag!.Tag);
        Assert.Equal("CA", replaced["primaryState"]!.GetValue<string>());
        Assert.Equal(["s1", "s1b", "s2", "s3"], replaced["ownership"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()));
        Assert.Equal(put.Headers.ETag.Tag, await ETagAsync(client, id));
    }

    [Fact]
    public async Task Put_TwiceWithTheSameETag_TheSecondIs409AndChangesNothing()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var etag = await ETagAsync(client, id);
        var first = Example("example-clean-tx");
        first["name"] = "First writer";
        var second = Example("example-clean-tx");
        second["name"] = "Second writer";

        var one = await PutAsync(client, id, first, etag);
        var two = await PutAsync(client, id, second, etag);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        await ProblemAsync(two, HttpStatusCode.Conflict);
        Assert.Equal("First writer", (await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}")))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428AndInvalidDocument_Is400()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var etag = await ETagAsync(client, id);
        var bad = Example("example-clean-tx");
        bad["ownership"]![0]!["entity"] = "nowhere";
        var before = await RowCountsAsync();

        var noIfMatch = await client.PutAsync($"/api/v1/practices/{id}", Json(Example("example-clean-tx")));
        var invalid = await PutAsync(client, id, bad, etag);

        await ProblemAsync(noIfMatch, (HttpStatusCode)428);
        Assert.Equal(["ownership[0].entity"], await ErrorPathsAsync(invalid));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Delete_ArchivesThePractice_ItLeavesTheListAndTheAuditTrailRecordsIt()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));

        var delete = await client.DeleteAsync($"/api/v1/practices/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var list = await ReadObjectAsync(await client.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices"));
        Assert.Empty(list["items"]!.AsArray());
        await ProblemAsync(await client.GetAsync($"/api/v1/practices/{id}"), HttpStatusCode.NotFound);
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var practice = await db.Practices.SingleAsync(p => p.Id == id);
        Assert.NotNull(practice.ArchivedAt);
        Assert.Contains(await db.AuditEvents.Where(e => e.RecordId == id).ToListAsync(),
            e => e.Action == AuditAction.Changed && e.After!.Contains("ArchivedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_WithAStaleIfMatch_Is409()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var etag = await ETagAsync(client, id);
        var renamed = Example("example-clean-tx");
        renamed["name"] = "Renamed";
        await ReadObjectAsync(await PutAsync(client, id, renamed, etag));

        var delete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/practices/{id}") { Headers = { { "If-Match", etag } } });

        await ProblemAsync(delete, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EveryPracticeRoute_OfAnotherWorkspace_Is404()
    {
        var alice = await CreateUserAsync("alice@x.test");
        var bob = await CreateUserAsync("bob@x.test");
        var aliceFirm = await CreateWorkspaceAsync("Alice firm", alice);
        var bobFirm = await CreateWorkspaceAsync("Bob firm", bob);
        using var aliceClient = await ClientForAsync(alice);
        using var bobClient = await ClientForAsync(bob);
        var id = await ImportOkAsync(aliceClient, aliceFirm.Id, Example("example-clean-tx"));
        var etag = await ETagAsync(aliceClient, id);
        var before = await RowCountsAsync();

        await ProblemAsync(await bobClient.GetAsync($"/api/v1/practices/{id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await bobClient.GetAsync($"/api/v1/practices/{id}/findings"), HttpStatusCode.NotFound);
        await ProblemAsync(await PutAsync(bobClient, id, Example("example-clean-tx"), etag), HttpStatusCode.NotFound);
        await ProblemAsync(await bobClient.DeleteAsync($"/api/v1/practices/{id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await bobClient.GetAsync($"/api/v1/workspaces/{aliceFirm.Id}/practices"), HttpStatusCode.NotFound);
        await ProblemAsync(await ImportAsync(bobClient, aliceFirm.Id, Example("example-clean-tx")), HttpStatusCode.NotFound);
        await ProblemAsync(await bobClient.GetAsync($"/api/v1/state-rules?workspaceId={aliceFirm.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await bobClient.GetAsync($"/api/v1/workspaces/{bobFirm.Id}/practices")).StatusCode);
    }

    [Fact]
    public async Task Roles_AsInTheUi_ViewerReadsButCannotChange_OutOfScopeIs404()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var viewer = await CreateUserAsync("viewer@x.test");
        var consultant = await CreateUserAsync("consultant@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        using var ownerClient = await ClientForAsync(owner);
        var shared = await ImportOkAsync(ownerClient, workspace.Id, Example("example-clean-tx"));
        var hidden = await ImportOkAsync(ownerClient, workspace.Id, Example("example-ny-lay-owner"));
        await AddMemberAsync(workspace, viewer, MemberRole.Viewer, PracticeScope.Listed([shared]));
        await AddMemberAsync(workspace, consultant, MemberRole.Consultant, PracticeScope.Listed([shared]));
        using var viewerClient = await ClientForAsync(viewer);
        using var consultantClient = await ClientForAsync(consultant);
        var etag = await ETagAsync(ownerClient, shared);
        var before = await RowCountsAsync();

        var viewerDocument = await ReadObjectAsync(await viewerClient.GetAsync($"/api/v1/practices/{shared}"));
        await ProblemAsync(await PutAsync(viewerClient, shared, Example("example-clean-tx"), etag), HttpStatusCode.Forbidden);
        await ProblemAsync(await viewerClient.DeleteAsync($"/api/v1/practices/{shared}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await ImportAsync(viewerClient, workspace.Id, Example("example-clean-tx")), HttpStatusCode.Forbidden);
        await ProblemAsync(await viewerClient.GetAsync($"/api/v1/practices/{hidden}"), HttpStatusCode.NotFound);
        await ProblemAsync(await viewerClient.GetAsync($"/api/v1/practices/{hidden}/findings"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/api/v1/practices/{shared}/findings")).StatusCode);
        await ProblemAsync(await consultantClient.DeleteAsync($"/api/v1/practices/{hidden}"), HttpStatusCode.NotFound);
        var viewerList = await ReadObjectAsync(await viewerClient.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices"));

        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal("**-***6789", viewerDocument["entities"]![1]!["ein"]!.GetValue<string>());
        Assert.Equal([shared], viewerList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(consultantClient, workspace.Id, Example("example-clean-tx"))).StatusCode);
    }

    [Theory]
    [InlineData("example-clean-tx")]
    [InlineData("example-ca-np-majority")]
    [InlineData("example-ny-lay-owner")]
    public async Task Findings_OfEachExampleScenario_AreExactlyItsExpectedFindings(string example)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var file = ExampleFile(example);
        var id = await ImportOkAsync(client, workspace.Id, file["practice"]!.DeepClone());

        var report = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}/findings?asOf={file["asOf"]!.GetValue<string>()}"));

        static string Describe(JsonNode? f) => $"{f!["code"]!.GetValue<string>()} {f["subjectKey"]!.GetValue<string>()} {f["severity"]!.GetValue<string>()}";
        var expected = (file["expectedFindings"]?.AsArray() ?? []).Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actual = report["findings"]!.AsArray().Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(file["asOf"]!.GetValue<string>(), report["asOf"]!.GetValue<string>());
    }

    [Fact]
    public async Task Findings_AfterAReplace_AreThoseOfTheNewDocument()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var findingsUrl = $"/api/v1/practices/{id}/findings?asOf=2026-11-29";
        Assert.Empty((await ReadObjectAsync(await client.GetAsync(findingsUrl)))["findings"]!.AsArray());

        // The evaluated copy of the practice is kept by version: a replace must not leave it in use.
        var layOwner = Example("example-clean-tx");
        layOwner["ownership"]![0]!["owner"] = "alex";
        await ReadObjectAsync(await PutAsync(client, id, layOwner, await ETagAsync(client, id)));
        var after = (await ReadObjectAsync(await client.GetAsync(findingsUrl)))["findings"]!.AsArray();

        var finding = Assert.Single(after);
        Assert.Equal(("PC_OWNER_INELIGIBLE", "s1"), (finding!["code"]!.GetValue<string>(), finding["subjectKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Findings_WithABadAsOf_Is400NamingIt_AndWithoutOne_AreForToday()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));

        var bad = await client.GetAsync($"/api/v1/practices/{id}/findings?asOf=2026-13-01");
        var today = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}/findings"));

        Assert.Equal(["asOf"], await ErrorPathsAsync(bad));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), today["asOf"]!.GetValue<string>());
        var risk = today["risk"]!;
        Assert.Equal(Math.Max(0, 100 - (25 * risk["high"]!.GetValue<int>()) - (10 * risk["medium"]!.GetValue<int>()) - (3 * risk["low"]!.GetValue<int>())),
            risk["score"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    public async Task Findings_WithAnAsOfOutsideTheRange_Is400NamingIt(string asOf)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));

        var response = await client.GetAsync($"/api/v1/practices/{id}/findings?asOf={asOf}");

        Assert.Equal(["asOf"], await ErrorPathsAsync(response));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("notes")]
    [InlineData("entities[0].legalName")]
    [InlineData("people[0].name")]
    [InlineData("people[0].phone")]
    [InlineData("people[0].email")]
    [InlineData("people[0].licenses[0].number")]
    [InlineData("organizations[0].name")]
    [InlineData("agreements[0].forCauseProvisions")]
    [InlineData("agreements[0].fmv.valuator")]
    public async Task PostAndPut_TextWithNul_Is400NamingTheFieldAndWritesNothing(string path)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var etag = await ETagAsync(client, id);
        var document = Example("example-clean-tx");
        SetText(document, path, "Glow\0Aesthetics");
        var before = await RowCountsAsync();

        var post = await ImportAsync(client, workspace.Id, document);
        var put = await PutAsync(client, id, document, etag);

        Assert.Equal([path], await ErrorPathsAsync(post));
        Assert.Equal([path], await ErrorPathsAsync(put));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Post_NotesWithLineBreaksAndTabs_AreKept()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        document["notes"] = "First line\r\n\tindented";

        var id = await ImportOkAsync(client, workspace.Id, document);

        Assert.Equal("First line\r\n\tindented", (await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}")))["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_MorePeopleThanTheLimit_Is400NamingTheListAndWritesNothing()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        var people = document["people"]!.AsArray();
        for (var i = people.Count; i <= PracticeDocumentLimits.MaxRecordsPerList; i++)
        {
            people.Add(new JsonObject { ["key"] = $"p{i}", ["name"] = $"Person {i}" });
        }

        var before = await RowCountsAsync();

        var response = await ImportAsync(client, workspace.Id, document);

        Assert.Equal(["people"], await ErrorPathsAsync(response));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Post_MoreLicensesOfOnePersonThanTheLimit_Is400NamingThem()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        var licenses = document["people"]![0]!["licenses"]!.AsArray();
        for (var i = licenses.Count; i <= PracticeDocumentLimits.MaxRecordsPerPerson; i++)
        {
            licenses.Add(new JsonObject { ["type"] = "MD", ["state"] = "TX", ["number"] = $"N{i}", ["status"] = "Active" });
        }

        var response = await ImportAsync(client, workspace.Id, document);

        Assert.Equal(["people[0].licenses"], await ErrorPathsAsync(response));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413ProblemAndWritesNothing()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        document["notes"] = new string('x', PracticeDocumentLimits.MaxBodyBytes);
        var before = await RowCountsAsync();

        var response = await ImportAsync(client, workspace.Id, document);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Equal(before, await RowCountsAsync());
    }

    /// <summary>Sets the string at a path such as "people[0].licenses[0].number" or "agreements[0].fmv.valuator".</summary>
    private static void SetText(JsonObject document, string path, string value)
    {
        JsonNode node = document;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            node = Step(node, step);
        }

        var last = steps[^1];
        ((JsonObject)node)[last] = value;

        static JsonNode Step(JsonNode node, string step)
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }
    }
}
