using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Practices;

/// <summary>A practice as a page holds it: the whole aggregate and the version its edits are based on.</summary>
public sealed record PracticeSnapshot(Practice Practice, uint Version, WorkspaceMembership Membership)
{
    public bool CanEdit => Membership.Can(Permission.EditPractices);

    public bool CanEditSetupTasks => Membership.Can(Permission.EditSetupTasks);

    public bool CanReview => Membership.Can(Permission.ReviewAgreements);

    /// <summary>EINs in full for roles that edit entities, masked for the others.</summary>
    public string ShowEin(Ein? ein) => ein is null ? "" : Membership.Can(Permission.ViewSensitiveIdentifiers) ? ein.Value : ein.Masked;
}

/// <summary>
/// Loads and saves whole practices for the pages and the API's importer: every change runs
/// through the <see cref="Practice"/> aggregate, after the role check, against the version the user
/// started from. One short-lived context per operation. Each save also rewrites the practice's stored
/// risk (its findings as of today), so the portfolio list is never behind an edit.
/// </summary>
public sealed class PracticeStore(WorkspaceSession session, TenantDbContextFactory contexts, IStateRuleSource stateRules, WorkspaceClock clock, TimeProvider time)
{
    /// <summary>Loads a practice in the member's scope, or null when there is none (or it is not theirs to see).</summary>
    public async Task<PracticeSnapshot?> LoadAsync(Guid practiceId, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var snapshot = await db.BeginSnapshotReadAsync(cancellationToken);
        var practice = await db.VisiblePractices(membership).WithEverything().AsNoTracking().SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken);
        if (practice is null)
        {
            return null;
        }

