using Npgsql;

namespace MsoManager.Infrastructure.Seeding;

/// <summary>
/// Lets one app instance at a time run the start-up work (migrations, the shipped state rules, the
/// bootstrap and demo accounts), so instances started together on one PostgreSQL database do not
/// both seed. A session-level advisory lock on a connection of its own, released when disposed.
/// SQLite serves one instance (its file is local), so there it is nothing.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number; only MSO Manager's start-up takes it.
    private const long Key = 0x4D534F_5354415254;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(Persistence.DatabaseSettings database, CancellationToken cancellationToken)
    {
        if (database.Provider != Persistence.DatabaseProvider.Postgres)
        {
            return new StartupLock(null);
        }

        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // Released explicitly: a pooled connection's session outlives Close.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            await _connection.DisposeAsync();
        }
    }
}
