using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using MsoManager.Infrastructure.Identity;

namespace MsoManager.IntegrationTests;

/// <summary>
/// The app's password hasher, recording every stored hash it checks a password against: proof that a
/// path spent the work of a password check, without timing it.
/// </summary>
public sealed class CountingPasswordHasher(IPasswordHasher<ApplicationUser> inner) : IPasswordHasher<ApplicationUser>
{
    private readonly ConcurrentQueue<string> _checked = new();

    /// <summary>The stored hashes checked so far, oldest first.</summary>
    public IReadOnlyCollection<string> Checked => _checked;

    /// <summary>The PBKDF2 iteration count of an Identity v3 hash: 0x01, PRF (4 bytes), iterations (4 bytes, big-endian), ...</summary>
    public static uint IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    public void Clear() => _checked.Clear();

    public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        _checked.Enqueue(hashedPassword);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
