using MsoManager.Domain.Common;
using MsoManager.Domain.Deadlines;
using MsoManager.Web.Features.Deadlines;

namespace MsoManager.Web.Features.Api;

/// <summary>The deadlines of deadlines.md: one practice's in a window, and every practice's in the caller's scope, keyset-paginated.</summary>
internal static class DeadlineEndpoints
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    public sealed record DeadlineItem(string Kind, string Date, DeadlineSubject SubjectType, string SubjectKey, string Title);

    public sealed record PracticeDeadlines(string From, string To, IReadOnlyList<DeadlineItem> Items);

    public sealed record WorkspaceDeadlineItem(Guid PracticeId, string PracticeName, string Kind, string Date, DeadlineSubject SubjectType, string SubjectKey, string Title);

    /// <summary>A page of deadlines; nextCursor is null on the last page.</summary>
    public sealed record WorkspaceDeadlines(string From, string To, IReadOnlyList<WorkspaceDeadlineItem> Items, string? NextCursor);

    public static void MapDeadlineEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/practices/{id:guid}/deadlines", ForPracticeAsync)
            .WithTags("Deadlines")
            .WithSummary($"The practice's deadlines from from (default today in UTC) to to (default from + {DeadlineWindow.DefaultDays} days), in the catalog's order")
            .WithDescription($"400 naming from or to when a date is malformed, to is before from, or the window is longer than {DeadlineWindow.MaxDays} days.")
            .Produces<PracticeDeadlines>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/workspaces/{workspaceId:guid}/deadlines", ForWorkspaceAsync)
            .WithTags("Deadlines")
            .WithSummary("Every practice's deadlines in the caller's scope, optionally of some kinds (kind=, repeatable) and a state, keyset-paginated by date, practice id, kind and subject key")
            .WithDescription($"limit 1..{MaxLimit} (default {DefaultLimit}); pass nextCursor as cursor for the next page. 400 naming the parameter for a malformed date, an unknown kind or state, a limit out of range or a cursor this endpoint did not write.")
            .Produces<WorkspaceDeadlines>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ForPracticeAsync(
        Guid id, ApiCaller caller, DeadlineService deadlines, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        var window = ParseWindow(from, to, deadlines.Today, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        if (!await caller.EnterPracticeWorkspaceAsync(id, cancellationToken)
            || await deadlines.ForPracticeAsync(id, window.From, window.To, cancellationToken) is not { } items)
        {
            return ApiProblems.NotFound("That practice");
        }

        return TypedResults.Ok(new PracticeDeadlines(
            ApiDates.Text(window.From), ApiDates.Text(window.To), [.. items.Select(d => new DeadlineItem(d.Kind, ApiDates.Text(d.Date), d.SubjectType, d.SubjectKey, d.Title))]));
    }

    private static async Task<IResult> ForWorkspaceAsync(
        Guid workspaceId, ApiCaller caller, DeadlineService deadlines, CancellationToken cancellationToken,
        string? from = null, string? to = null, string[]? kind = null, string? state = null, int? limit = null, string? cursor = null)
    {
        if (!caller.EnterWorkspace(workspaceId))
        {
            return ApiProblems.NotFound("That workspace");
        }

        var errors = new Dictionary<string, string[]>();
        var window = ParseWindow(from, to, deadlines.Today, errors);
        var kinds = kind is { Length: > 0 } ? kind.ToHashSet(StringComparer.Ordinal) : null;
        if (kinds?.FirstOrDefault(k => !DeadlineKinds.IsKnown(k)) is { } unknown)
        {
            errors["kind"] = [$"kind '{unknown}' is not one of {string.Join(", ", DeadlineKinds.All)}."];
        }

        if (state is not null && !StateCode.IsValid(state))
        {
            errors["state"] = ["state must be the two-letter code of a US state or DC."];
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        var after = cursor is null ? null : DecodeCursor(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["cursor must be a nextCursor value this endpoint returned."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var all = await deadlines.ForWorkspaceAsync(window.From, window.To, state is null ? null : StateCode.From(state), kinds, cancellationToken);
        var start = after is null ? 0 : FirstAfter(all, after);
        var page = all.Skip(start).Take(size).ToList();
        var next = start + page.Count < all.Count ? EncodeCursor(page[^1]) : null;
        return TypedResults.Ok(new WorkspaceDeadlines(
            ApiDates.Text(window.From), ApiDates.Text(window.To),
            [.. page.Select(p => new WorkspaceDeadlineItem(p.PracticeId, p.PracticeName, p.Deadline.Kind, ApiDates.Text(p.Deadline.Date), p.Deadline.SubjectType, p.Deadline.SubjectKey, p.Deadline.Title))],
            next));
    }

    /// <summary>The window asked for, defaults filled in (from today, to a year on); problems are added to <paramref name="errors"/>.</summary>
    private static DeadlineWindow ParseWindow(string? from, string? to, DateOnly today, Dictionary<string, string[]> errors)
    {
        var start = ParseDate(from, "from", errors) ?? today;
        var end = ParseDate(to, "to", errors) ?? (to is null ? start.AddDays(DeadlineWindow.DefaultDays) : start);
        if (errors.Count == 0 && DeadlineWindow.Validate(start, end) is { } problem)
        {
            errors["to"] = [problem];
        }

        return new DeadlineWindow(start, end);
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (ApiDates.Parse(value) is { } date)
        {
            return date;
        }

        errors[name] = [ApiDates.Invalid(name)];
        return null;
    }

    /// <summary>The index of the first deadline after the cursor's, in the list's order.</summary>
    private static int FirstAfter(IReadOnlyList<PracticeDeadline> all, PracticeDeadline after)
    {
        var index = 0;
        while (index < all.Count && DeadlineService.CatalogOrder.Instance.Compare(all[index], after) <= 0)
        {
            index++;
        }

        return index;
    }

    // Opaque to clients (ApiCursor) over the last item's sort key: "date|practice id|kind|subject key".
    private static string EncodeCursor(PracticeDeadline last) =>
        ApiCursor.Encode($"{ApiDates.Text(last.Deadline.Date)}|{last.PracticeId:N}|{last.Deadline.Kind}|{last.Deadline.SubjectKey}");

    private static PracticeDeadline? DecodeCursor(string cursor)
    {
        var parts = ApiCursor.Decode(cursor)?.Split('|', 4);
        return parts is { Length: 4 }
            && ApiDates.Parse(parts[0]) is { } date
            && Guid.TryParseExact(parts[1], "N", out var practiceId)
            && DeadlineKinds.IsKnown(parts[2])
            ? new PracticeDeadline(practiceId, "", new Deadline(parts[2], date, default, parts[3], Guid.Empty, ""))
            : null;
    }
}
