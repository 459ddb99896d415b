using Microsoft.EntityFrameworkCore;
using MsoManager.Infrastructure.Persistence;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// An API token as its owner sees it: never the token or its hash, only a fingerprint (the first
/// characters of its SHA-256 hash, hex): enough to tell tokens apart, useless to an attacker.
/// </summary>
public sealed record ApiTokenSummary(Guid Id, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// A member's own API tokens, for the API and the "API tokens" page alike. Every query is by the
/// owner's id, so no one lists or revokes another account's token, whichever path they use.
/// </summary>
public sealed class ApiTokenStore(TenantDbContextFactory contexts, TimeProvider time)
{
    public const int FingerprintLength = 8;

    /// <summary>The account's tokens that have not expired, newest first (expired ones no longer work, so they are not shown).</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = contexts.CreateWithoutWorkspace();
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.TokenHash, t.CreatedAt, t.ExpiresAt, t.LastUsedAt })
            .ToListAsync(cancellationToken);
        return [.. tokens.Select(t => new ApiTokenSummary(t.Id, t.TokenHash[..FingerprintLength], t.CreatedAt, t.ExpiresAt, t.LastUsedAt))];
    }

    /// <summary>Deletes the account's token <paramref name="tokenId"/>, which is refused from the next request on; false when the account has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateWithoutWorkspace();
        return await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
