using Npgsql;
using NpgsqlTypes;

namespace CommunityPartner.Bench.Generation;

/// <summary>
/// Binary COPY per table and batch. Secondary indexes, and primary keys no foreign key points to (the search grams'),
/// are dropped for the load and re-created from their original definitions; foreign-key triggers are skipped for this
/// session (session_replication_role = replica) because every row is generated together with the need it points to.
/// </summary>
public sealed class PostgresSink(string connectionString) : IBulkSink
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private readonly List<(string Name, string Sql)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _keys = [];

    public async Task BeginAsync(IReadOnlyList<BulkTable> tables)
    {
        await _connection.OpenAsync();
        await ExecuteAsync("SET session_replication_role = replica; SET maintenance_work_mem = '512MB'");
        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """;
            list.Parameters.AddWithValue("tables", tables.Select(t => t.Name).ToArray());
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = """
                SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
                WHERE c.contype = 'p' AND c.conrelid::regclass::text = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)
                """;
            list.Parameters.AddWithValue("tables", tables.Select(t => t.Name).ToArray());
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (name, _) in _indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        foreach (var (table, name, _) in _keys)
        {
            await ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        }
    }

    public async Task WriteAsync(BulkTable table, IReadOnlyList<object> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var import = await _connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var column in table.Columns)
            {
                await WriteAsync(import, column.ValueOf(row));
            }
        }

        await import.CompleteAsync();
    }

    public Task FlushAsync() => Task.CompletedTask;

    public async Task FinishAsync()
    {
        foreach (var (table, name, definition) in _keys)
        {
            Console.WriteLine($"  key {name}");
            await ExecuteAsync($"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
        }

        foreach (var (name, sql) in _indexes)
        {
            Console.WriteLine($"  index {name}");
            await ExecuteAsync(sql);
        }

        await ExecuteAsync("SET session_replication_role = DEFAULT");
        // What autovacuum would do after such a load; the measurements then see settled statistics and visibility maps.
        Console.WriteLine("  VACUUM ANALYZE");
        await ExecuteAsync("VACUUM ANALYZE");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static Task WriteAsync(NpgsqlBinaryImporter import, object? value) => value switch
    {
        null => import.WriteNullAsync(),
        Guid g => import.WriteAsync(g, NpgsqlDbType.Uuid),
        string s => import.WriteAsync(s, NpgsqlDbType.Text),
        DateTime d => import.WriteAsync(d, NpgsqlDbType.TimestampTz),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
        long l => import.WriteAsync(l, NpgsqlDbType.Bigint),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean),
        double x => import.WriteAsync(x, NpgsqlDbType.Double),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}."),
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
