using Microsoft.Extensions.Configuration;

namespace MsoManager.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives, read from <c>Database:Provider</c>, <c>ConnectionStrings:Sqlite</c> and
/// <c>ConnectionStrings:Postgres</c>. SQLite is the zero-setup default: a file under <c>data/</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Migrations live in one assembly per provider, because their SQL differs.</summary>
    public string MigrationsAssembly => Provider switch
    {
        DatabaseProvider.Sqlite => "MsoManager.Migrations.Sqlite",
        DatabaseProvider.Postgres => "MsoManager.Migrations.Postgres",
        _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
    };

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        var providerText = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(providerText))
        {
            providerText = nameof(DatabaseProvider.Sqlite);
        }

        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; it must be 'Sqlite' or 'Postgres'.");
        }

        return provider switch
        {
            DatabaseProvider.Sqlite => new DatabaseSettings(provider, SqliteConnectionString(configuration, contentRootPath)),
            DatabaseProvider.Postgres => new DatabaseSettings(provider, configuration.GetConnectionString("Postgres") is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Postgres is empty; set ConnectionStrings__Postgres, for example 'Host=localhost;Database=msomanager;Username=msomanager;Password=...'.")),
            _ => throw new InvalidOperationException($"Unknown provider {provider}."),
        };
    }

    private static string SqliteConnectionString(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var folder = Path.Combine(contentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "msomanager.db")}";
    }
}
