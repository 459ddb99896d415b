using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// PUT /api/v1/practices/{id} matches records by key: ids, agreement versions and what hangs on
/// records survive it, and agreement statuses move only as the caller's role may move them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeReplaceApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    [Fact]
    public async Task Put_TheDocumentGetReturned_ChangesNothingAndWritesNoAuditEvent()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var get = await client.GetAsync($"/api/v1/practices/{id}");
        var document = await ReadObjectAsync(get);
        var idsBefore = await RecordIdsAsync(id);
        var eventsBefore = await AuditCountAsync();

        var put = await PutAsync(client, id, document, get.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(get.Headers.ETag.Tag, put.Headers.ETag!.Tag);
        Assert.Equal(eventsBefore, await AuditCountAsync());
        Assert.Equal(idsBefore, await RecordIdsAsync(id));
    }

    [Fact]
    public async Task Put_TheOriginalDocumentWithoutLicenseAndRoleKeys_MatchesThemByWhatTheyAre()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var idsBefore = await RecordIdsAsync(id);
        var eventsBefore = await AuditCountAsync();

        var put = await PutAsync(client, id, Example("example-clean-tx"), await ETagAsync(client, id));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(idsBefore, await RecordIdsAsync(id));
        Assert.Equal(eventsBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Put_ChangingOneFee_KeepsIdsVersionsAndTaskLinks_AndAuditsThatAgreementOnly()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var draft = Example("example-clean-tx");
        draft["agreements"]![0]!["status"] = "Draft";
        var id = await ImportOkAsync(client, workspace.Id, draft);
        var msaId = await AgreementIdAsync(id, "msa");
        var taskId = await AddSetupTaskAsync(workspace.Id, id, msaId);
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        var idsBefore = await RecordIdsAsync(id);
        var sequenceBefore = await LastSequenceAsync();
        document["agreements"]![0]!["fee"]!["flatMonthly"] = 27500;

        var put = await PutAsync(client, id, document, await ETagAsync(client, id));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(idsBefore, await RecordIdsAsync(id));
        await using var db = Db();
        var msa = await db.Set<Agreement>().IgnoreQueryFilters().Include(a => a.Versions).SingleAsync(a => a.Id == msaId);
        Assert.Equal((2, 27500m, 25000m), (msa.VersionNumber, msa.Terms.FlatMonthly!.Value, msa.Versions.Single().Terms.FlatMonthly!.Value));
        Assert.Equal(msaId, (await db.Set<SetupTask>().IgnoreQueryFilters().SingleAsync(t => t.Id == taskId)).RecordId);
        var events = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.Sequence > sequenceBefore).ToListAsync();
        Assert.Equal(
            [(AuditAction.Created, nameof(AgreementVersion), msaId), (AuditAction.Changed, nameof(Agreement), msaId)],
            events.Select(e => (e.Action, e.RecordType, e.RecordType == nameof(AgreementVersion) ? JsonNode.Parse(e.After!)!["AgreementId"]!.GetValue<Guid>() : e.RecordId)).Order());
        Assert.DoesNotContain("EntityId", events.Single(e => e.RecordType == nameof(Agreement)).After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_AddingRenamingAndRemovingRecordsByKey_CreatesChangesAndDeletesOnlyThose()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        var before = await RecordIdsAsync(id);
        var people = document["people"]!.AsArray();
        people.Single(p => p!["key"]!.GetValue<string>() == "dr-smith")!["name"] = "Dana Smith-Lee";
        people.Add(new JsonObject { ["key"] = "pat", ["name"] = "Pat Chen", ["licenses"] = new JsonArray(), ["roles"] = new JsonArray() });
        document["locations"] = new JsonArray();

        var put = await PutAsync(client, id, document, await ETagAsync(client, id));

        var replaced = await ReadObjectAsync(put);
        var after = await RecordIdsAsync(id);
        Assert.Equal(before["person:dr-smith"], after["person:dr-smith"]);
        Assert.Equal("Dana Smith-Lee", replaced["people"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "dr-smith")!["name"]!.GetValue<string>());
        Assert.Contains("person:pat", after.Keys);
        Assert.DoesNotContain(after.Keys, k => k.StartsWith("location:", StringComparison.Ordinal));
        Assert.Equal(before.Where(r => !r.Key.StartsWith("location:", StringComparison.Ordinal)), after.Where(r => r.Key != "person:pat"));
    }

    [Fact]
    public async Task Put_TwoStakesTradingPercentages_IsAcceptedAndKeepsTheirIds()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        var before = await RecordIdsAsync(id);
        var stakes = document["ownership"]!.AsArray().Where(s => s!["entity"]!.GetValue<string>() == "mso").ToList();
        (stakes[0]!["percent"], stakes[1]!["percent"]) = (stakes[1]!["percent"]!.GetValue<decimal>(), stakes[0]!["percent"]!.GetValue<decimal>());

        var put = await PutAsync(client, id, document, await ETagAsync(client, id));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(before, await RecordIdsAsync(id));
    }

    [Fact]
    public async Task Put_LeavingOutAnExecutedAgreement_Is400NamingAgreementsAndWritesNothing()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"] = new JsonArray();
        var before = await RowCountsAsync();

        var put = await PutAsync(client, id, document, await ETagAsync(client, id));

        var problem = await ProblemAsync(put, HttpStatusCode.BadRequest);
        Assert.Contains("terminate it instead", problem["errors"]!["agreements"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Put_NewTermsOfAnExecutedAgreement_NeedAnAmendmentDate_ThenAmendIt()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["fee"]!["flatMonthly"] = 27500;

        var withoutDate = await PutAsync(client, id, document, await ETagAsync(client, id));
        document["agreements"]![0]!["amendmentEffectiveOn"] = "2026-01-01";
        var amended = await ReadObjectAsync(await PutAsync(client, id, document, await ETagAsync(client, id)));

        Assert.Equal(["agreements[0].amendmentEffectiveOn"], await ErrorPathsAsync(withoutDate));
        Assert.Equal("2026-01-01", amended["agreements"]![0]!["amendmentEffectiveOn"]!.GetValue<string>());
        await using var db = Db();
        Assert.Equal(2, (await db.Set<Agreement>().IgnoreQueryFilters().SingleAsync(a => a.PracticeId == id)).VersionNumber);
    }

    [Fact]
    public async Task Put_ConsultantMovingADraftToExecuted_Is403NamingTheAgreementAndTheDraftStays()
    {
        var (id, consultant, _) = await PracticeWithDraftMsaAsync();
        var document = await ReadObjectAsync(await consultant.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["status"] = "Executed";
        document["name"] = "Renamed in the same PUT";
        var before = await RowCountsAsync();

        var put = await PutAsync(consultant, id, document, await ETagAsync(consultant, id));

        var problem = await ProblemAsync(put, HttpStatusCode.Forbidden);
        Assert.Contains("Agreement 'msa'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("only through a review", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync());
        var stored = await ReadObjectAsync(await consultant.GetAsync($"/api/v1/practices/{id}"));
        Assert.Equal(("Draft", "Glow Aesthetics"), (stored["agreements"]![0]!["status"]!.GetValue<string>(), stored["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(MemberRole.Owner, "InReview", "Approved")]
    [InlineData(MemberRole.Owner, "InReview", "ChangesRequested")]
    [InlineData(MemberRole.Consultant, "Draft", "Approved")]
    [InlineData(MemberRole.Consultant, "InReview", "Executed")]
    public async Task Put_AReviewDecisionByAnEditor_Is403AndNothingIsWritten(MemberRole role, string from, string to)
    {
        var (id, consultant, owner) = await PracticeWithDraftMsaAsync(from);
        var client = role == MemberRole.Owner ? owner : consultant;
        var document = await ReadObjectAsync(await client.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["status"] = to;
        var before = await RowCountsAsync();

        var put = await PutAsync(client, id, document, await ETagAsync(client, id));

        await ProblemAsync(put, HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Put_ConsultantSettingADraftInReview_Is403PointingToTheReviewRequest()
    {
        var (id, consultant, _) = await PracticeWithDraftMsaAsync();
        var document = await ReadObjectAsync(await consultant.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["status"] = "InReview";

        var put = await PutAsync(consultant, id, document, await ETagAsync(consultant, id));

        var problem = await ProblemAsync(put, HttpStatusCode.Forbidden);
        Assert.Contains("requests a review from an attorney", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ConsultantRecordingADraftAsExecutedAfterAnOutsideReview_IsAcceptedAndShown()
    {
        var (id, consultant, _) = await PracticeWithDraftMsaAsync();
        var document = await ReadObjectAsync(await consultant.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["status"] = "Executed";
        document["agreements"]![0]!["outsideReview"] = new JsonObject { ["counsel"] = "Jane Roe, Roe LLP", ["reviewedOn"] = "2025-01-20" };

        var put = await ReadObjectAsync(await PutAsync(consultant, id, document, await ETagAsync(consultant, id)));

        var msa = put["agreements"]![0]!;
        Assert.Equal("Executed", msa["status"]!.GetValue<string>());
        Assert.Equal("Jane Roe, Roe LLP", msa["outsideReview"]!["counsel"]!.GetValue<string>());
        Assert.Equal("2025-01-20", msa["outsideReview"]!["reviewedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_AnOutsideReviewDatedInTheFuture_Is400NamingIt()
    {
        var (id, consultant, _) = await PracticeWithDraftMsaAsync();
        var document = await ReadObjectAsync(await consultant.GetAsync($"/api/v1/practices/{id}"));
        document["agreements"]![0]!["status"] = "Executed";
        document["agreements"]![0]!["outsideReview"] = new JsonObject { ["counsel"] = "Jane Roe", ["reviewedOn"] = "2199-01-01" };

        var put = await PutAsync(consultant, id, document, await ETagAsync(consultant, id));

        Assert.Equal(["agreements[0].outsideReview.reviewedOn"], await ErrorPathsAsync(put));
    }

    [Fact]
    public async Task Post_AnExecutedAgreement_IsRecordedAsImportedAndTheAuditTrailSaysSo()
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();

        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));

        await using var db = Db();
        var msa = await db.Set<Agreement>().IgnoreQueryFilters().SingleAsync(a => a.PracticeId == id);
        Assert.Equal((AgreementStatus.Executed, AgreementStatus.Executed), (msa.Status, msa.ImportedAs!.Value));
        var created = await db.AuditEvents.IgnoreQueryFilters().SingleAsync(e => e.RecordId == msa.Id && e.Action == AuditAction.Created);
        Assert.Contains("\"ImportedAs\":\"Executed\"", created.After!, StringComparison.Ordinal);
    }

    /// <summary>A practice with an MSA in <paramref name="status"/> (imported so), a Consultant in scope and the Owner, as API clients.</summary>
    private async Task<(Guid Id, HttpClient Consultant, HttpClient Owner)> PracticeWithDraftMsaAsync(string status = "Draft")
    {
        var owner = await CreateUserAsync("owner@x.test");
        var consultant = await CreateUserAsync("consultant@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        var ownerClient = await ClientForAsync(owner);
        var document = Example("example-clean-tx");
        document["name"] = "Glow Aesthetics";
        document["agreements"]![0]!["status"] = status;
        var id = await ImportOkAsync(ownerClient, workspace.Id, document);
        await AddMemberAsync(workspace, consultant, MemberRole.Consultant, PracticeScope.Listed([id]));
        return (id, await ClientForAsync(consultant), ownerClient);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = Db();
        return await db.AuditEvents.IgnoreQueryFilters().CountAsync();
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = Db();
        return await db.AuditEvents.IgnoreQueryFilters().MaxAsync(e => e.Sequence);
    }

    private async Task<Guid> AgreementIdAsync(Guid practiceId, string key)
    {
        await using var db = Db();
        return await db.Set<Agreement>().IgnoreQueryFilters().Where(a => a.PracticeId == practiceId && a.Key == key).Select(a => a.Id).SingleAsync();
    }

    private async Task<Guid> AddSetupTaskAsync(Guid workspaceId, Guid practiceId, Guid recordId)
    {
        await using var db = Contexts.CreateForWorkspace(workspaceId);
        var practice = await db.Practices.WithEverything().SingleAsync(p => p.Id == practiceId);
        var task = practice.AddSetupTask(null, new SetupTaskDetails(SetupPhase.Agreements, "Sign the MSA", RecordId: recordId));
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>Every record of the practice, by kind and key (licenses and roles under their person), with its id.</summary>
    private async Task<SortedDictionary<string, Guid>> RecordIdsAsync(Guid practiceId)
    {
        await using var db = Db();
        var practice = await db.Practices.IgnoreQueryFilters().WithEverything().AsNoTracking().SingleAsync(p => p.Id == practiceId);
        var ids = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        void Add(string kind, IEnumerable<PracticeRecord> records)
        {
            foreach (var record in records)
            {
                ids[$"{kind}:{record.Key}"] = record.Id;
            }
        }

        Add("location", practice.Locations);
        Add("entity", practice.Entities);
        Add("person", practice.People);
        foreach (var person in practice.People)
        {
            Add($"license:{person.Key}", person.Licenses);
            Add($"role:{person.Key}", person.Roles);
        }

        Add("organization", practice.Organizations);
        Add("stake", practice.Stakes);
        Add("agreement", practice.Agreements);
        Add("financial", practice.FinancialMonths);
        Add("task", practice.SetupTasks);
        return ids;
    }
}
