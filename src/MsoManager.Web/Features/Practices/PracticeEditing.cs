using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>What a save of a practice change came to: done, or refused with the reason (naming the field when it can).</summary>
public sealed record ChangeOutcome(bool Succeeded, string? Field = null, string? Message = null)
{
    public static ChangeOutcome Done { get; } = new(true);
}

/// <summary>
/// Cascaded by the practice page to its sections and their dialogs: the snapshot shown, and the one
/// way to change it (through <see cref="PracticeStore.ChangeAsync(Guid, uint, Action{Practice, MemberRole}, Permission, CancellationToken)"/>, with the snapshot's version),
/// or to have another service change what the page shows (a review requested) and reload it.
/// </summary>
public sealed class PracticeEditing(
    PracticeSnapshot snapshot, Func<Action<Practice, MemberRole>, string, Permission, Task<ChangeOutcome>> apply, Action<string> reportRefusal,
    Func<Func<Task>, string, Task<ChangeOutcome>> applyByService)
{
    public PracticeSnapshot Snapshot { get; } = snapshot;

    public Practice Practice => Snapshot.Practice;

    /// <summary>Applies a change to the practice; on success the page reloads and shows <paramref name="success"/>.</summary>
    public Task<ChangeOutcome> ApplyAsync(Action<Practice> change, string success, Permission permission = Permission.EditPractices) =>
        apply((practice, _) => change(practice), success, permission);

    /// <summary>For a change that depends on who makes it: it gets the member's role as the store reads it when saving.</summary>
    public Task<ChangeOutcome> ApplyAsync(Action<Practice, MemberRole> change, string success, Permission permission = Permission.EditPractices) =>
        apply(change, success, permission);

    /// <summary>
    /// For a change another service makes (a review requested moves its agreement into review): runs it,
    /// then the page reloads the practice and shows <paramref name="success"/>; a refusal comes back as a store change's does.
    /// </summary>
    public Task<ChangeOutcome> ApplyByServiceAsync(Func<Task> change, string success) => applyByService(change, success);

    /// <summary>For a button outside a dialog: applies the change and reports a refusal on the page.</summary>
    public Task RunAsync(Action<Practice> change, string success, Permission permission = Permission.EditPractices) =>
        RunAsync((practice, _) => change(practice), success, permission);

    /// <summary>As above, for a change that depends on who makes it.</summary>
    public async Task RunAsync(Action<Practice, MemberRole> change, string success, Permission permission = Permission.EditPractices)
    {
        var outcome = await apply(change, success, permission);
        if (!outcome.Succeeded && outcome.Message is not null)
        {
            reportRefusal(outcome.Message);
        }
    }
}
