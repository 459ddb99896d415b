using Microsoft.AspNetCore.Components;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Practices;

/// <summary>
/// The practice's ownership: a cap table per entity on a chosen date, each entity's history of
/// stakes, and the outside organisations that can own them. The 100% rule is the domain's; a
/// dialog shows its refusal and saves nothing.
/// </summary>
public partial class OwnershipSection
{
    private DateOnly? _asOf;

    [CascadingParameter]
    private RecordFocus Focus { get; set; } = RecordFocus.None;

    [CascadingParameter]
    private PracticeEditing Editing { get; set; } = default!;

    private Practice Practice => Editing.Practice;

    /// <summary>The date the cap tables show; today until the user picks another.</summary>
    private DateOnly AsOf => _asOf ?? Clock.Today;

    private void ShowAsOf(DateTime? date) => _asOf = date is { } value ? DateOnly.FromDateTime(value) : null;

    private string OwnerName(OwnershipStake stake) => Practice.OwnerName(stake.Owner());

    private string Describe(OwnershipStake stake) => $"{OwnerName(stake)}'s {stake.Percent} of {Practice.FindEntity(stake.EntityId).LegalName}";

    private string Standing(OwnershipStake stake) =>
        stake.IsHeldOn(AsOf) ? "Held" : stake.From is { } from && from > AsOf ? "Not yet held" : "Ended";

    private static string Percent(decimal value) => $"{value:0.##}%";

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
