using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Infrastructure.StateRules;
using MsoManager.Web.Features.Compliance;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.StateRules;

/// <summary>Who corrected a state's row in this workspace, when and why, and the version an edit is based on.</summary>
public sealed record StateRuleCorrectionInfo(string Reason, string CorrectedBy, DateTimeOffset CorrectedAt, uint Version);

/// <summary>One state as the page shows it: the shipped row, the row in force in the workspace, and its correction if any.</summary>
public sealed record StateRuleRow(StateRule Shipped, StateRule InForce, StateRuleCorrectionInfo? Correction)
{
    public bool IsCorrected => Correction is not null;
}

/// <summary>Every state's row, when the shipped data was compiled, and whether the member may correct rows.</summary>
public sealed record StateRulesView(IReadOnlyList<StateRuleRow> Rows, DateOnly? CompiledOn, bool CanCorrect);

/// <summary>
/// The state rules page's service: every member reads the rows in force in the workspace; an Owner
/// (<see cref="Permission.ManageWorkspace"/>) corrects a row or reverts it to the shipped value. The
/// audit trail interceptor records every correction and revert with its values before and after. The
/// workspace's stored practice risk is marked stale after each, since the findings may have changed.
/// </summary>
public sealed class StateRulesService(
    WorkspaceSession session, TenantDbContextFactory contexts, ShippedStateRules shipped, IValidator<StateRuleCorrectionForm> validator,
    StateRuleBookCache books, PracticeRiskRefresher risks, TimeProvider time)
{
    public async Task<StateRulesView> ListAsync(CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ViewPractices, cancellationToken);
        var rules = await shipped.GetAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        var corrections = await db.StateRuleCorrections.AsNoTracking()
            .Select(c => new { Correction = c, Version = EF.Property<uint>(c, ConcurrencyVersion.PropertyName) })
            .ToListAsync(cancellationToken);
        var byState = corrections.ToDictionary(c => c.Correction.State.Value, StringComparer.Ordinal);
        var states = rules.Book.Rows.Select(r => r.State).Union(corrections.Select(c => c.Correction.State)).OrderBy(s => s.Value, StringComparer.Ordinal);
        var rows = states.Select(state =>
        {
            var row = rules.Book.For(state);
            return byState.TryGetValue(state.Value, out var c)
                ? new StateRuleRow(row, c.Correction.ApplyTo(row), new StateRuleCorrectionInfo(c.Correction.Reason, c.Correction.CorrectedByName, c.Correction.CorrectedAt, c.Version))
                : new StateRuleRow(row, row, null);
        }).ToList();
        return new StateRulesView(rows, rules.CompiledOn, membership.Can(Permission.ManageWorkspace));
    }

    /// <summary>
    /// Corrects <paramref name="state"/>'s row in the workspace to the form's values (only those that
    /// differ from the shipped row are kept). <paramref name="expectedVersion"/> is the correction the
    /// page showed (null: none); a different one in the database means someone else changed it first.
    /// </summary>
    public async Task CorrectAsync(StateCode state, uint? expectedVersion, StateRuleCorrectionForm form, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var shippedRule = (await shipped.GetAsync(cancellationToken)).Book.For(state);
        var corrected = form.ToRule(shippedRule);
        var now = time.GetUtcNow();
        var who = string.IsNullOrWhiteSpace(session.DisplayName) ? session.Email : session.DisplayName;
        await using var db = contexts.CreateDbContext();
        var existing = await db.StateRuleCorrections.SingleOrDefaultAsync(c => c.State == state, cancellationToken);
        if (existing is null)
        {
            if (expectedVersion is not null)
            {
                throw Conflict($"reverted {state.Name} to the shipped values");
            }

            db.StateRuleCorrections.Add(StateRuleCorrection.Create(membership.WorkspaceId, shippedRule, corrected, form.Reason, session.UserId!, who, now));
        }
        else
        {
            if (expectedVersion is null)
            {
                throw Conflict($"corrected {state.Name}");
            }

            ConcurrencyVersion.ExpectOriginal(db, existing, expectedVersion.Value);
            existing.Change(shippedRule, corrected, form.Reason, session.UserId!, who, now);
        }

        await SaveAsync(db, state, cancellationToken);
        books.Invalidate(membership.WorkspaceId);
        await risks.MarkWorkspaceStaleAsync(membership.WorkspaceId, cancellationToken);
    }

    /// <summary>Removes the workspace's correction of <paramref name="state"/>: the shipped row is in force again.</summary>
    public async Task RevertAsync(StateCode state, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        var membership = await session.EnsureAllowedAsync(Permission.ManageWorkspace, cancellationToken);
        await using var db = contexts.CreateDbContext();
        var existing = await db.StateRuleCorrections.SingleOrDefaultAsync(c => c.State == state, cancellationToken)
            ?? throw Conflict($"reverted {state.Name} to the shipped values");
        ConcurrencyVersion.ExpectOriginal(db, existing, expectedVersion);
        db.StateRuleCorrections.Remove(existing);
        await SaveAsync(db, state, cancellationToken);
        books.Invalidate(membership.WorkspaceId);
        await risks.MarkWorkspaceStaleAsync(membership.WorkspaceId, cancellationToken);
    }

    private static async Task SaveAsync(AppDbContext db, StateCode state, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict($"changed the correction of {state.Name}");
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<StateRuleCorrection>().Any(e => e.State == EntityState.Added))
        {
            // The unique index on (workspace, state): another Owner's correction was saved first.
            throw Conflict($"corrected {state.Name}");
        }
    }

    private static ConcurrencyConflictException Conflict(string what) =>
        new($"Someone else {what} after you opened this page, so nothing was saved or overwritten. Reload to see their change.");
}
