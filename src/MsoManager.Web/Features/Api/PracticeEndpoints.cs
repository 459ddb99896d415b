using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MsoManager.Domain.Compliance;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;
using Severity = MsoManager.Domain.Compliance.Severity;

namespace MsoManager.Web.Features.Api;

/// <summary>One practice by id: its document, replacing and archiving it, and its findings.</summary>
internal static class PracticeEndpoints
{
    public sealed record FindingItem(
        string Code, Severity Severity, SubjectType SubjectType, string SubjectKey, string Message, string Recommendation, string? State, IReadOnlyList<string> Sources)
    {
        public static FindingItem Of(Finding f) => new(f.Code, f.Severity, f.SubjectType, f.SubjectKey, f.Message, f.Recommendation, f.State?.Value, f.Sources);
    }

    public sealed record FindingsReport(string AsOf, RiskSummary Risk, IReadOnlyList<FindingItem> Findings);

    public static void MapPracticeEndpoints(this IEndpointRouteBuilder api)
    {
        var practices = api.MapGroup("/practices/{id:guid}").WithTags("Practices").ProducesProblem(StatusCodes.Status404NotFound);
        practices.MapGet("", GetAsync).WithSummary("The practice document as stored, with its version as ETag");
        practices.MapPut("", ReplaceAsync)
            .Accepts<PracticeDocument>("application/json")
            .WithSummary("Replace the practice with a document; If-Match must carry the current ETag")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        practices.MapDelete("", ArchiveAsync)
            .WithSummary("Archive the practice (out of lists, restorable in the app, kept in the audit trail)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        practices.MapGet("/findings", FindingsAsync).WithSummary("The compliance findings on a date (asOf, default today in UTC)").ProducesValidationProblem();
    }

    /// <summary>
    /// Reads and validates a practice document from the body: every problem at once, or the document.
    /// JSON only (415 otherwise), and at most <see cref="PracticeDocumentLimits.MaxBodyBytes"/> (413 otherwise).
    /// </summary>
    public static async Task<(PracticeDocument? Document, IResult? Problem)> ReadDocumentAsync(
        HttpRequest request, IValidator<PracticeDocument> validator, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Send the practice document as application/json."));
        }

        if (await ReadBodyAsync(request, PracticeDocumentLimits.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: PracticeDocumentLimits.TooLarge));
        }

        PracticeDocument? document;
        try
        {
            var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            document = JsonSerializer.Deserialize<PracticeDocument>(body.Span, json);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid(ApiProblems.JsonPath(e.Path), "This is not valid JSON for this field: " + e.Message));
        }

        if (document is null)
        {
            return (null, ApiProblems.Invalid("$", "Send a practice document."));
        }

        var result = await validator.ValidateAsync(document, cancellationToken);
        return result.IsValid ? (document, null) : (null, ApiProblems.Invalid(ApiProblems.ByPath(result)));
    }

    /// <summary>The whole body, or null as soon as it is over <paramref name="limit"/> bytes (whatever Content-Length claims).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpResponse response, ApiCaller caller, PracticeStore store, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, caller, store, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound("That practice");
        }

        response.Headers.ETag = ETag(snapshot.Version);
        return TypedResults.Ok(PracticeDocumentMapping.ToDocument(snapshot.Practice, snapshot.ShowEin));
    }

    private static async Task<IResult> ReplaceAsync(
        Guid id, HttpRequest request, ApiCaller caller, PracticeStore store, IValidator<PracticeDocument> validator, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, caller, store, cancellationToken) is null)
        {
            return ApiProblems.NotFound("That practice");
        }

        // Required, so a client cannot overwrite a change it has not seen (a lost update).
        if (request.Headers.IfMatch.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, detail: "Send If-Match with the ETag from GET /api/v1/practices/{id}.");
        }

        if (ParseETag(request.Headers.IfMatch.ToString()) is not { } version)
        {
            return ApiProblems.Invalid("If-Match", "If-Match must be an ETag this API returned, such as \"1234\".");
        }

        var (document, problem) = await ReadDocumentAsync(request, validator, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var snapshot = await store.ChangeAsync(
            id, version, (practice, role) => PracticeDocumentMapping.Replace(practice, document!, role, time.GetUtcNow()), cancellationToken: cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETag(snapshot.Version);
        return TypedResults.Ok(PracticeDocumentMapping.ToDocument(snapshot.Practice, snapshot.ShowEin));
    }

    private static async Task<IResult> ArchiveAsync(
        Guid id, HttpRequest request, ApiCaller caller, PracticeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, caller, store, cancellationToken) is not { } snapshot)
        {
            return ApiProblems.NotFound("That practice");
        }

        // If-Match is optional here: archiving is restorable, but a stale one is still refused.
        var version = snapshot.Version;
        if (request.Headers.IfMatch.Count > 0)
        {
            if (ParseETag(request.Headers.IfMatch.ToString()) is not { } expected)
            {
                return ApiProblems.Invalid("If-Match", "If-Match must be an ETag this API returned, such as \"1234\".");
            }

            version = expected;
        }

        await store.ChangeAsync(id, version, practice => practice.Archive(time.GetUtcNow()), cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The <c>asOf</c> query value: null when absent (today), the date, or a 400 problem naming asOf
    /// when it is not a date written YYYY-MM-DD in range.
    /// </summary>
    public static (DateOnly? Date, IResult? Problem) ParseAsOf(string? asOf) =>
        asOf is null ? (null, null)
        : ApiDates.Parse(asOf) is { } parsed ? (parsed, null)
        : (null, ApiProblems.Invalid("asOf", ApiDates.Invalid("asOf")));

    private static async Task<IResult> FindingsAsync(Guid id, ApiCaller caller, ComplianceService compliance, CancellationToken cancellationToken, string? asOf = null)
    {
        var (date, problem) = ParseAsOf(asOf);
        if (problem is not null)
        {
            return problem;
        }

        if (await caller.FindPracticeAsync(id, cancellationToken) is not { } version
            || await compliance.EvaluateAsync(id, version, date, cancellationToken) is not { } report)
        {
            return ApiProblems.NotFound("That practice");
        }

        return TypedResults.Ok(new FindingsReport(
            report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            report.Risk,
            [.. report.Findings.Select(FindingItem.Of)]));
    }

    /// <summary>The practice if it is live in one of the caller's workspaces and in their scope; null means 404.</summary>
    private static async Task<PracticeSnapshot?> LoadAsync(Guid id, ApiCaller caller, PracticeStore store, CancellationToken cancellationToken) =>
        await caller.EnterPracticeWorkspaceAsync(id, cancellationToken) ? await store.LoadAsync(id, cancellationToken) : null;

    private static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static uint? ParseETag(string value)
    {
        var text = value.Trim();
        text = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
        return uint.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
