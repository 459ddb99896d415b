using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// Many writers in one workspace at the same moment, through the API on PostgreSQL: every save either
/// commits or is refused as a 409 problem, none fails, and the workspace's audit chain stays intact.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentWritersApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private const int Writers = 16;
    private const int SavesPerWriter = 3;

    [Fact]
    public async Task SixteenWritersOnTheirOwnPractices_AllCommit_AndTheChainVerifies()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var ids = new List<Guid>();
        for (var w = 0; w < Writers; w++)
        {
            var document = Example("example-clean-tx");
            document["name"] = $"Writer practice {w}";
            ids.Add(await ImportOkAsync(client, workspace.Id, document));
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < SavesPerWriter; i++)
            {
                statuses.Add(await SaveNoteAsync(client, ids[w], $"writer {w}, save {i}"));
            }

            return statuses;
        })));

        Assert.All(answers.SelectMany(a => a), status => Assert.Equal(HttpStatusCode.OK, status));
        for (var w = 0; w < Writers; w++)
        {
            var stored = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{ids[w]}"));
            Assert.Equal($"writer {w}, save {SavesPerWriter - 1}", stored["notes"]!.GetValue<string>());
        }

        await AssertChainIntactAsync(workspace.Id);
    }

    [Fact]
    public async Task SixteenWritersOnTheSamePractice_EachCommitsOrGetsA409Problem_AndTheLastCommitStands()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var saved = new List<(string Note, HttpStatusCode Status)>();
            for (var i = 0; i < SavesPerWriter; i++)
            {
                var note = $"writer {w}, save {i}";
                saved.Add((note, await SaveNoteAsync(client, id, note)));
            }

            return saved;
        })));

        var all = answers.SelectMany(a => a).ToList();
        Assert.All(all, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(all, a => a.Status == HttpStatusCode.OK);
        var stored = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        Assert.Contains(stored["notes"]!.GetValue<string>(), all.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Note));
        await AssertChainIntactAsync(workspace.Id);
    }

    [Fact]
    public async Task SixteenPutsWithTheSameIfMatch_OneCommits_EveryOtherIsA409Problem()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        var etag = await ETagAsync(client, id);

        // Each replaces the locations too, so the losers would meet the winner's rows if they got that far.
        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var mine = document.DeepClone().AsObject();
            mine["notes"] = $"writer {w}";
            return PutAsync(client, id, mine, etag);
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("nothing was overwritten", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await AssertChainIntactAsync(workspace.Id);
    }

    /// <summary>One save as a client makes it: read the practice and its ETag, change the note, PUT with If-Match.</summary>
    private static async Task<HttpStatusCode> SaveNoteAsync(HttpClient client, Guid practiceId, string note)
    {
        using var read = await client.GetAsync($"/api/v1/practices/{practiceId}");
        Assert.True(read.IsSuccessStatusCode, $"GET {read.StatusCode}: {await read.Content.ReadAsStringAsync()}");
        var document = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        document["notes"] = note;
        using var response = await PutAsync(client, practiceId, document, read.Headers.ETag!.Tag);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await ProblemAsync(response, HttpStatusCode.Conflict);
        }

        return response.StatusCode;
    }

    private async Task AssertChainIntactAsync(Guid workspaceId)
    {
        await AssertAuditChainIntactAsync(workspaceId);
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        Assert.True(await db.AuditEvents.CountAsync() > Writers);
    }
}
