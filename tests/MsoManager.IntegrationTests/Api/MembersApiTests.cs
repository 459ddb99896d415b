using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.IntegrationTests.Api;

/// <summary>The members endpoints of api.md: Owners list, add or invite, change and remove members; everyone else meets 404.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembersApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    [Fact]
    public async Task List_AsOwner_IsEveryMemberWithNameRoleAndScope()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("list", "Alpha Spa", "Beta Spa");
        var alpha = (await PracticeIdsAsync(workspace))[0];
        await AddMemberAsync(workspace, await CreateUserAsync("pat@x.test"), MemberRole.Consultant, PracticeScope.Listed([alpha]));
        await AddMemberAsync(workspace, await CreateUserAsync("lee@x.test"), MemberRole.Attorney);
        using var client = await ClientForAsync(owner);

        var members = await ListAsync(client, workspace.Id);

        Assert.Equal(
            new[] { "lee@x.test lee Attorney all", "owner.list@x.test owner.list Owner all", $"pat@x.test pat Consultant {alpha}" }.Order(StringComparer.Ordinal),
            members.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Add_ExistingAccount_Is201_ListsTheMember_WhoCanThenUseTheWorkspace()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("add", "Alpha Spa");
        var colleague = await CreateUserAsync("colleague@x.test");
        using var client = await ClientForAsync(owner);

        var response = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "Colleague@X.test", role = "Consultant", practices = (Guid[]?)null });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/workspaces/{workspace.Id}/members/colleague%40x.test", response.Headers.Location!.OriginalString);
        Assert.Equal("colleague@x.test colleague Consultant all", Describe(await ReadObjectAsync(response)));
        Assert.Contains("colleague@x.test colleague Consultant all", (await ListAsync(client, workspace.Id)).Select(Describe));
        using var theirs = await ClientForAsync(colleague);
        var practices = await ReadObjectAsync(await theirs.GetAsync($"/api/v1/workspaces/{workspace.Id}/practices"));
        Assert.Equal("Alpha Spa", practices["items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_UnknownEmail_Is202WithAnInvitationLinkThatWorksOnce()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("invite", "Alpha Spa", "Beta Spa");
        var beta = (await PracticeIdsAsync(workspace))[1];
        using var client = await ClientForAsync(owner);

        var response = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "newcomer@x.test", role = "Client", practices = new[] { beta } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invitation = await ReadObjectAsync(response);
        var link = new Uri(invitation["invitationUrl"]!.GetValue<string>());
        Assert.StartsWith("http://localhost/Account/AcceptInvitation?token=", link.ToString(), StringComparison.Ordinal);
        Assert.InRange(invitation["expiresAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7));
        Assert.DoesNotContain(await ListAsync(client, workspace.Id), m => m["email"]!.GetValue<string>() == "newcomer@x.test");

        using var pages = new AccountPages(Host);
        var accepted = await pages.SubmitAsync(link.PathAndQuery, "accept-invitation", new()
        {
            ["Input.DisplayName"] = "New Comer",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains($"newcomer@x.test New Comer Client {beta}", (await ListAsync(client, workspace.Id)).Select(Describe));
        using var newcomer = Anonymous();
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync("newcomer@x.test"));
        Assert.Contains(workspace.Id.ToString(), await newcomer.GetStringAsync("/api/v1/workspaces"), StringComparison.Ordinal);
        using var again = new AccountPages(Host);
        var reused = await (await again.GetAsync(link.PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"invitation-invalid\"", reused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_SomeoneAlreadyAMember_Is409AndChangesNothing()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("twice");
        await AddMemberAsync(workspace, await CreateUserAsync("pat@x.test"), MemberRole.Viewer);
        using var client = await ClientForAsync(owner);

        var response = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "PAT@x.test", role = "Owner" });

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(Workspace.AlreadyAMember, problem["detail"]!.GetValue<string>());
        Assert.Contains("pat@x.test pat Viewer all", (await ListAsync(client, workspace.Id)).Select(Describe));
    }

    [Fact]
    public async Task Change_RoleAndScope_AreStoredTogether_ByAnEncodedEmail()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("change", "Alpha Spa", "Beta Spa");
        var ids = await PracticeIdsAsync(workspace);
        await AddMemberAsync(workspace, await CreateUserAsync("pat+mso@x.test"), MemberRole.Consultant);
        using var client = await ClientForAsync(owner);

        var scoped = await client.PutAsJsonAsync(MemberPath(workspace.Id, "Pat+MSO@x.test"), new { role = "Attorney", practices = ids });

        Assert.Equal($"pat+mso@x.test pat+mso Attorney {string.Join(",", ids)}", Describe(await ReadObjectAsync(scoped)));
        Assert.Contains($"pat+mso@x.test pat+mso Attorney {string.Join(",", ids)}", (await ListAsync(client, workspace.Id)).Select(Describe));

        var promoted = await client.PutAsJsonAsync(MemberPath(workspace.Id, "pat+mso@x.test"), new { role = "Owner", practices = (Guid[]?)null });

        Assert.Equal("pat+mso@x.test pat+mso Owner all", Describe(await ReadObjectAsync(promoted)));
        Assert.Equal("pat+mso@x.test pat+mso Owner all", Describe(await ReadObjectAsync(await client.GetAsync(MemberPath(workspace.Id, "pat+mso@x.test")))));
    }

    [Fact]
    public async Task Remove_IsA204_AndTheMemberIsGone()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("remove");
        var pat = await CreateUserAsync("pat@x.test");
        await AddMemberAsync(workspace, pat, MemberRole.Owner);
        using var client = await ClientForAsync(owner);

        var response = await client.DeleteAsync(MemberPath(workspace.Id, "pat@x.test"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["owner.remove@x.test"], (await ListAsync(client, workspace.Id)).Select(m => m["email"]!.GetValue<string>()));
        using var theirs = await ClientForAsync(pat);
        await ProblemAsync(await theirs.GetAsync(MembersPath(workspace.Id)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DemotingOrRemovingTheLastOwner_Is400WithTheRule_AndChangesNothing()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("last");
        await AddMemberAsync(workspace, await CreateUserAsync("pat@x.test"), MemberRole.Consultant);
        using var client = await ClientForAsync(owner);

        var demoted = await ProblemAsync(await client.PutAsJsonAsync(MemberPath(workspace.Id, "owner.last@x.test"), new { role = "Viewer" }), HttpStatusCode.BadRequest);
        var removed = await ProblemAsync(await client.DeleteAsync(MemberPath(workspace.Id, "owner.last@x.test")), HttpStatusCode.BadRequest);

        Assert.Contains("at least one Owner", demoted["errors"]!["role"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("last Owner cannot be removed", removed["errors"]!["member"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("owner.last@x.test owner.last Owner all", (await ListAsync(client, workspace.Id)).Select(Describe));
    }

    [Theory]
    [InlineData(MemberRole.Consultant)]
    [InlineData(MemberRole.Attorney)]
    [InlineData(MemberRole.Client)]
    [InlineData(MemberRole.Viewer)]
    public async Task EveryEndpoint_ForAMemberWhoIsNotAnOwner_Is404(MemberRole role)
    {
        var (_, workspace) = await OwnedWorkspaceAsync("others");
        var member = await CreateUserAsync("member@x.test");
        await AddMemberAsync(workspace, member, role);
        using var client = await ClientForAsync(member);

        await AssertEveryEndpointIs404Async(client, workspace.Id);
    }

    [Fact]
    public async Task EveryEndpoint_ForTheOwnerOfAnotherWorkspace_Is404()
    {
        var (_, workspace) = await OwnedWorkspaceAsync("theirs");
        var (stranger, _) = await OwnedWorkspaceAsync("mine");
        using var client = await ClientForAsync(stranger);

        await AssertEveryEndpointIs404Async(client, workspace.Id);
        await AssertEveryEndpointIs404Async(client, Guid.NewGuid());
    }

    [Fact]
    public async Task AnEmailThatIsNotAMember_Is404()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("unknown");
        await CreateUserAsync("elsewhere@x.test");
        using var client = await ClientForAsync(owner);

        foreach (var email in new[] { "nobody@x.test", "elsewhere@x.test" })
        {
            await ProblemAsync(await client.GetAsync(MemberPath(workspace.Id, email)), HttpStatusCode.NotFound);
            await ProblemAsync(await client.PutAsJsonAsync(MemberPath(workspace.Id, email), new { role = "Viewer" }), HttpStatusCode.NotFound);
            await ProblemAsync(await client.DeleteAsync(MemberPath(workspace.Id, email)), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Add_WithABadEmailAndRole_Is400NamingBoth_AndWritesNothing()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("bad");
        using var client = await ClientForAsync(owner);
        var before = await InvitationAndMemberCountAsync(workspace);

        var response = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "not an email", role = "Boss" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["email", "role"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Role must be one of Owner, Consultant, Attorney, Client or Viewer.", problem["errors"]!["role"]![0]!.GetValue<string>());
        Assert.Equal(before, await InvitationAndMemberCountAsync(workspace));
    }

    [Theory]
    [InlineData("""{ "role": "owner" }""", "role")]
    [InlineData("""{ "role": "1" }""", "role")]
    [InlineData("""{ "practices": null }""", "role")]
    [InlineData("""{ "role": "Consultant", "practices": [] }""", "practices")]
    [InlineData("""{ "role": "Owner", "practices": [] }""", "practices")]
    [InlineData("""{ "role": "Consultant", "practices": ["not-an-id"] }""", "practices[0]")]
    public async Task Change_WithABadField_Is400NamingIt(string body, string path)
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("badchange");
        await AddMemberAsync(workspace, await CreateUserAsync("pat@x.test"), MemberRole.Viewer);
        using var client = await ClientForAsync(owner);

        var response = await client.PutAsync(MemberPath(workspace.Id, "pat@x.test"), Json(JsonNode.Parse(body)!));

        Assert.Equal([path], await ErrorPathsAsync(response));
        Assert.Contains("pat@x.test pat Viewer all", (await ListAsync(client, workspace.Id)).Select(Describe));
    }

    [Fact]
    public async Task PracticesNotOfTheWorkspace_Are400NamingEachByItsPlace_AndNothingIsWritten()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("scope", "Alpha Spa");
        var (_, other) = await OwnedWorkspaceAsync("other", "Their Spa");
        var own = (await PracticeIdsAsync(workspace))[0];
        var theirs = (await PracticeIdsAsync(other))[0];
        await AddMemberAsync(workspace, await CreateUserAsync("pat@x.test"), MemberRole.Viewer);
        await CreateUserAsync("lee@x.test");
        using var client = await ClientForAsync(owner);
        var before = await InvitationAndMemberCountAsync(workspace);
        Guid[] practices = [own, theirs, Guid.NewGuid()];

        var added = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "lee@x.test", role = "Client", practices });
        var invited = await client.PostAsJsonAsync(MembersPath(workspace.Id), new { email = "new@x.test", role = "Client", practices });
        var changed = await client.PutAsJsonAsync(MemberPath(workspace.Id, "pat@x.test"), new { role = "Client", practices });

        foreach (var response in new[] { added, invited, changed })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(["practices[1]", "practices[2]"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
            Assert.Equal("This is not a practice of this workspace.", problem["errors"]!["practices[1]"]![0]!.GetValue<string>());
        }

        Assert.Equal(before, await InvitationAndMemberCountAsync(workspace));
        Assert.Contains("pat@x.test pat Viewer all", (await ListAsync(client, workspace.Id)).Select(Describe));
    }

    [Fact]
    public async Task Change_ThroughTheApi_IsAuditedWithTheCallerAsActor()
    {
        var (owner, workspace) = await OwnedWorkspaceAsync("audit");
        var pat = await CreateUserAsync("pat@x.test");
        await AddMemberAsync(workspace, pat, MemberRole.Viewer);
        using var client = await ClientForAsync(owner);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(MemberPath(workspace.Id, "pat@x.test"), new { role = "Attorney" })).StatusCode);

        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var changes = await db.AuditEvents.Where(e => e.RecordType == nameof(Member) && e.Action == AuditAction.Changed).ToListAsync();
        var change = Assert.Single(changes);
        Assert.Equal((owner.Id, owner.Email), (change.UserId, change.UserName));
        Assert.Contains("Attorney", change.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheMembersEndpointsAndTheirAnswers()
    {
        using var client = Anonymous();

        var paths = (await ReadObjectAsync(await client.GetAsync("/openapi/v1.json")))["paths"]!;

        var members = paths["/api/v1/workspaces/{workspaceId}/members"]!;
        var member = paths["/api/v1/workspaces/{workspaceId}/members/{email}"]!;
        Assert.Equal(["200", "401", "403", "404"], Statuses(members["get"]!));
        Assert.Equal(["201", "202", "400", "401", "403", "404", "409"], Statuses(members["post"]!));
        Assert.Equal(["200", "400", "401", "403", "404"], Statuses(member["put"]!));
        Assert.Equal(["204", "400", "401", "403", "404"], Statuses(member["delete"]!));
        Assert.Equal(["workspaceId"], PathParameters(members["get"]!));
        Assert.Equal(["workspaceId"], PathParameters(members["post"]!));
        Assert.All(new[] { member["get"]!, member["put"]!, member["delete"]! }, operation => Assert.Equal(["email", "workspaceId"], PathParameters(operation)));
        Assert.NotNull(members["post"]!["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(members["post"]!["responses"]!["202"]!["content"]!["application/json"]);
    }

    private static IEnumerable<string> PathParameters(JsonNode operation) =>
        operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Statuses(JsonNode operation) =>
        operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal);

    private static async Task AssertEveryEndpointIs404Async(HttpClient client, Guid workspaceId)
    {
        await ProblemAsync(await client.GetAsync(MembersPath(workspaceId)), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync(MemberPath(workspaceId, "owner.theirs@x.test")), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync(MembersPath(workspaceId), new { email = "friend@x.test", role = "Owner" }), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PutAsJsonAsync(MemberPath(workspaceId, "member@x.test"), new { role = "Owner" }), HttpStatusCode.NotFound);
        await ProblemAsync(await client.DeleteAsync(MemberPath(workspaceId, "owner.others@x.test")), HttpStatusCode.NotFound);
    }

    private static string MembersPath(Guid workspaceId) => $"/api/v1/workspaces/{workspaceId}/members";

    private static string MemberPath(Guid workspaceId, string email) => $"{MembersPath(workspaceId)}/{Uri.EscapeDataString(email)}";

    private static async Task<IReadOnlyList<JsonObject>> ListAsync(HttpClient client, Guid workspaceId)
    {
        var response = await client.GetAsync(MembersPath(workspaceId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return [.. JsonNode.Parse(body)!.AsArray().Select(m => m!.AsObject())];
    }

    /// <summary>"email name role practices", practices as "all" (null) or the ids joined by commas.</summary>
    private static string Describe(JsonObject member) =>
        $"{member["email"]} {member["name"]} {member["role"]} " +
        (member["practices"] is JsonArray ids ? string.Join(",", ids.Select(i => i!.GetValue<Guid>())) : "all");

    private async Task<IReadOnlyList<Guid>> PracticeIdsAsync(Workspace workspace)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        return await db.Practices.OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();
    }

    private async Task<(int Members, int Invitations, int Events)> InvitationAndMemberCountAsync(Workspace workspace)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        return (await db.Members.CountAsync(), await db.Invitations.CountAsync(), await db.AuditEvents.CountAsync());
    }
}
