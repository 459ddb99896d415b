using System.Security.Cryptography;
using System.Text;

namespace MsoManager.Infrastructure.Identity;

/// <summary>
/// A bearer token of the HTTP API. Only the SHA-256 hash of the token is stored, so a copy of the
/// database gives no usable token; the token itself is shown to its caller once, when issued.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Length of the hex SHA-256 hash.</summary>
    public const int HashLength = 64;

    private ApiToken()
    {
        TokenHash = UserId = "";
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>A new random 32-byte token for <paramref name="userId"/>: the stored record and the token to hand out.</summary>
    public static (ApiToken Record, string Token) Issue(string userId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = Hash(token),
            UserId = userId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (record, token);
    }

    /// <summary>The stored form of a token: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public void Used(DateTimeOffset now) => LastUsedAt = now;
}
