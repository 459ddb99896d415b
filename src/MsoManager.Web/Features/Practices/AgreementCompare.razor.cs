using Microsoft.AspNetCore.Components;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.History;
using Fields = MsoManager.Domain.Practices.AgreementComparison.Fields;

namespace MsoManager.Web.Features.Practices;

/// <summary>
/// The version compare page (review.md): the address carries both versions (<c>?from=&amp;to=</c>, the
/// previous and current by default) and the date of the findings (<c>asOf</c>, today by default), so the
/// review page links to "what changed since the version I last reviewed". Versions are read once; choosing
/// others or another date compares again from what is held.
/// </summary>
public partial class AgreementCompare
{
    private AgreementVersions? _versions;
    private AgreementVersionComparison? _compared;
    private List<string> _notices = [];
    private bool _loading = true;
    private bool _showAll;

    [Parameter]
    public Guid PracticeId { get; set; }

    [Parameter]
    public string Key { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")]
    private int? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    private int? To { get; set; }

    [SupplyParameterFromQuery(Name = "asOf")]
    private string? AsOf { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_versions is null || _versions.Practice.Id != PracticeId || !string.Equals(_versions.Agreement.Key, Key, StringComparison.OrdinalIgnoreCase))
        {
            _versions = await Versions.LoadAsync(PracticeId, Key);
        }

        _notices = [];
        _compared = _versions is { Versions.Count: > 1 } versions ? await CompareAsync(versions) : null;
        _loading = false;
    }

    /// <summary>
    /// The versions and date the address asks for; a version the agreement does not have, the same one
    /// twice or an unusable date is said in a notice, and the defaults are shown instead.
    /// </summary>
    private async Task<AgreementVersionComparison> CompareAsync(AgreementVersions versions)
    {
        var latest = versions.Agreement.VersionNumber;
        int? Usable(int? number)
        {
            if (number is { } value && AgreementComparison.ValidateVersion(value, latest) is { } problem)
            {
                _notices.Add(problem);
                return null;
            }

            return number;
        }

        var to = Usable(To) ?? latest;
        var from = Usable(From);
        if (from is { } chosen && AgreementComparison.ValidatePair(chosen, to) is { } same)
        {
            _notices.Add(same);
            from = null;
        }

        from ??= to > 1 ? to - 1 : to + 1;
        if (_notices.Count > 0)
        {
            _notices[^1] += $" Showing version {from} and version {to}.";
        }

        var asOf = PracticeLinks.ParseDate(AsOf);
        if (AsOf is not null && (asOf is not { } date || !Dates.IsInRange(date)))
        {
            _notices.Add($"{Dates.OutOfRange($"The date in the address ('{AsOf}')")} The findings below are as of today.");
            asOf = null;
        }

        return await Versions.CompareAsync(versions, from.Value, to, asOf);
    }

    private void Show(int from, int to)
    {
        // Choosing on one side the version the other shows swaps the two, rather than comparing a version with itself.
        if (from == to && _compared is { } compared)
        {
            (from, to) = (compared.To.Number, compared.From.Number);
        }

        Navigation.NavigateTo(PracticeLinks.CompareVersions(PracticeId, Key, from, to, PracticeLinks.ParseDate(AsOf)));
    }

    private void ChangeAsOf(DateTime? date)
    {
        if (date is { } value && _compared is { } compared)
        {
            Navigation.NavigateTo(PracticeLinks.CompareVersions(PracticeId, Key, compared.From.Number, compared.To.Number, DateOnly.FromDateTime(value)));
        }
    }

    /// <summary>A version as the pickers list it: "Version 2: by amendment, current".</summary>
    private string Choice(int number) => _versions?.Find(number) is { } entry
        ? $"Version {number}: {AgreementLabels.Origin(entry.Version).ToLowerInvariant()}{(entry.IsCurrent ? ", current" : "")}"
        : $"Version {number}";

    /// <summary>How the version came to be, when its terms take effect, and whether it is the current one.</summary>
    private static string Origin(AgreementVersionEntry entry) =>
        AgreementLabels.Origin(entry.Version)
        + (entry.Version.TakesEffectOn is { } on ? $"; effective {AgreementLabels.Date(on)}" : "")
        + (entry.IsCurrent ? "; current" : "");

    /// <summary>
    /// One row per term in the history's words (<see cref="TermsChanges.Terms"/>), after the title, the
    /// status and the amendment date; a row is changed when any document field it covers is.
    /// </summary>
    private static IEnumerable<CompareRow> Rows(AgreementVersionComparison compared)
    {
        var changes = compared.Comparison.Changes.ToDictionary(c => c.Field);
        var (before, after) = (compared.From.Version, compared.To.Version);
        CompareRow Row(string label, IReadOnlyList<string> fields, string? from, string? to)
        {
            var list = fields.Count == 1 && changes.TryGetValue(fields[0], out var change) ? change : null;
            return new CompareRow(label, fields, from, to, fields.Any(changes.ContainsKey), Words(list?.Added), Words(list?.Removed));
        }

        yield return Row("Title", [Fields.Title], before.Title, after.Title);
        yield return Row("Status", [Fields.Status], StatusWords(compared.From.Status), StatusWords(compared.To.Status));
        yield return Row("These terms effective from", [Fields.AmendmentEffectiveOn], DateWords(before.AmendmentEffectiveOn), DateWords(after.AmendmentEffectiveOn));
        foreach (var term in TermsChanges.Terms)
        {
            yield return Row(term.Label, term.Fields, term.Words(before.Terms), term.Words(after.Terms));
        }
    }

    private static string? StatusWords(AgreementStatus? status) => status is { } value ? AgreementLabels.Of(value) : null;

    private static string? DateWords(DateOnly? date) => date is { } value ? AgreementLabels.Date(value) : null;

    /// <summary>Items of a list term (services, reservations: enum values; custom services: text) in words.</summary>
    private static IReadOnlyList<string> Words(IReadOnlyList<object>? items) =>
        items is null ? [] : [.. items.Select(item => item is Enum value ? EnumLabels.Of(value) : item.ToString() ?? "")];

    /// <summary>One row of the side-by-side table: a term's words on each side, and for a list what was added and removed.</summary>
    private sealed record CompareRow(
        string Label, IReadOnlyList<string> Fields, string? Before, string? After, bool Changed, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
}
