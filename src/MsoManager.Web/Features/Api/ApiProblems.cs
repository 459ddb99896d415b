using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using MsoManager.Domain.Common;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Api;

/// <summary>A practice document that breaks rules: every problem, keyed by JSON path. Nothing was written.</summary>
public sealed class PracticeDocumentException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The practice document has problems.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Every API error is an RFC 7807 problem (application/problem+json). The middleware turns the
/// exceptions feature services throw into their status codes, so handlers only describe success.
/// </summary>
internal static class ApiProblems
{
    public static IResult NotFound(string what = "That record") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"{what} does not exist or is not shared with you.");

    public static IResult Invalid(string path, string message) => Invalid(new Dictionary<string, string[]> { [path] = [message] });

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: "Nothing was written; correct the fields named in errors.");

    /// <summary>A validator's failures keyed by JSON path, each path's messages once.</summary>
    public static IReadOnlyDictionary<string, string[]> ByPath(ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static Task Write(HttpContext context, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(context);

    /// <summary>Maps exceptions to problems for /api requests, and gives bodiless error answers a problem body.</summary>
    public static void UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            // The UI's "not found" page is HTML; API clients get problems instead.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            var answer = await AnswerAsync(context, next);
            if (answer is not null)
            {
                await answer.ExecuteAsync(context);
            }
            else if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
            {
                await Results.Problem(statusCode: context.Response.StatusCode).ExecuteAsync(context);
            }
        }));

    private static async Task<IResult?> AnswerAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
            return null;
        }
        catch (BadHttpRequestException e)
        {
            return e.InnerException is JsonException json
                ? Invalid(JsonPath(json.Path), "This is not valid JSON for this field: " + json.Message)
                : Results.Problem(statusCode: e.StatusCode, detail: e.Message);
        }
        catch (PracticeDocumentException e)
        {
            return Invalid(e.Errors);
        }
        catch (DomainRuleException e)
        {
            return Invalid(JsonPath(e.Field), e.Message);
        }
        catch (NotPermittedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
    }

    /// <summary>"$.Entities[1].Form" or "Entities[1].Form" as the document spells it: "entities[1].form".</summary>
    public static string JsonPath(string? path)
    {
        var trimmed = (path ?? "").TrimStart('$').TrimStart('.');
        return trimmed.Length == 0 ? "$" : string.Join('.', trimmed.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
    }
}
