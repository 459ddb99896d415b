using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Workspaces;

namespace MsoManager.IntegrationTests.Api;

/// <summary>The deadline endpoints of deadlines.md on PostgreSQL: the worked example, the window's defaults and refusals, scope, and paging.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadlineApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private static readonly JsonObject Harbor = ExampleFile("deadlines/example-harbor");

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Practice_HarborExample_GivesExactlyTheExpectedDeadlines_WithTitlesNamingTheRecords()
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor Aesthetics"));

        var answer = await ReadObjectAsync(await owner.GetAsync($"/api/v1/practices/{id}/deadlines?from=2027-01-01&to=2027-12-31"));

        Assert.Equal(("2027-01-01", "2027-12-31"), (answer["from"]!.GetValue<string>(), answer["to"]!.GetValue<string>()));
        Assert.Equal(
            Harbor["expectedDeadlines"]!.AsArray().Select(d => $"{d!["date"]} {d["kind"]} {d["subjectKey"]}"),
            answer["items"]!.AsArray().Select(d => $"{d!["date"]} {d["kind"]} {d["subjectKey"]}"));
        var notice = answer["items"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "MSA_NOTICE_DEADLINE")!;
        Assert.Equal(
            """{"kind":"MSA_NOTICE_DEADLINE","date":"2027-09-01","subjectType":"Agreement","subjectKey":"msa","title":"Glow Management LLC - Glow Medical PLLC MSA: last day to give notice before it renews on 2027-10-31"}""",
            notice.ToJsonString());
    }

    [Fact]
    public async Task Practice_WithoutAWindow_IsFromTodayToAYearOn()
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor Aesthetics"));

        var answer = await ReadObjectAsync(await owner.GetAsync($"/api/v1/practices/{id}/deadlines"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal((Today, today.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (answer["from"]!.GetValue<string>(), answer["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Practice_WithoutAWindow_StartsOnTheWorkspacesToday_InItsTimeZone()
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor Aesthetics"));

        // A zone whose date differs from UTC's at this hour: 14 hours ahead late in the UTC day, 11 behind early in it.
        var now = DateTimeOffset.UtcNow;
        var zone = now.Hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        await using (var db = Contexts.CreateForWorkspace(workspace.Id))
        {
            (await db.Workspaces.SingleAsync()).ChangeTimeZone(zone);
            await db.SaveChangesAsync();
        }

        var answer = await ReadObjectAsync(await owner.GetAsync($"/api/v1/practices/{id}/deadlines"));

        var expected = WorkspaceTimeZone.Today(zone, DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected, answer["from"]!.GetValue<string>());
        Assert.NotEqual(Today, expected);
    }

    [Theory]
    [InlineData("from=2027-13-01", "from")]
    [InlineData("from=2027-01-01&to=01/02/2027", "to")]
    [InlineData("from=2027-01-02&to=2027-01-01", "to")]
    [InlineData("from=2027-01-01&to=2030-01-06", "to")] // 1,101 days
    [InlineData("from=1899-12-31", "from")]
    public async Task Practice_ABadWindow_Is400NamingTheParameter(string query, string field)
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor Aesthetics"));

        Assert.Equal([field], await ErrorPathsAsync(await owner.GetAsync($"/api/v1/practices/{id}/deadlines?{query}")));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/practices/{id}/deadlines?from=2027-01-01&to=2030-01-05")).StatusCode);
    }

    [Fact]
    public async Task Workspace_ListsEveryPracticeInScopeInTheCatalogsOrder_AndAScopedMemberSeesOnlyTheirs()
    {
        var firm = await FirmAsync();

        var all = await ItemsAsync(firm.Owner, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31");
        var scoped = await ItemsAsync(firm.Consultant, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31");

        Assert.Equal(10, all.Count);
        Assert.Equal(
            [.. all.OrderBy(d => d!["date"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(d => d!["practiceId"]!.GetValue<Guid>())
                .ThenBy(d => d!["kind"]!.GetValue<string>(), StringComparer.Ordinal)],
            all);
        Assert.Equal(5, scoped.Count);
        Assert.All(scoped, d => Assert.Equal(("Harbor North", firm.North), (d!["practiceName"]!.GetValue<string>(), d["practiceId"]!.GetValue<Guid>())));
    }

    [Fact]
    public async Task Workspace_FiltersByKindAndState()
    {
        var firm = await FirmAsync();

        var reports = await ItemsAsync(firm.Owner, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31&kind=ANNUAL_REPORT_DUE&kind=FMV_OPINION_REFRESH");
        var texas = await ItemsAsync(firm.Owner, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31&state=TX");
        var florida = await ItemsAsync(firm.Owner, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31&state=FL");

        Assert.Equal(6, reports.Count);
        Assert.All(reports, d => Assert.Contains(d!["kind"]!.GetValue<string>(), new[] { "ANNUAL_REPORT_DUE", "FMV_OPINION_REFRESH" }));
        Assert.Equal(10, texas.Count);
        Assert.Empty(florida);
    }

    [Fact]
    public async Task Workspace_PagesWalkTheWholeListOnceInOrder()
    {
        var firm = await FirmAsync();
        var whole = await ItemsAsync(firm.Owner, firm.WorkspaceId, "from=2027-01-01&to=2027-12-31");

        var walked = new List<JsonNode?>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ReadObjectAsync(await firm.Owner.GetAsync(
                $"/api/v1/workspaces/{firm.WorkspaceId}/deadlines?from=2027-01-01&to=2027-12-31&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}"));
            walked.AddRange(page["items"]!.AsArray().Select(i => i!.DeepClone()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(whole.Select(i => i!.ToJsonString()), walked.Select(i => i!.ToJsonString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("kind=LICENSE_RENEWAL", "kind")]
    [InlineData("kind=license_expires", "kind")]
    [InlineData("state=ZZ", "state")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("from=2027-02-30", "from")]
    public async Task Workspace_BadParameters_Are400NamingEach(string query, string field)
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();

        Assert.Equal([field], await ErrorPathsAsync(await owner.GetAsync($"/api/v1/workspaces/{workspace.Id}/deadlines?{query}")));
    }

    [Fact]
    public async Task AnotherWorkspacesPracticeOrWorkspace_Is404()
    {
        var firm = await FirmAsync();
        var stranger = await CreateUserAsync("stranger@x.test");
        var elsewhere = await CreateWorkspaceAsync("Elsewhere", stranger);
        using var strangerClient = await ClientForAsync(stranger);

        await ProblemAsync(await strangerClient.GetAsync($"/api/v1/practices/{firm.North}/deadlines"), HttpStatusCode.NotFound);
        await ProblemAsync(await strangerClient.GetAsync($"/api/v1/workspaces/{firm.WorkspaceId}/deadlines"), HttpStatusCode.NotFound);
        await ProblemAsync(await firm.Consultant.GetAsync($"/api/v1/practices/{firm.South}/deadlines"), HttpStatusCode.NotFound);
        Assert.Empty(await ItemsAsync(strangerClient, elsewhere.Id, "from=2027-01-01&to=2027-12-31"));
    }

    [Fact]
    public async Task OpenApi_DescribesTheDeadlineEndpoints()
    {
        var paths = (await ReadObjectAsync(await Anonymous().GetAsync("/openapi/v1.json")))["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v1/practices/{id}/deadlines"]?["get"]?["responses"]?["404"]);
        Assert.NotNull(paths["/api/v1/workspaces/{workspaceId}/deadlines"]?["get"]?["responses"]?["400"]);
    }

    private sealed record Firm(Guid WorkspaceId, Guid North, Guid South, HttpClient Owner, HttpClient Consultant);

    /// <summary>A workspace with two copies of the Harbor example (North and South) and a Consultant whose scope is North.</summary>
    private async Task<Firm> FirmAsync()
    {
        var (workspace, owner) = await OwnerOfNewWorkspaceAsync();
        var north = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor North"));
        var south = await ImportOkAsync(owner, workspace.Id, HarborPractice("Harbor South"));
        var consultant = await CreateUserAsync("consultant@x.test");
        await AddMemberAsync(workspace, consultant, MemberRole.Consultant, PracticeScope.Listed([north]));
        return new Firm(workspace.Id, north, south, owner, await ClientForAsync(consultant));
    }

    private static JsonObject HarborPractice(string name)
    {
        var practice = (JsonObject)Harbor["practice"]!.DeepClone();
        practice["name"] = name;
        return practice;
    }

    private static async Task<List<JsonNode?>> ItemsAsync(HttpClient client, Guid workspaceId, string query) =>
        [.. (await ReadObjectAsync(await client.GetAsync($"/api/v1/workspaces/{workspaceId}/deadlines?{query}")))["items"]!.AsArray().Select(i => i?.DeepClone())];
}
