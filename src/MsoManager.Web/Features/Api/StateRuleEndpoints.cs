using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Infrastructure.StateRules;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// The state rules in force: in the workspace named by <c>?workspaceId=</c> (404 unless the caller is a
/// member), else in the workspace the app opens for the caller (the last used), else as shipped.
/// </summary>
internal static class StateRuleEndpoints
{
    public sealed record StateRuleItem(
        string State, string StateName,
        CpomStrength Cpom, Confidence CpomConfidence,
        PcOwnerCategory PcOwnerCategory, IReadOnlyList<LicenseType> PcOwnerLicenses, decimal? PhysicianMinPercent, Confidence PcOwnersConfidence, string PcOwnersDetail,
        IReadOnlyList<EntityForm> ProfessionalForms, Confidence ProfessionalFormsConfidence, string EntityFormsDetail,
        FeeSplittingStance FeeSplitting, Confidence FeeSplittingConfidence,
        string? MedSpaNotes, Confidence MedSpaNotesConfidence,
        IReadOnlyList<string> Sources, DateOnly? CompiledOn);

    public static void MapStateRuleEndpoints(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/state-rules").WithTags("State rules").ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("", async (ApiCaller caller, IStateRuleSource source, CancellationToken cancellationToken, Guid? workspaceId = null) =>
            await BookAsync(caller, source, workspaceId, cancellationToken) is { } book
                ? TypedResults.Ok(book.Rows.Select(Item).ToList())
                : ApiProblems.NotFound("That workspace"))
            .WithSummary("Every state's rules, with confidence and sources (informational, not legal advice)");
        rules.MapGet("/{stateCode}", async (string stateCode, ApiCaller caller, IStateRuleSource source, CancellationToken cancellationToken, Guid? workspaceId = null) =>
        {
            if (await BookAsync(caller, source, workspaceId, cancellationToken) is not { } book)
            {
                return ApiProblems.NotFound("That workspace");
            }

            return StateCode.IsValid(stateCode) && book.Find(StateCode.From(stateCode)) is { } rule
                ? TypedResults.Ok(Item(rule))
                : ApiProblems.NotFound($"A state rule for '{stateCode}'");
        })
            .WithSummary("One state's rules, by its two-letter code");
    }

    private static async Task<StateRuleBook?> BookAsync(ApiCaller caller, IStateRuleSource source, Guid? workspaceId, CancellationToken cancellationToken)
    {
        if (workspaceId is { } id && !caller.EnterWorkspace(id))
        {
            return null;
        }

        var workspace = workspaceId ?? caller.Session.Current?.WorkspaceId ?? Guid.Empty;
        return await source.GetBookAsync(workspace, cancellationToken);
    }

    private static StateRuleItem Item(StateRule r) => new(
        r.State.Value, r.StateName, r.Cpom, r.CpomConfidence,
        r.PcOwnerCategory, r.PcOwnerLicenses, r.PhysicianMinPercent, r.PcOwnersConfidence, r.PcOwnersDetail,
        r.ProfessionalForms, r.ProfessionalFormsConfidence, r.EntityFormsDetail,
        r.FeeSplitting, r.FeeSplittingConfidence, r.MedSpaNotes, r.MedSpaNotesConfidence, r.Sources, r.CompiledOn);
}
