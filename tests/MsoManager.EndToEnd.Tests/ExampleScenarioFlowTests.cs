using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MsoManager.EndToEnd.Tests;

/// <summary>
/// The issue's finish line: each of the spec's example scenarios, imported through the HTTP API, gives
/// exactly its expected findings from the findings endpoint, and the same findings on the practice page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExampleScenarioFlowTests(BrowserFixture app)
{
    [Theory]
    [InlineData("example-clean-tx")]
    [InlineData("example-ca-np-majority")]
    [InlineData("example-ny-lay-owner")]
    public async Task Example_ImportedThroughTheApi_ShowsItsExpectedFindings_InTheApiAndOnThePracticePage(string name)
    {
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Examples", $"{name}.json")))!;
        var asOf = example["asOf"]!.GetValue<string>();
        var expected = example["expectedFindings"]!.AsArray()
            .Select(f => $"{f!["severity"]} {f["code"]} {f["subjectKey"]}").Order(StringComparer.Ordinal).ToList();

        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await api.PostAsJsonAsync("api/v1/auth/token", new { email = "owner@demo.test", password = app.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
        var workspaces = (await api.GetFromJsonAsync<JsonArray>("api/v1/workspaces"))!;
        var workspaceId = workspaces.Single(w => w!["name"]!.GetValue<string>() == "Lumen Advisory (demo)")!["id"]!.GetValue<string>();
        var document = example["practice"]!.AsObject();
        document["name"] = $"Scenario {name}";
        var created = await api.PostAsJsonAsync($"api/v1/workspaces/{workspaceId}/practices", document);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var practiceId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var report = (await api.GetFromJsonAsync<JsonObject>($"api/v1/practices/{practiceId}/findings?asOf={asOf}"))!;
        var fromApi = report["findings"]!.AsArray()
            .Select(f => $"{f!["severity"]} {f["code"]} {f["subjectKey"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, fromApi);

        var page = await app.NewPageAsync();
        await page.SignInAsync("owner@demo.test", app.DemoPassword);
        await page.OpenPracticeAsync($"practices/{practiceId}", $"compliance&asOf={asOf}");
        if (expected.Count == 0)
        {
            await page.Locator("#no-findings").WaitForAsync();
            Assert.Contains(asOf, await page.Locator("#no-findings").InnerTextAsync(), StringComparison.Ordinal);
        }
        else
        {
            await page.Locator(".finding").First.WaitForAsync();
        }

        var onPage = new List<string>();
        foreach (var finding in await page.Locator(".finding").AllAsync())
        {
            var group = await finding.EvaluateAsync<string>("e => e.closest('section').id");
            var severity = group["findings-".Length..];
            onPage.Add($"{char.ToUpperInvariant(severity[0])}{severity[1..]} {await finding.GetAttributeAsync("data-code")} {await finding.GetAttributeAsync("data-subject")}");
        }

        Assert.Equal(expected, onPage.Order(StringComparer.Ordinal).ToList());
        await page.Context.CloseAsync();
    }
}
