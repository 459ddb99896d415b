using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Practices;

namespace MsoManager.IntegrationTests.Api;

/// <summary>GET /api/v1/practices/{id}/audit.csv: the practice's audit trail, one row per changed field.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class AuditCsvApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private static readonly string[] Header = ["sequence", "time_utc", "who", "record", "action", "field", "before", "after", "hash"];

    [Fact]
    public async Task AuditCsv_HasARowPerChangedFieldOfEveryEventOfThePractice_InOrder_WithTheirHashes()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner, "Other practice");
        using var client = await ClientForAsync(owner);
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        await using (var signedIn = await SignInAsync(owner, workspace))
        {
            var store = signedIn.Get<PracticeStore>();
            var snapshot = await store.LoadAsync(id);
            await store.ChangeAsync(id, snapshot!.Version, p =>
            {
                var msa = p.Agreements.Single();
                msa.Amend(msa.Terms with { FeeMethod = FeeMethod.PercentOfCollections, FlatMonthly = null, RatePercent = 45m }, new DateOnly(2027, 1, 1), DateTimeOffset.UtcNow);
            });
        }

        var response = await client.GetAsync($"/api/v1/practices/{id}/audit.csv");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = Csv(body);
        Assert.Equal(Header, rows[0]);
        var events = await EventsAsync(workspace.Id, id);
        Assert.Equal(events.Select(e => e.Sequence), rows.Skip(1).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Distinct());
        Assert.All(rows.Skip(1), r => Assert.Equal(events.Single(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) == r[0]).Hash, r[8]));
        Assert.All(rows.Skip(1), r => Assert.Equal("owner@x.test", r[2]));
        var amendment = rows.Where(r => r[0] == events.Last(e => e.RecordType == nameof(Agreement)).Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
            [
                ["Agreement “MSA”", "Changed", "Fee", "$25,000 a month", "45% of collections"],
                ["Agreement “MSA”", "Changed", "Version", "1", "2"],
                ["Agreement “MSA”", "Changed", "These terms effective from", "", "2027-01-01"],
            ],
            amendment.Select(r => r[3..8]));
        Assert.Contains(rows, r => r[3] == "Dana Smith's MD license TX Q1234" && r[4] == "Added" && r[5] == "License number" && r[7] == "Q1234");
        Assert.DoesNotMatch(Id(), body);
    }

    [Fact]
    public async Task AuditCsv_OfAnotherWorkspaceOrOutsideTheCallersScope_Is404()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var viewer = await CreateUserAsync("viewer@x.test");
        var stranger = await CreateUserAsync("stranger@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        await CreateWorkspaceAsync("Elsewhere", stranger);
        using var ownerClient = await ClientForAsync(owner);
        var shared = await ImportOkAsync(ownerClient, workspace.Id, Example("example-clean-tx"));
        var hidden = await ImportOkAsync(ownerClient, workspace.Id, Example("example-ny-lay-owner"));
        await AddMemberAsync(workspace, viewer, MemberRole.Viewer, PracticeScope.Listed([shared]));
        using var viewerClient = await ClientForAsync(viewer);
        using var strangerClient = await ClientForAsync(stranger);

        await ProblemAsync(await strangerClient.GetAsync($"/api/v1/practices/{shared}/audit.csv"), HttpStatusCode.NotFound);
        await ProblemAsync(await viewerClient.GetAsync($"/api/v1/practices/{hidden}/audit.csv"), HttpStatusCode.NotFound);
        await ProblemAsync(await ownerClient.GetAsync($"/api/v1/practices/{Guid.NewGuid()}/audit.csv"), HttpStatusCode.NotFound);
        var viewerCsv = await viewerClient.GetAsync($"/api/v1/practices/{shared}/audit.csv");
        Assert.Equal(HttpStatusCode.OK, viewerCsv.StatusCode);

        // A Viewer sees EINs masked on the Entities tab, so in the trail too.
        var body = await viewerCsv.Content.ReadAsStringAsync();
        Assert.Contains("**-***6789", body, StringComparison.Ordinal);
        Assert.DoesNotContain("12-3456789", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditCsv_AValueASpreadsheetWouldRun_IsWrittenAsText()
    {
        var owner = await CreateUserAsync("owner@x.test");
        var workspace = await CreateWorkspaceAsync("Firm", owner);
        using var client = await ClientForAsync(owner);
        var id = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        const string Formula = "=HYPERLINK(\"http://evil.test\",\"Open\")";
        await using (var signedIn = await SignInAsync(owner, workspace))
        {
            var store = signedIn.Get<PracticeStore>();
            var snapshot = await store.LoadAsync(id);
            await store.ChangeAsync(id, snapshot!.Version, p => p.UpdateDetails(p.Name, p.PrimaryState, p.Status, Formula));
        }

        var body = await (await client.GetAsync($"/api/v1/practices/{id}/audit.csv")).Content.ReadAsStringAsync();

        Assert.Contains(",Notes,,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Open\"\")\",", body, StringComparison.Ordinal);
        Assert.Contains(Csv(body), r => r[5] == "Notes" && r[7] == "'" + Formula);
    }

    [Fact]
    public async Task AppDownload_WithoutTheSignInCookie_GoesToTheSignInPage()
    {
        var (_, workspace) = await OwnedWorkspaceAsync("firm", "Glow");
        var id = await PracticeIdAsync(workspace.Id);

        var response = await Anonymous().GetAsync($"/practices/{id}/audit.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAuditCsvAsTextCsv()
    {
        var document = await ReadObjectAsync(await Anonymous().GetAsync("/openapi/v1.json"));

        var get = document["paths"]!["/api/v1/practices/{id}/audit.csv"]!["get"]!;
        Assert.NotNull(get["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.Null(document["paths"]!["/practices/{id}/audit.csv"]);
    }

    private async Task<List<(long Sequence, string RecordType, string Hash)>> EventsAsync(Guid workspaceId, Guid practiceId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspaceId);
        var events = await db.AuditEvents.Where(e => e.PracticeId == practiceId).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.RecordType, e.Hash }).ToListAsync();
        return [.. events.Select(e => (e.Sequence, e.RecordType, e.Hash))];
    }

    private async Task<Guid> PracticeIdAsync(Guid workspaceId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspaceId);
        return await db.Practices.Select(p => p.Id).SingleAsync();
    }

    /// <summary>The rows of the export, its byte-order mark dropped.</summary>
    private static List<string[]> Csv(string text) => [.. StateRulesCsv.ReadRecords(text.TrimStart('\uFEFF')).Select(r => r.ToArray())];

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Id();
}
