using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.History;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>
/// One version of an agreement as its list shows it: the terms, the status the agreement had while they
/// were current (null when the trail does not say), and who saved them when (null without a trail).
/// </summary>
public sealed record AgreementVersionEntry(AgreementTermsVersion Version, AgreementStatus? Status, DateTimeOffset? SavedAt, string? SavedBy, string? SavedByEmail, bool IsCurrent)
{
    public int Number => Version.Number;
}

/// <summary>An agreement of a practice the member may see, with every version of its terms, oldest first.</summary>
public sealed record AgreementVersions(Practice Practice, Agreement Agreement, IReadOnlyList<AgreementVersionEntry> Versions)
{
    public AgreementVersionEntry? Find(int number) => Versions.FirstOrDefault(v => v.Number == number);
}

/// <summary>Two versions of an agreement compared (<see cref="AgreementComparison"/>), with each one's entry.</summary>
public sealed record AgreementVersionComparison(AgreementVersionEntry From, AgreementVersionEntry To, AgreementComparison Comparison);

/// <summary>
/// An agreement's versions and their comparison (review.md, "Version compare"), for the compare page,
/// the review page and the API. Scoped as <see cref="PracticeStore"/> is: a practice outside the member's
/// scope, or an agreement key it does not have, is "not found". Who saved a version and the status it had
/// are not kept on the version; they are read from the agreement's audit trail.
/// </summary>
public sealed class AgreementVersionsService(WorkspaceSession session, TenantDbContextFactory contexts, IStateRuleSource stateRules, WorkspaceClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The agreement <paramref name="key"/> of the practice with every version, or null when the member cannot see it.</summary>
    public async Task<AgreementVersions?> LoadAsync(Guid practiceId, string key, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var snapshot = await db.BeginSnapshotReadAsync(cancellationToken);
        var practice = await db.VisiblePractices(membership).WithStructure().Include(p => p.Agreements).ThenInclude(a => a.Versions)
            .AsNoTracking().SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken);
        if (practice?.Agreements.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)) is not { } agreement)
        {
            return null;
        }

        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.PracticeId == practiceId && e.RecordId == agreement.Id && e.RecordType == nameof(Agreement) && e.Action != AuditAction.Deleted)
            .OrderBy(e => e.Sequence)
            .Select(e => new SavedChange(e.Action, e.OccurredAt, e.UserId, e.UserName, e.Before, e.After))
            .ToListAsync(cancellationToken);
        var userIds = events.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new AgreementVersions(practice, agreement, Entries(agreement, events, names));
    }

    /// <summary>
    /// Versions <paramref name="from"/> and <paramref name="to"/> of the agreement compared, with their
    /// findings on <paramref name="asOf"/> (today in UTC by default). A version the agreement does not have,
    /// or the same one twice, is a <see cref="ValidationException"/> naming "from" and/or "to".
    /// </summary>
    public async Task<AgreementVersionComparison> CompareAsync(AgreementVersions versions, int from, int to, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var problems = AgreementComparison.Validate(from, to, versions.Agreement.VersionNumber);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Message)));
        }

        var (before, after) = (versions.Find(from)!, versions.Find(to)!);
        var book = await stateRules.GetBookAsync(versions.Practice.WorkspaceId, cancellationToken);
        var comparison = AgreementComparison.Between(versions.Practice, versions.Agreement.Id, from, to, before.Status, after.Status, asOf ?? Today, book);
        return new AgreementVersionComparison(before, after, comparison);
    }

    /// <summary>
    /// Each version with what the trail says of it. The Created event saved version 1 (an import too); a
    /// Changed event whose values carry a new VersionNumber saved that version. A version's status is the
    /// agreement's status when the next version replaced it (its status before that save: an approved draft
    /// revised reads Approved, not the Draft it became), and the current version's is the agreement's own.
    /// </summary>
    private static List<AgreementVersionEntry> Entries(Agreement agreement, IReadOnlyList<SavedChange> events, IReadOnlyDictionary<string, string> names)
    {
        var saved = new Dictionary<int, SavedChange>();
        var statusWhenReplaced = new Dictionary<int, AgreementStatus?>();
        AgreementStatus? status = null;
        var version = 1;
        foreach (var change in events)
        {
            var before = AuditValues.Parse(change.Before);
            var after = AuditValues.Parse(change.After);
            if (change.Action == AuditAction.Created)
            {
                version = Number(after) ?? 1;
                saved[version] = change;
            }
            else if (Number(after) is { } next)
            {
                statusWhenReplaced[Number(before) ?? version] = before?.Has(nameof(Agreement.Status)) == true ? StatusIn(before) : status;
                version = next;
                saved[next] = change;
            }

            if (after?.Has(nameof(Agreement.Status)) == true)
            {
                status = StatusIn(after);
            }
        }

        return
        [
            .. agreement.AllVersions().Select(v =>
            {
                var current = v.Number == agreement.VersionNumber;
                var change = saved.GetValueOrDefault(v.Number);
                return new AgreementVersionEntry(
                    v,
                    current ? agreement.Status : statusWhenReplaced.GetValueOrDefault(v.Number),
                    change?.OccurredAt ?? v.SavedAt,
                    change is null ? null : Who(change, names),
                    change?.UserId is null ? null : change.UserName,
                    current);
            }),
        ];
    }

    /// <summary>The saver's name as their account has it now, else as the trail recorded them (their email, or "system").</summary>
    private static string Who(SavedChange change, IReadOnlyDictionary<string, string> names) =>
        change.UserId is { } id && names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : change.UserName ?? AuditNarrative.System;

    private static int? Number(AuditValues? values) =>
        int.TryParse(values?.Text(nameof(Agreement.VersionNumber)), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static AgreementStatus? StatusIn(AuditValues values) => Enum.TryParse<AgreementStatus>(values.Text(nameof(Agreement.Status)), out var status) ? status : null;

    /// <summary>An audit event of the agreement, with what reading its versions needs.</summary>
    private sealed record SavedChange(AuditAction Action, DateTimeOffset OccurredAt, string? UserId, string? UserName, string? Before, string? After);
}
