using System.Text;

namespace MsoManager.Web.Features.Api;

/// <summary>Keyset cursors as clients see them: opaque base64url text, so any characters round-trip.</summary>
internal static class ApiCursor
{
    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text a cursor holds, or null when it is not one this API wrote.</summary>
    public static string? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
