using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MsoManager.IntegrationTests.Api;

/// <summary>Errors as a deployed app answers them (the Production environment): always a problem, never HTML or an empty body.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiErrorTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    private const string Secret = "connection string of the secret database";

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["environment"] = "Production" };

    [Theory]
    [InlineData("GET", "/api/v1/workspaces")]
    [InlineData("POST", "/api/v1/workspaces/{0}/practices")]
    [InlineData("PUT", "/api/v1/practices/{0}")]
    [InlineData("DELETE", "/api/v1/practices/{0}")]
    public async Task AnyMethod_UnhandledException_Is500ProblemWithoutItsDetails(string method, string path)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        Assert.Equal("Production", Host.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);
        await using var broken = Host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<AuthenticationStateProvider, BrokenAuthenticationState>()));
        using var brokenClient = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        brokenClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, workspace.Id))
        {
            Content = method is "POST" or "PUT" ? Json(Example("example-clean-tx")) : null,
            Headers = { { "If-Match", "\"1\"" } },
        };

        var response = await brokenClient.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(500, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.DoesNotContain(Secret, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(BrokenAuthenticationState), problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/practices/not-a-guid", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/workspaces/not-a-guid/practices", null, HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/v1/practices/{0}", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/workspaces", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/v1/workspaces/{0}/practices", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("PUT", "/api/v1/practices/{1}", "application/xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "/api/v1/auth/token", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task RequestTheApiCannotServe_IsAProblemWithItsStatus(string method, string path, string? contentType, HttpStatusCode status)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var practice = await ImportOkAsync(client, workspace.Id, Example("example-clean-tx"));
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, workspace.Id, practice))
        {
            Content = contentType is null ? null : new StringContent(Example("example-clean-tx").ToJsonString(), Encoding.UTF8, contentType),
            Headers = { { "If-Match", await ETagAsync(client, practice) } },
        };

        var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, status);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Get_WithoutAToken_Is401Problem()
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync("/api/v1/workspaces");

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem["status"]!.GetValue<int>());
    }

    /// <summary>Stands for any service failing under a request: every authenticated endpoint signs its caller in through it.</summary>
    private sealed class BrokenAuthenticationState : AuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => throw new InvalidOperationException(Secret);

        public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask) => throw new InvalidOperationException(Secret);
    }
}
