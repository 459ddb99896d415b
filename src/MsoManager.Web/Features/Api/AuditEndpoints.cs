using System.Text.RegularExpressions;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.History;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// A practice's audit trail as CSV (<see cref="AuditCsv"/>): for API clients under /api/v1, and at the
/// app's own address for the History tab's "Export CSV", which the browser's sign-in cookie authenticates.
/// Both stream the file as it is read, and both answer 404 for a practice that is not the caller's to see.
/// </summary>
internal static partial class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/practices/{id:guid}/audit.csv", ExportAsync)
            .WithTags("Practices")
            .WithSummary("The practice's audit trail as CSV, oldest first: one row per changed field")
            .WithDescription(
                "Columns: sequence, time_utc, who, record, action, field, before, after, hash (RFC 4180, UTF-8 with a byte-order mark). " +
                "Records are named, fields labelled and values formatted as the History tab shows them; an event with no field to show has one row " +
                "with field, before and after empty. Values that a spreadsheet would run as a formula start with an apostrophe.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The History tab's download, signed in by the app's cookie; <c>?record=</c> and <c>?who=</c> are the tab's filters.</summary>
    public static void MapAuditDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/practices/{id:guid}/audit.csv", DownloadAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(Guid id, HttpContext http, ApiCaller caller, PracticeStore store, PracticeHistory history, TimeProvider time)
    {
        // The lookup of the other practice endpoints: a live practice of one of the caller's workspaces, in their scope.
        if (!await caller.EnterPracticeWorkspaceAsync(id, http.RequestAborted) || await store.LoadAsync(id, http.RequestAborted) is not { } snapshot)
        {
            return ApiProblems.NotFound("That practice");
        }

        return Csv(snapshot.Practice, new HistoryFilter(), http, history, time);
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, HttpContext http, ApiCaller caller, PracticeStore store, PracticeHistory history, TimeProvider time, string? record = null, string? who = null)
    {
        try
        {
            // As for an API request: the services read the caller from this request's sign-in, and the practice's
            // workspace is entered for it alone. The page still opens an archived practice, so its history downloads too.
            if (!await caller.SignInAsync(http.User, http.RequestAborted)
                || !await caller.EnterPracticeWorkspaceAsync(id, http.RequestAborted, includeArchived: true)
                || await store.LoadAsync(id, http.RequestAborted) is not { } snapshot)
            {
                return Results.NotFound();
            }

            var filter = new HistoryFilter(Guid.TryParse(record, out var recordId) ? recordId : null, string.IsNullOrEmpty(who) ? null : who);
            return Csv(snapshot.Practice, filter, http, history, time);
        }
        catch (NotPermittedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: e.Message);
        }
    }

    private static IResult Csv(Practice practice, HistoryFilter filter, HttpContext http, PracticeHistory history, TimeProvider time) =>
        TypedResults.Stream(
            output => history.WriteCsvAsync(practice, filter, output, http.RequestAborted),
            AuditCsv.ContentType,
            $"audit-trail-{Slug(practice.Name)}-{time.GetUtcNow():yyyy-MM-dd}.csv");

    /// <summary>"Glow Aesthetics, P.A." as "glow-aesthetics-p-a": a file name every system accepts.</summary>
    private static string Slug(string name) => NotSlug().Replace(name.ToLowerInvariant(), "-").Trim('-') is { Length: > 0 } slug ? slug : "practice";

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}
