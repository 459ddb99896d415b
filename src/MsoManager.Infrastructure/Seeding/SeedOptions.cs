namespace MsoManager.Infrastructure.Seeding;

/// <summary><c>Bootstrap:*</c>: the first account, created when the database has no user.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    /// <summary>Name of the workspace the first account owns.</summary>
    public string WorkspaceName { get; set; } = "My workspace";
}

/// <summary><c>Demo:*</c>: the demo workspace, created on an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Defaults to true on SQLite and false on PostgreSQL when not set.</summary>
    public bool? Seed { get; set; }

    /// <summary>The password of every demo account; public by design, so never use demo data in production.</summary>
    public string Password { get; set; } = "demo-passphrase-2026";
}

/// <summary>A demo account, for the console banner and the README.</summary>
public sealed record DemoLogin(string Role, string Email, string Password);
