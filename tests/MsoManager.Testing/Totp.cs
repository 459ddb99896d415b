using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace MsoManager.Testing;

/// <summary>
/// An authenticator app in test code: RFC 6238 time-based codes (HMAC-SHA1, 30-second steps, 6
/// digits) from the base32 key the setup page shows, computed independently of Identity's own code.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for <paramref name="at"/> (now by default), <paramref name="stepOffset"/> steps away.</summary>
    public static string Code(string key, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = ((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30) + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(key), counter);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A 6-digit code that is none of the codes Identity accepts around now.</summary>
    public static string WrongCode(string key)
    {
        var accepted = Enumerable.Range(-3, 7).Select(offset => Code(key, stepOffset: offset)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] Base32Decode(string key)
    {
        var clean = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xFF));
            }
        }

        return [.. bytes];
    }
}
