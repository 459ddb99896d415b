using Microsoft.AspNetCore.Identity;
using MsoManager.Domain.Common;

namespace MsoManager.Infrastructure.Identity;

/// <summary>A person who signs in. Users are global; what they see comes from their workspace memberships.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = Text.NameMaxLength;

    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The workspace the user last worked in; the app opens it on the next sign-in.</summary>
    public Guid? LastWorkspaceId { get; set; }

    /// <summary>When set, the account cannot sign in and its open sessions end at the next revalidation.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsDeactivated => DeactivatedAt is not null;
}
