using System.Text.Json.Serialization;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;
using static MsoManager.Web.Features.Api.PracticeEndpoints;

namespace MsoManager.Web.Features.Api;

/// <summary>An agreement's versions and the comparison of two (review.md): addressed by the practice and the agreement's key.</summary>
internal static class AgreementVersionEndpoints
{
    /// <summary>
    /// One version: <c>effectiveOn</c> is when its terms take effect (the amendment's date for amended terms,
    /// else the agreement's effective date); <c>kind</c> is how it came to be (null for the first version).
    /// </summary>
    public sealed record VersionItem(
        int Version, string Title, AgreementStatus? Status, DateOnly? EffectiveOn, DateOnly? AmendmentEffectiveOn, AgreementVersionKind? Kind,
        DateTimeOffset? SavedAt, string? SavedBy, string? SavedByEmail, bool Current)
    {
        public static VersionItem Of(AgreementVersionEntry entry) => new(
            entry.Number, entry.Version.Title, entry.Status, entry.Version.TakesEffectOn, entry.Version.AmendmentEffectiveOn, entry.Version.Kind,
            entry.SavedAt, entry.SavedBy, entry.SavedByEmail, entry.IsCurrent);
    }

    /// <summary>A field that differs, by its practice document name, with its value in each version; a list also says what was added and removed.</summary>
    public sealed record ChangeItem(
        string Field,
        object? Before,
        object? After,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Added,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Removed);

    /// <summary>The practice's findings under each version, and those the change introduces, clears and leaves.</summary>
    public sealed record ComparisonFindings(
        IReadOnlyList<FindingItem> From, IReadOnlyList<FindingItem> To, IReadOnlyList<FindingItem> Introduced, IReadOnlyList<FindingItem> Cleared,
        IReadOnlyList<FindingItem> Unchanged);

    public sealed record ComparisonReport(
        int From, int To, VersionItem FromVersion, VersionItem ToVersion, IReadOnlyList<ChangeItem> Changes, DateOnly AsOf, ComparisonFindings Findings);

    public static void MapAgreementVersionEndpoints(this IEndpointRouteBuilder api)
    {
        var agreement = api.MapGroup("/practices/{id:guid}/agreements/{key}").WithTags("Agreements").ProducesProblem(StatusCodes.Status404NotFound);
        agreement.MapGet("/versions", VersionsAsync)
            .WithSummary("Every version of the agreement's terms, oldest first, with its status and who saved it when")
            .WithDescription(
                "status is the agreement's status while the version was current (for an earlier version, when the next replaced it); " +
                "savedBy is the name of the member who saved it (system for seeding), from the audit trail.")
            .Produces<IReadOnlyList<VersionItem>>();
        agreement.MapGet("/compare", CompareAsync)
            .WithSummary("Two versions side by side: the fields that differ, and what the change does to compliance on asOf (default today in UTC)")
            .WithDescription(
                "changes name fields as the practice document does (fee.flatMonthly, services, reservedClinicalAuthority...); lists carry added and removed. " +
                "findings are the practice's under each version's terms, all else as it is now; introduced and cleared are matched by code and subjectKey. " +
                "400 names from or to for a version the agreement does not have, or the same version twice.")
            .Produces<ComparisonReport>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> VersionsAsync(Guid id, string key, ApiCaller caller, AgreementVersionsService versions, CancellationToken cancellationToken) =>
        await LoadAsync(id, key, caller, versions, cancellationToken) is { } found
            ? TypedResults.Ok(found.Versions.Select(VersionItem.Of).ToList())
            : ApiProblems.NotFound("That agreement");

    private static async Task<IResult> CompareAsync(
        Guid id, string key, int from, int to, ApiCaller caller, AgreementVersionsService versions, CancellationToken cancellationToken, string? asOf = null)
    {
        var (date, problem) = ParseAsOf(asOf);
        if (problem is not null)
        {
            return problem;
        }

        if (await LoadAsync(id, key, caller, versions, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound("That agreement");
        }

        var compared = await versions.CompareAsync(found, from, to, date, cancellationToken);
        var effect = compared.Comparison.Compliance;
        static IReadOnlyList<FindingItem> Items(IEnumerable<Finding> findings) => [.. findings.Select(FindingItem.Of)];
        return TypedResults.Ok(new ComparisonReport(
            from,
            to,
            VersionItem.Of(compared.From),
            VersionItem.Of(compared.To),
            [.. compared.Comparison.Changes.Select(c => new ChangeItem(c.Field, c.Before, c.After, c.Added, c.Removed))],
            effect.AsOf,
            new ComparisonFindings(Items(effect.Before), Items(effect.After), Items(effect.Introduced), Items(effect.Cleared), Items(effect.Unchanged))));
    }

    /// <summary>The agreement if its practice is live in one of the caller's workspaces, in their scope, and has that key; null means 404.</summary>
    private static async Task<AgreementVersions?> LoadAsync(Guid id, string key, ApiCaller caller, AgreementVersionsService versions, CancellationToken cancellationToken) =>
        await caller.EnterPracticeWorkspaceAsync(id, cancellationToken) ? await versions.LoadAsync(id, key, cancellationToken) : null;
}
