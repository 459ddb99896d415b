namespace MsoManager.Domain.Workspaces;

/// <summary>Something a member may do in a workspace. Granted per role by <see cref="RolePermissions"/>.</summary>
public enum Permission
{
    /// <summary>Read the practices in the member's scope.</summary>
    ViewPractices,

    /// <summary>Create and change practices, entities, people, ownership, agreements and financials.</summary>
    EditPractices,

    /// <summary>Change setup tasks.</summary>
    EditSetupTasks,

    /// <summary>Add comments and documents.</summary>
    Comment,

    /// <summary>Record review decisions and review checklists on agreements.</summary>
    ReviewAgreements,

    /// <summary>See EINs unmasked (the roles that edit entity records).</summary>
    ViewSensitiveIdentifiers,

    /// <summary>Invite, add and remove members, change their roles and scopes, and change workspace settings (state rule corrections included).</summary>
    ManageWorkspace,
}
