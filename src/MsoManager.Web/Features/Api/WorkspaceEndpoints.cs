using FluentValidation;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Practices;

namespace MsoManager.Web.Features.Api;

/// <summary>The caller's workspaces, each workspace's portfolio, and importing a practice into one.</summary>
internal static class WorkspaceEndpoints
{
    public const int DefaultLimit = 50;

    public sealed record WorkspaceItem(Guid Id, string Name, MemberRole Role);

    public sealed record PortfolioItem(Guid Id, string Name, string PrimaryState, string Status, RiskSummary Risk);

    public sealed record PortfolioPage(IReadOnlyList<PortfolioItem> Items, string? NextCursor);

    public sealed record Created(Guid Id);

    public static void MapWorkspaceEndpoints(this IEndpointRouteBuilder api)
    {
        var workspaces = api.MapGroup("/workspaces").WithTags("Workspaces");
        workspaces.MapGet("", (ApiCaller caller) =>
            TypedResults.Ok(caller.Session.Memberships.Select(m => new WorkspaceItem(m.WorkspaceId, m.WorkspaceName, m.Role)).ToList()))
            .WithSummary("The caller's workspaces and role in each");
        workspaces.MapGet("/{workspaceId:guid}/practices", ListAsync)
            .WithSummary("The portfolio: practices in the caller's scope, keyset-paginated by name then id")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspaces.MapPost("/{workspaceId:guid}/practices", ImportAsync)
            .Accepts<PracticeDocument>("application/json")
            .WithSummary("Import a practice document")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        Guid workspaceId, ApiCaller caller, PracticeList list, IPracticeRiskReader risks, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null, string? state = null, string? q = null)
    {
        if (!caller.EnterWorkspace(workspaceId))
        {
            return ApiProblems.NotFound("That workspace");
        }

        var errors = new Dictionary<string, string[]>();
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > PracticeList.MaxPageSize)
        {
            errors["limit"] = [$"limit must be between 1 and {PracticeList.MaxPageSize}."];
        }

        var after = DecodeCursor(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["cursor must be a nextCursor value this endpoint returned."];
        }

        if (state is not null && !StateCode.IsValid(state))
        {
            errors["state"] = ["state must be the two-letter code of a US state or DC."];
        }

        if (Text.HasControlCharacters(q))
        {
            errors["q"] = [Text.ControlCharactersMessage("q")];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await list.LoadAfterAsync(after, size, state is null ? null : StateCode.From(state), q, cancellationToken);
        var risk = await risks.ReadAsync(workspaceId, [.. page.Items.Select(i => i.Id)], cancellationToken);
        return TypedResults.Ok(new PortfolioPage(
            [.. page.Items.Select(i => new PortfolioItem(i.Id, i.Name, i.PrimaryState, i.Status.ToString(), risk.GetValueOrDefault(i.Id, RiskSummary.None)))],
            EncodeCursor(page.Next)));
    }

    private static async Task<IResult> ImportAsync(
        Guid workspaceId, HttpRequest request, ApiCaller caller, PracticeStore store, IValidator<PracticeDocument> validator, CancellationToken cancellationToken)
    {
        if (!caller.EnterWorkspace(workspaceId))
        {
            return ApiProblems.NotFound("That workspace");
        }

        var (document, problem) = await PracticeEndpoints.ReadDocumentAsync(request, validator, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = await store.ImportAsync((workspace, now) => PracticeDocumentMapping.ToNewPractice(document!, workspace, now), cancellationToken);
        return TypedResults.Created($"/api/v1/practices/{id}", new Created(id));
    }

    // Opaque to clients (ApiCursor) over "id:lower-cased name", so a name with any characters round-trips.
    private static string? EncodeCursor(PracticeCursor? cursor) => cursor is null ? null : ApiCursor.Encode($"{cursor.Id:N}:{cursor.LowerName}");

    private static PracticeCursor? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || ApiCursor.Decode(cursor) is not { } text)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon == 32 && Guid.TryParseExact(text[..colon], "N", out var id) && !Text.HasControlCharacters(text[(colon + 1)..])
            ? new PracticeCursor(text[(colon + 1)..], id)
            : null;
    }
}
