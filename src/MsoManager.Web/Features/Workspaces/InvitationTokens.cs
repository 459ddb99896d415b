using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MsoManager.Web.Features.Workspaces;

/// <summary>Invitation link secrets: 256 random bits in the link, only their SHA-256 in the database.</summary>
internal static class InvitationTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// An invitation link to pass on, and when it stops working: the one link the members page shows and the
/// API returns. It works once (<see cref="InvitationAcceptance"/>).
/// </summary>
public sealed record InvitationLink(string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>The page that accepts it, relative to the app's base address.</summary>
    public string Path => $"Account/AcceptInvitation?token={Token}";

    /// <summary>The link as the invitee opens it, on the app's base address (ending in '/', as the page or the API request sees it).</summary>
    public Uri On(Uri appBase) => new(appBase, Path);
}
