using System.Net;

namespace MsoManager.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class SignInRateLimitTests(PostgresFixture postgres) : TestApp(postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:SignInRateLimit:PermitLimit"] = "3",
        ["Identity:SignInRateLimit:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitFromOneAddress_Answers429WithAReadablePage()
    {
        await CreateUserAsync("ok@x.test");
        using var pages = new AccountPages(Host);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await pages.SignInAsync($"u{attempt}@x.test", "whatever it is")).StatusCode);
        }

        var refused = await pages.SignInAsync("ok@x.test", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", page, StringComparison.Ordinal);
        Assert.Contains("try again", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task SignInPage_OpenedMoreOftenThanTheLimit_IsStillShown()
    {
        using var pages = new AccountPages(Host);

        var statuses = new List<HttpStatusCode>();
        for (var visit = 1; visit <= 5; visit++)
        {
            statuses.Add((await pages.GetAsync("/Account/Login")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
