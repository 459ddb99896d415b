using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Auditing;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// Owners demoting and removing each other through the API at the same moment, on PostgreSQL: the
/// changes queue on the workspace's write lock, so the last-Owner rule sees each one before the next and
/// the workspace always keeps an Owner. None is refused as a conflict (409) or fails (500).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentOwnersApiTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private const int Owners = 3;
    private const int Requests = 8;
    private const int Rounds = 3;

    [Fact]
    public async Task EightDemotionsAndRemovalsOfThreeOwnersAtOnce_LeaveAnOwner_EveryRound()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var owners = new List<(string Email, HttpClient Client)>();
            var first = await CreateUserAsync($"owner0.r{round}@x.test");
            var workspace = await CreateWorkspaceAsync($"Firm {round}", first);
            owners.Add((first.Email!, await ClientForAsync(first)));
            for (var o = 1; o < Owners; o++)
            {
                var owner = await CreateUserAsync($"owner{o}.r{round}@x.test");
                await AddMemberAsync(workspace, owner, MemberRole.Owner);
                owners.Add((owner.Email!, await ClientForAsync(owner)));
            }

            // Every Owner both demotes and removes Owners, itself included, all in flight together.
            var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(r => Task.Run(async () =>
            {
                var (_, client) = owners[r % Owners];
                var target = owners[(r + round + (r / Owners)) % Owners].Email;
                var path = $"/api/v1/workspaces/{workspace.Id}/members/{Uri.EscapeDataString(target)}";
                using var response = r % 2 == 0
                    ? await client.PutAsJsonAsync(path, new { role = "Consultant" })
                    : await client.DeleteAsync(path);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })));

            // 200/204 done; 400 the last-Owner rule; 403 the caller was demoted while its request waited; 404 no
            // longer an Owner (or the target already removed) by the time its request began.
            Assert.All(answers, a => Assert.True(
                a.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{a.StatusCode}: {a.Body}"));
            Assert.Contains(answers, a => a.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent);

            await using var scope = Host.Services.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
            Assert.True(await db.Members.CountAsync(m => m.Role == MemberRole.Owner) >= 1, string.Join(" | ", answers.Select(a => $"{a.StatusCode} {a.Body}")));
            var report = await AuditTrail.VerifyAsync(db);
            Assert.True(report.IsIntact, report.Problem);
        }
    }
}
