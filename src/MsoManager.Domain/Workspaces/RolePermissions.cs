using System.Collections.Frozen;

namespace MsoManager.Domain.Workspaces;

/// <summary>
/// The roles table of domain.md, as data. Every authorization decision in the product asks this
/// class, so a role's rights are defined once.
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<MemberRole, FrozenSet<Permission>> Granted = new Dictionary<MemberRole, FrozenSet<Permission>>
    {
        // Everything but review decisions: an agreement's approval is counsel's, not its owner's.
        [MemberRole.Owner] = Enum.GetValues<Permission>().Where(p => p != Permission.ReviewAgreements).ToFrozenSet(),
        [MemberRole.Consultant] = new[]
        {
            Permission.ViewPractices, Permission.EditPractices, Permission.EditSetupTasks, Permission.Comment,
            Permission.ViewSensitiveIdentifiers,
        }.ToFrozenSet(),
        [MemberRole.Attorney] = new[] { Permission.ViewPractices, Permission.Comment, Permission.ReviewAgreements }.ToFrozenSet(),
        [MemberRole.Client] = new[] { Permission.ViewPractices, Permission.EditSetupTasks, Permission.Comment }.ToFrozenSet(),
        [MemberRole.Viewer] = new[] { Permission.ViewPractices }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public static bool Allows(this MemberRole role, Permission permission) => Granted[role].Contains(permission);

    /// <summary>Whether the role sees every practice of the workspace regardless of the member's scope.</summary>
    public static bool SeesAllPractices(this MemberRole role) => role == MemberRole.Owner;

    /// <summary>One line for the members page and the home page: what the role is for.</summary>
    public static string Describe(this MemberRole role) => role switch
    {
        MemberRole.Owner => "Sees every practice; changes everything, members and settings included.",
        MemberRole.Consultant => "Sees practices in scope; changes practices, entities, people, ownership, agreements, tasks and financials.",
        MemberRole.Attorney => "Sees practices in scope; comments, records review decisions and checklists on agreements.",
        MemberRole.Client => "Sees practices in scope; updates setup tasks, documents and comments.",
        MemberRole.Viewer => "Sees practices in scope; changes nothing.",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
