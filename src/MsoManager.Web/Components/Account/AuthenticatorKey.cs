using System.Text;
using QRCoder;

namespace MsoManager.Web.Components.Account;

/// <summary>
/// What an authenticator app needs to add an account: the shared key, grouped for typing by hand,
/// and a QR code of its otpauth:// URI drawn on the server as a PNG data: URL (no script, no outside
/// service, allowed by a content security policy that permits data: images).
/// </summary>
public sealed record AuthenticatorKey(string GroupedKey, string SetupUri, string QrCodeDataUrl)
{
    /// <summary>The name the authenticator app shows above the codes.</summary>
    public const string Issuer = "MSO Manager";

    public static AuthenticatorKey For(string accountName, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={issuer}&digits=6";
        return new AuthenticatorKey(Group(key), uri, QrCode(uri));
    }

    // "abcd efgh ijkl ...": lower case and in fours reads more easily than one long upper-case run.
    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
