using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;

namespace MsoManager.Benchmarks;

/// <summary>
/// The review page of an MSA with 10 versions and 40 comments, on PostgreSQL: the attorney, signed in
/// with a cookie, GETs /reviews/{id}, which the server renders whole (prerendering: the review, the
/// practice's findings and suggestions, every section, thread and version). 200 requests after a
/// warm-up; p50, p95 and the slowest, against the target of 300 ms.
/// </summary>
internal static partial class ReviewPageBenchmark
{
    private const int Versions = 10;
    private const int Comments = 40;
    private const int Requests = 200;

    public static async Task RunAsync()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var host = AppHost.OnPostgres(await postgres.CreateDatabaseAsync("reviews"));
        const string password = "benchmark passphrase";
        var workspace = await BenchmarkWorkspace.CreateAsync(host, "owner@bench.test", password, "Reviews");
        var attorney = await CreateUserAsync(host, "attorney@bench.test", "Ada Attorney", password);
        var reviewId = await SeedAsync(host, workspace, attorney);

        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(client, "attorney@bench.test", password);
        var path = $"/reviews/{reviewId}";
        for (var warmUp = 0; warmUp < 10; warmUp++)
        {
            await GetAsync(client, path);
        }

        var timings = new List<double>(Requests);
        var bytes = 0;
        for (var i = 0; i < Requests; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await GetAsync(client, path);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine($"Review page, server render (GET {path}: {Versions} versions, {Comments} comments, {bytes:N0} bytes of HTML), {Requests} requests:");
        Console.WriteLine($"  p50 {Percentile(timings, 0.50):F1} ms, p95 {Percentile(timings, 0.95):F1} ms, max {timings[^1]:F1} ms (target: under 300 ms)");
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("review-item-PARTIES", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The review page did not render: {(int)response.StatusCode}.");
        }

        return html.Length;
    }

    /// <summary>A practice with a PC, an MSO and an MSA revised to its 10th version, under review by the attorney with 40 comments in 8 threads.</summary>
    private static async Task<Guid> SeedAsync(AppHost host, Workspace workspace, ApplicationUser attorney)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        var stored = await db.Workspaces.Include(w => w.Members).SingleAsync();
        stored.AddMember(attorney.Id, MemberRole.Attorney, PracticeScope.AllPractices);
        var now = DateTimeOffset.UtcNow;
        var practice = Practice.Create(workspace.Id, "Glow Aesthetics", StateCode.From("TX"), PracticeStatus.Planning, null, now);
        var pc = practice.AddEntity("pc", EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("TX"), EntityStatus.Active));
        var mso = practice.AddEntity("mso", EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("TX"), EntityStatus.Active));
        var terms = new MsaTerms
        {
            EffectiveOn = new DateOnly(2026, 1, 1),
            InitialTermMonths = 36,
            AutoRenew = true,
            RenewalTermMonths = 12,
            WithoutCauseNoticeDays = 90,
            Services = [ServiceLine.Marketing, ServiceLine.HumanResources, ServiceLine.Technology],
            FeeMethod = FeeMethod.FlatMonthly,
            FlatMonthly = 20_000m,
            FmvLow = 180_000m,
            FmvHigh = 300_000m,
            FmvValuedOn = new DateOnly(2025, 11, 1),
            Valuator = "Valuation Partners",
            ReservedAuthority = [.. MsaTerms.EssentialAuthority],
        };
        var msa = practice.AddAgreement("msa", AgreementType.ManagementServicesAgreement, "Management Services Agreement", mso.Id, pc.Id, terms);
        for (var version = 2; version <= Versions; version++)
        {
            msa.Revise(msa.Terms with { FlatMonthly = 20_000m + (version * 500m) }, msa.Title, now);
        }

        db.Practices.Add(practice);
        var requester = new ReviewParticipant(workspace.Members.Single(m => m.Role == MemberRole.Owner).UserId, "Dana Owner", MemberRole.Consultant);
        var lawyer = new ReviewParticipant(attorney.Id, attorney.DisplayName, MemberRole.Attorney);
        var review = Review.Request(msa, lawyer, PracticeScope.AllPractices, requester, false, DateOnly.FromDateTime(now.UtcDateTime).AddDays(7), "Please review before signing.", DateOnly.FromDateTime(now.UtcDateTime), now);
        var sections = Enum.GetValues<ReviewSection>();
        Guid? thread = null;
        for (var i = 0; i < Comments; i++)
        {
            var author = i % 2 == 0 ? lawyer : requester;
            var comment = review.Comment(sections[i / 5 % sections.Length], $"Comment {i + 1}: the fee schedule in section {i} needs a second look at the renewal mechanics.", i % 5 == 0 ? null : thread, author, now.AddMinutes(i));
            thread = i % 5 == 0 ? comment.Id : thread;
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    private static async Task<ApplicationUser> CreateUserAsync(AppHost host, string email, string name, string password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, password);
        return created.Succeeded ? user : throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in through the login form, as a browser does (anti-forgery token included).</summary>
    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await (await client.GetAsync(new Uri("/Account/Login", UriKind.Relative))).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
