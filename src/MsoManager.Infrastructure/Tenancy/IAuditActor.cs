namespace MsoManager.Infrastructure.Tenancy;

/// <summary>Who is making the changes a context saves, as the audit trail records them.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? UserName { get; }
}

/// <summary>The app itself (start-up seeding, maintenance): no signed-in user.</summary>
public sealed class SystemActor : IAuditActor
{
    public static SystemActor Instance { get; } = new();

    public string? UserId => null;

    public string? UserName => "system";
}

/// <summary>A named actor, for work done on a user's behalf outside their session (accepting an invitation).</summary>
public sealed record AuditActor(string? UserId, string? UserName) : IAuditActor;
