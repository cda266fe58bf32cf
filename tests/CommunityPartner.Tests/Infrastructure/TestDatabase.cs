using CommunityPartner.Web.Platform.Data;
using Npgsql;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>A throw-away database for one test host: a temp SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CP_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cp-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", path, null, null);
    }

    /// <summary>
    /// Creates an empty database on the server named by CP_TEST_POSTGRES. The PostgreSQL lane never skips: without a
    /// server it fails, so a green run always means the tests ran on PostgreSQL too.
    /// </summary>
    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL test lane needs {PostgresVariable} (a connection string to a server where the tests may create databases). "
                + "Run `bash build/test.sh`, which starts a private PostgreSQL and sets it.");
        }

        var name = $"cp_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
