using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using MsoManager.Domain.Common;
using MsoManager.Web.Features.Reviews;
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
internal static partial class ApiProblems
{
    public static IResult NotFound(string what = "That record") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"{what} does not exist or is not shared with you.");

    public static IResult Invalid(string path, string message) => Invalid(new Dictionary<string, string[]> { [path] = [message] });

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: "Nothing was written; correct the fields named in errors.");

    /// <summary>A validator's failures keyed by JSON path, each path's messages once.</summary>
    public static IReadOnlyDictionary<string, string[]> ByPath(ValidationResult result) => ByPath(result.Errors);

    public static IReadOnlyDictionary<string, string[]> ByPath(IEnumerable<ValidationFailure> failures) =>
        failures
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
            return e.InnerException is JsonException json ? Invalid(JsonPath(json.Path), "This is not valid JSON for this field: " + json.Message)
                : UnboundParameter(e) is { } parameter ? Invalid(parameter.Name, parameter.Message)
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
        catch (ValidationException e)
        {
            // A service's own validation of a form (the members service's), keyed by the form's property paths.
            return Invalid(ByPath(e.Errors));
        }
        catch (NotPermittedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: e.Message);
        }
        catch (ReviewNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or AlreadyExistsException or ConflictException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Answered here rather than by the app's exception handler, which re-executes the HTML error
            // page with the request's method (a PUT there is a bodiless 405). Logged in full; the client
            // gets the trace id to quote, never the exception's message or stack.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                .LogError(e, "Unhandled exception answering {Method} {Path}", context.Request.Method, context.Request.Path);
            return Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "An unexpected error occurred.",
                detail: "The server could not complete the request. The error was logged; quote the traceId when reporting it.");
        }
    }

    /// <summary>
    /// The query or route value a handler's parameter could not be bound from ("limit=abc"), named as the
    /// client wrote it, with what it must be; null for other bad requests. Read from the binder's message
    /// (the only place it says which parameter), so every typed parameter of every endpoint is covered.
    /// </summary>
    private static (string Name, string Message)? UnboundParameter(BadHttpRequestException e)
    {
        if (e.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }

        if (RequiredMissing().Match(e.Message) is { Success: true } missing)
        {
            return (missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required.");
        }

        if (FailedToBind().Match(e.Message) is not { Success: true } failed)
        {
            return null;
        }

        var name = failed.Groups["name"].Value;
        var type = failed.Groups["type"].Value;
        type = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type;
        return (name, type switch
        {
            "int" or "long" or "short" or "uint" or "ulong" => $"{name} must be a whole number.",
            "decimal" or "double" or "float" => $"{name} must be a number.",
            "bool" => $"{name} must be true or false.",
            "Guid" => $"{name} must be an id as this API returns them (a GUID such as 0193a4f2-7c1e-7d3a-9b5e-2f6c8d9e0a1b).",
            "DateOnly" => $"{name} must be a date written YYYY-MM-DD, {Dates.RangeText}.",
            _ => $"{name} does not have an accepted value.",
        });
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^ \"]+)\" from", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\"]+) (?<name>[^ \"]+)\" was not provided", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMissing();

    /// <summary>"$.Entities[1].Form" or "Entities[1].Form" as the document spells it: "entities[1].form".</summary>
    public static string JsonPath(string? path)
    {
        var trimmed = (path ?? "").TrimStart('$').TrimStart('.');
        return trimmed.Length == 0 ? "$" : string.Join('.', trimmed.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
    }
}