        var version = await db.Practices.Where(p => p.Id == practiceId)
            .Select(p => EF.Property<uint>(p, ConcurrencyVersion.PropertyName)).SingleAsync(cancellationToken);
        return new PracticeSnapshot(practice, version, membership);
    }

    /// <summary>
    /// The practice's structure as the compliance engine reads it (no setup tasks, no agreement
    /// history), or null when it is not the member's to see: one query for its current version, and the
    /// aggregate only when that version is not already in <paramref name="cache"/>.
    /// </summary>
    public async Task<Practice?> LoadStructureAsync(Guid practiceId, PracticeStructureCache cache, CancellationToken cancellationToken = default) =>
        await LoadStructureAsync(practiceId, cache, knownVersion: null, cancellationToken);

    /// <summary>
    /// As above, for a caller that has just read the practice's version in the current workspace (the
    /// API's lookup); the member's scope is then checked against the membership in hand.
    /// </summary>
    public async Task<Practice?> LoadStructureAsync(Guid practiceId, PracticeStructureCache cache, uint? knownVersion, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var snapshot = await db.BeginSnapshotReadAsync(cancellationToken);
        var version = knownVersion is { } known
            ? (membership.Scope.Includes(practiceId) ? known : null)
            : await db.VisiblePractices(membership).Where(p => p.Id == practiceId)
                .Select(p => (uint?)EF.Property<uint>(p, ConcurrencyVersion.PropertyName)).SingleOrDefaultAsync(cancellationToken);
        return version is { } current
            ? await cache.GetOrLoadAsync(practiceId, current, () => db.Practices.Where(p => p.Id == practiceId).WithStructure().AsNoTracking().SingleAsync(cancellationToken))
            : null;
    }

    /// <summary>Creates a practice; the creator's role must allow editing practices.</summary>
    public Task<Guid> CreateAsync(string name, StateCode primaryState, PracticeStatus status, string? notes, CancellationToken cancellationToken = default) =>
        ImportAsync((workspaceId, now) => Practice.Create(workspaceId, name, primaryState, status, notes, now), cancellationToken);

    /// <summary>
    /// Saves a new practice that <paramref name="build"/> makes, through the aggregate's operations, for
    /// the current workspace at the current time: the one creation path of the UI and the API's importer.
    /// The creator's role must allow editing practices; a refused rule leaves nothing written.
    /// </summary>
    public async Task<Guid> ImportAsync(Func<Guid, DateTimeOffset, Practice> build, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.EditPractices, cancellationToken);
        var practice = build(membership.WorkspaceId, time.GetUtcNow());
        await using var db = contexts.CreateDbContext();
        db.Practices.Add(practice);
        await RecordRiskAsync(db, practice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return practice.Id;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the practice as stored, if it is still at
    /// <paramref name="version"/>; returns the new snapshot. A concurrent change by someone else
    /// is refused with <see cref="ConcurrencyConflictException"/> saying who changed what.
    /// </summary>
    public Task<PracticeSnapshot> ChangeAsync(
        Guid practiceId, uint version, Action<Practice> change, Permission permission = Permission.EditPractices, CancellationToken cancellationToken = default) =>
        ChangeAsync(practiceId, version, (practice, _) => change(practice), permission, cancellationToken);

    /// <summary>
    /// As above, for a change that depends on who makes it: it is given the member's role as read for
    /// this save (not as the page last saw it). A change that changes nothing writes nothing: no
    /// audit event, no new version.
    /// </summary>
    public async Task<PracticeSnapshot> ChangeAsync(
        Guid practiceId, uint version, Action<Practice, MemberRole> change, Permission permission = Permission.EditPractices, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(permission, cancellationToken);
        await using (var db = contexts.CreateDbContext())
        {
            // One snapshot for the split queries: otherwise a review decision committing between them could pair the
            // version the author read with an agreement status they never saw.
            Practice practice;
            await using (var snapshot = await db.BeginSnapshotReadAsync(cancellationToken))
            {
                practice = await db.VisiblePractices(membership).WithEverything().SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken)
                    ?? throw new ConcurrencyConflictException("This practice no longer exists or is no longer shared with you.");

                // Ended explicitly: on SQLite the snapshot is a transaction EF was handed, which disposing would leave open.
                await snapshot.CommitAsync(cancellationToken);
            }

            // A change made from an older version is refused before it is applied: its rules would meet a state its
            // author has not seen (a whole document would be refused a status step a review took since), and the
            // check under the write lock below would refuse it anyway.
            if (!Equals(db.Entry(practice).Property(ConcurrencyVersion.PropertyName).CurrentValue, version))
            {
                throw new ConcurrencyConflictException(await DescribeLatestChangeAsync(practiceId, cancellationToken));
            }

            ConcurrencyVersion.ExpectOriginal(db, practice, version);
            change(practice, membership.Role);
            DeleteRemovedRecords(db, practice);
            EnsureOnlyPermittedRecordsChanged(db, permission);
            EnsureAgreementStepsPermitted(db, membership.Role);
            if (!HasChanges(db))
            {
                return new PracticeSnapshot(practice, version, membership);
            }

            ConcurrencyVersion.Touch(db, practice);

            // Under the workspace's write lock every earlier save has committed, so the stored version is
            // final: a stale edit is refused here, before any of its rows meets another save's.
            await using var transaction = await db.BeginWorkspaceWriteAsync(cancellationToken);
            var stored = await db.Practices.Where(p => p.Id == practiceId)
                .Select(p => (uint?)EF.Property<uint>(p, ConcurrencyVersion.PropertyName)).SingleOrDefaultAsync(cancellationToken);
            if (stored != version)
            {
                throw new ConcurrencyConflictException(await DescribeLatestChangeAsync(practiceId, cancellationToken));
            }

            await RecordRiskAsync(db, practice, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(await DescribeLatestChangeAsync(practiceId, cancellationToken));
            }
        }

        return await LoadAsync(practiceId, cancellationToken) ?? throw new ConcurrencyConflictException("The practice is no longer shared with you.");
    }

    /// <summary>Whether the change added, removed or really changed any record (a value set to what it was is no change).</summary>
    private static bool HasChanges(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Deleted
            || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))));
    }

    /// <summary>
    /// The last word on agreement statuses, whatever the change did: each status that moved must be
    /// reachable by the member's role from where it was without a review step (a new agreement starts
    /// as a draft; an approved one revised is a draft again), so no edit path can approve or execute
    /// without the review. Reviews move statuses through ReviewService; imports, which record
    /// agreements as they are, go through <see cref="ImportAsync"/>.
    /// </summary>
    private static void EnsureAgreementStepsPermitted(AppDbContext db, MemberRole role)
    {
        foreach (var entry in db.ChangeTracker.Entries<Agreement>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var status = entry.Property(a => a.Status);
            var from = entry.State == EntityState.Added ? AgreementStatus.Draft : status.OriginalValue;
            if (AgreementWorkflow.IsApprovalLapse(from, status.CurrentValue) && entry.Property(a => a.VersionNumber).IsModified)
            {
                continue;
            }

            var outsideReview = entry.Property(a => a.OutsideReviewCounsel);
            var recordedOutsideReview = outsideReview.CurrentValue is not null
                && (entry.State == EntityState.Added || outsideReview.OriginalValue is null);
            AgreementWorkflow.Plan(from, status.CurrentValue, role, recordedOutsideReview);
        }
    }

    private async Task RecordRiskAsync(AppDbContext db, Practice practice, CancellationToken cancellationToken)
    {
        var book = await stateRules.GetBookAsync(practice.WorkspaceId, cancellationToken);
        await PracticeRiskRecords.RecordAsync(db, [practice], await clock.TodayInAsync(practice.WorkspaceId, cancellationToken), book, cancellationToken);
    }

    /// <summary>
    /// Marks the records the change took out of the aggregate as deleted, dependents before the
    /// records they point at. Left to change detection, EF would sever an entity from the practice
    /// before the stakes and roles that point at it when a change removes both (replacing a whole
    /// practice does), and refuse the required relationship.
    /// </summary>
    private static void DeleteRemovedRecords(AppDbContext db, Practice practice)
    {
        var kept = new HashSet<object>(
            practice.Locations.Cast<object>().Concat(practice.Entities).Concat(practice.People)
                .Concat(practice.People.SelectMany(p => p.Licenses)).Concat(practice.People.SelectMany(p => p.Roles))
                .Concat(practice.Organizations).Concat(practice.Stakes).Concat(practice.Agreements)
                .Concat(practice.Agreements.SelectMany(a => a.Versions)).Concat(practice.FinancialMonths).Concat(practice.SetupTasks),
            ReferenceEqualityComparer.Instance);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var removed = db.ChangeTracker.Entries<IPracticeOwned>()
                .Where(e => e.State is EntityState.Unchanged or EntityState.Modified && !kept.Contains(e.Entity))
                .OrderBy(e => DeletionOrder.IndexOf(e.Entity.GetType()))
                .ToList();
            foreach (var entry in removed)
            {
                entry.State = EntityState.Deleted;
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Record types in the order they can be deleted: each before the types it refers to.</summary>
    private static readonly List<Type> DeletionOrder =
    [
        typeof(SetupTask), typeof(FinancialMonth), typeof(AgreementVersion), typeof(Agreement), typeof(OwnershipStake),
        typeof(EntityRole), typeof(License), typeof(Organization), typeof(Person), typeof(LegalEntity), typeof(Location),
    ];

    /// <summary>
    /// Roles that may change only part of a practice (a Client its setup tasks) are held to that part
    /// here, whatever the change tried to do; an Attorney's review decisions are reviews' own records.
    /// </summary>
    private static void EnsureOnlyPermittedRecordsChanged(AppDbContext db, Permission permission)
    {
        if (permission == Permission.EditPractices)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not Practice)
            .ToList();
        var permitted = permission switch
        {
            Permission.EditSetupTasks => changed.All(e => e.Entity is SetupTask),
            Permission.EditPractices or Permission.ManageWorkspace => true,
            Permission.ViewPractices or Permission.Comment or Permission.ViewSensitiveIdentifiers or Permission.ReviewAgreements => changed.Count == 0,
            _ => false,
        };
        if (!permitted || (db.ChangeTracker.Entries<Practice>().SingleOrDefault() is { State: EntityState.Modified } root
            && root.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))))
        {
            throw new NotPermittedException("Your role does not allow this change.");
        }
    }

    private async Task<string> DescribeLatestChangeAsync(Guid practiceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var latest = await db.AuditEvents.AsNoTracking()
            .Where(e => e.PracticeId == practiceId && e.UserId != session.UserId)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        var who = latest is null ? "Someone else" : latest.UserName ?? "Someone else";
        var what = latest is null ? "this practice" : $"{Describe(latest.Action)} a {latest.RecordType.ToLowerInvariant()}";
        var when = latest is null ? "" : $" at {latest.OccurredAt:HH:mm} UTC";
        return $"{who} {what}{when} after you opened this page, so your change was not saved and nothing was overwritten. Reload to see their change, then make yours again.";
    }

    private static string Describe(AuditAction action) => action switch
    {
        AuditAction.Created => "added",
        AuditAction.Changed => "changed",
        AuditAction.Deleted => "removed",
        _ => "changed",
    };
}
