using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// Makes an API request work like a signed-in circuit: the feature services read the caller from the
/// authentication state and the workspace from <see cref="WorkspaceSession"/>, so the API runs the
/// same role, scope and tenant checks as the UI. Workspaces are entered for the request only.
/// </summary>
public sealed class ApiCaller(WorkspaceSession session, AuthenticationStateProvider authentication, TenantDbContextFactory contexts)
{
    public WorkspaceSession Session => session;

    /// <summary>Loads the caller's memberships (the handler has read the account); false without an account id.</summary>
    public async Task<bool> SignInAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }

        var email = user.FindFirstValue(ClaimTypes.Name) ?? "";
        var lastWorkspace = Guid.TryParse(user.FindFirstValue(ApiTokenAuthenticationHandler.LastWorkspaceClaim), out var last) ? last : (Guid?)null;
        await session.BeginRequestAsync(userId, email, user.FindFirstValue(ApiTokenAuthenticationHandler.DisplayNameClaim) ?? email, lastWorkspace, cancellationToken);
        return true;
    }

    /// <summary>Works in <paramref name="workspaceId"/> for this request; false when the caller is not a member.</summary>
    public bool EnterWorkspace(Guid workspaceId) => session.Enter(workspaceId);

    /// <summary>
    /// Enters the workspace of the caller's that holds a live (not archived, unless
    /// <paramref name="includeArchived"/>: the app's own pages still open an archived practice) practice
    /// with this id; false when none does. Scope is checked afterwards by the services, as for the UI.
    /// </summary>
    public async Task<bool> EnterPracticeWorkspaceAsync(Guid practiceId, CancellationToken cancellationToken, bool includeArchived = false) =>
        await FindPracticeAsync(practiceId, cancellationToken, includeArchived) is not null;

    /// <summary>
    /// As <see cref="EnterPracticeWorkspaceAsync"/>, and returns the practice's current version (null:
    /// none of the caller's), so a read that only needs the version (the findings) needs no second query.
    /// </summary>
    public async Task<uint?> FindPracticeAsync(Guid practiceId, CancellationToken cancellationToken, bool includeArchived = false)
    {
        var mine = session.Memberships.Select(m => m.WorkspaceId).ToList();
        await using var db = contexts.CreateWithoutWorkspace();

        // The deliberate cross-workspace lookup: by id, and only among the caller's own workspaces.
        var found = await db.Practices.IgnoreQueryFilters([AppDbContext.WorkspaceFilter])
            .Where(p => p.Id == practiceId && (includeArchived || p.ArchivedAt == null) && mine.Contains(p.WorkspaceId))
            .Select(p => new { p.WorkspaceId, Version = EF.Property<uint>(p, ConcurrencyVersion.PropertyName) })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && session.Enter(found.WorkspaceId) ? found.Version : null;
    }

    /// <summary>
    /// Enters the workspace of the caller's that holds the review, when its practice is in their scope
    /// there; false when none does (404: a review elsewhere or outside the scope does not exist for them).
    /// </summary>
    public async Task<bool> EnterReviewWorkspaceAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var mine = session.Memberships.Select(m => m.WorkspaceId).ToList();
        await using var db = contexts.CreateWithoutWorkspace();

        // The deliberate cross-workspace lookup, as for a practice: by id, and only among the caller's own workspaces.
        var found = await db.Reviews.IgnoreQueryFilters([AppDbContext.WorkspaceFilter])
            .Where(r => r.Id == reviewId && mine.Contains(r.WorkspaceId))
            .Select(r => new { r.WorkspaceId, r.PracticeId })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && session.Enter(found.WorkspaceId) && session.Current!.Scope.Includes(found.PracticeId);
    }
}

/// <summary>Signs the bearer of the token in for every authenticated API endpoint.</summary>
internal sealed class ApiCallerFilter(ApiCaller caller) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await caller.SignInAsync(http.User, http.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The token's account no longer exists.");
        }

        return await next(context);
    }
}
