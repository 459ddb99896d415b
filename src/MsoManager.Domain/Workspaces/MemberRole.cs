namespace MsoManager.Domain.Workspaces;

/// <summary>A member's role in a workspace; what each may do is in <see cref="RolePermissions"/>.</summary>
public enum MemberRole
{
    Owner,
    Consultant,
    Attorney,
    Client,
    Viewer,
}
