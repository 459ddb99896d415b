using System.Net;
using System.Text.Json.Nodes;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;

namespace MsoManager.IntegrationTests.Api;

[Collection(PostgresCollection.Name)]
public sealed class PortfolioApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    [Fact]
    public async Task Workspaces_AreTheCallersWithTheirRoles()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var other = await CreateUserAsync("other@x.test");
        var mine = await CreateWorkspaceAsync("Mine", owner);
        var theirs = await CreateWorkspaceAsync("Theirs", other);
        await CreateWorkspaceAsync("Not mine", other);
        await AddMemberAsync(theirs, owner, MemberRole.Attorney);
        using var client = await ClientForAsync(owner);

        var body = await client.GetStringAsync("/api/v1/workspaces");

        var items = JsonNode.Parse(body)!.AsArray().Select(w => $"{w!["id"]} {w["name"]} {w["role"]}").Order(StringComparer.Ordinal);
        Assert.Equal(new[] { $"{mine.Id} Mine Owner", $"{theirs.Id} Theirs Attorney" }.Order(StringComparer.Ordinal), items);
    }

    [Fact]
    public async Task Practices_WalkedPageByPage_AreEveryPracticeOnceInNameOrder()
    {
        var owner = await CreateUserAsync("owner@x.test");
        // Same names differ only by case and by id, so the keyset's tie-break on id is exercised.
        var names = Enumerable.Range(0, 23).Select(i => i % 5 == 0 ? "same name" : $"Practice {i:00}").Append("Same Name").ToArray();
        var workspace = await CreateWorkspaceAsync("Firm", owner, names);
        using var client = await ClientForAsync(owner);

        var seen = new List<(string Name, Guid Id)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ReadObjectAsync(await client.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices?limit=4" + (cursor is null ? "" : $"&cursor={cursor}")));
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 4);
            seen.AddRange(items.Select(i => (i!["name"]!.GetValue<string>(), i["id"]!.GetValue<Guid>())));
            Assert.Equal(100, items[0]!["risk"]!["score"]!.GetValue<int>());
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(6, pages); // 24 practices, 4 a page: the sixth is full and says there is no next one
        Assert.Equal(names.Length, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), seen.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("state=ZZ", "state")]
    [InlineData("cursor=%00", "cursor")]
    [InlineData("cursor=MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA6YQBi", "cursor")] // a well-formed cursor whose name holds NUL
    [InlineData("q=%00", "q")]
    [InlineData("q=Glow%1B", "q")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=99999999999", "limit")]
    public async Task Practices_WithABadParameter_Is400NamingIt(string query, string path)
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "Alpha");
        using var client = await ClientForAsync(owner);

        var response = await client.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices?{query}");

        Assert.Equal([path], await ErrorPathsAsync(response));
    }

    [Fact]
    public async Task Practices_WithAnUnreadableLimit_SaysWhatLimitMustBe()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "Alpha");
        using var client = await ClientForAsync(owner);

        var problem = await ProblemAsync(await client.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices?limit=abc"), HttpStatusCode.BadRequest);

        Assert.Equal("limit must be a whole number.", problem["errors"]!["limit"]![0]!.GetValue<string>());
        Assert.DoesNotContain("Nullable", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateRules_WithAnUnreadableWorkspaceId_Is400NamingIt()
    {
        var owner = await CreateUserAsync("owner@x.test");
        using var client = await ClientForAsync(owner);

        var response = await client.GetAsync("/api/v1/state-rules?workspaceId=not-a-guid");

        Assert.Equal(["workspaceId"], await ErrorPathsAsync(response));
    }

    [Theory]
    [InlineData("%", "100% Glow")]
    [InlineData("_", "Glow_Spa")]
    [InlineData("\\", "Back\\Slash")]
    [InlineData("0%", "100% Glow")]
    public async Task Practices_SearchWithALikeWildcard_MatchesItLiterally(string q, string match)
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "100% Glow", "Glow_Spa", "Back\\Slash", "Plain", "Glow Spa");
        using var client = await ClientForAsync(owner);
        await using var signedIn = await SignInAsync(owner, workspace);

        var api = await ReadObjectAsync(await client.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices?q={Uri.EscapeDataString(q)}"));
        var list = await signedIn.Get<PracticeList>().LoadAsync(new PracticeQuery(0, 50, Search: q));

        Assert.Equal([match], api["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal([match], list.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task PracticeList_SearchWithNul_MatchesNothingAndDoesNotFail()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "Alpha");
        await using var signedIn = await SignInAsync(owner, workspace);

        var list = await signedIn.Get<PracticeList>().LoadAsync(new PracticeQuery(0, 50, Search: "Al\0"));

        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Practices_FilteredByStateAndSearch_AreOnlyTheMatchingOnes()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "Texas Glow");
        using var client = await ClientForAsync(owner);
        var california = Example("example-ca-np-majority");
        california["name"] = "Coastal Glow";
        await ImportOkAsync(client, workspace.Id, california);
        var newYork = Example("example-ny-lay-owner");
        newYork["name"] = "Empire Skin";
        await ImportOkAsync(client, workspace.Id, newYork);

        static async Task<IEnumerable<string>> NamesAsync(HttpClient client, string url) =>
            (await ReadObjectAsync(await client.GetAsync(url)))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>());

        Assert.Equal(["Coastal Glow"], await NamesAsync(client, $"/api/v1/workspaces/{workspace.Id}/practices?state=CA"));
        Assert.Equal(["Coastal Glow", "Texas Glow"], await NamesAsync(client, $"/api/v1/workspaces/{workspace.Id}/practices?q=glow"));
        Assert.Equal(["Texas Glow"], await NamesAsync(client, $"/api/v1/workspaces/{workspace.Id}/practices?q=GLOW&state=TX"));
        Assert.Empty(await NamesAsync(client, $"/api/v1/workspaces/{workspace.Id}/practices?q=nothing"));
    }

    [Fact]
    public async Task StateRules_ListOneAndUnknown()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        using var client = await ClientForAsync(owner);

        var all = JsonNode.Parse(await client.GetStringAsync("/api/v1/state-rules"))!.AsArray();
        var inWorkspace = JsonNode.Parse(await client.GetStringAsync($"/api/v1/state-rules?workspaceId={workspace.Id}"))!.AsArray();
        var texas = await ReadObjectAsync(await client.GetAsync("/api/v1/state-rules/tx"));
        var unknown = await client.GetAsync("/api/v1/state-rules/ZZ");

        Assert.True(all.Count >= 50);
        Assert.Equal(all.Count, inWorkspace.Count);
        Assert.Equal("TX", texas["state"]!.GetValue<string>());
        Assert.Equal("Texas", texas["stateName"]!.GetValue<string>());
        Assert.NotEmpty(texas["sources"]!.AsArray());
        Assert.Contains(texas["cpomConfidence"]!.GetValue<string>(), new[] { "High", "Medium", "Low" });
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }
}
