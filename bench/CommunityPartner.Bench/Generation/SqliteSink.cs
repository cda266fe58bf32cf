using Microsoft.Data.Sqlite;

namespace CommunityPartner.Bench.Generation;

/// <summary>
/// One transaction per batch, one prepared INSERT per table whose parameters were made by EF's own type mappings
/// (so a Guid or a timestamp is stored in the same text form EF stores it). Secondary indexes are dropped for the load
/// and re-created from their original CREATE INDEX statements, which is far faster than updating them row by row.
/// </summary>
public sealed class SqliteSink(string connectionString) : IBulkSink
{
    private readonly SqliteConnection _connection = new(connectionString);
    private readonly Dictionary<string, SqliteCommand> _inserts = [];
    private readonly List<(string Name, string Sql)> _indexes = [];
    private SqliteTransaction? _transaction;

    public async Task BeginAsync(IReadOnlyList<BulkTable> tables)
    {
        await _connection.OpenAsync();
        // A throw-away bulk load: no journal, no fsync, a large page cache (2 GB). Re-generate if it is interrupted.
        await ExecuteAsync("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000;");
        var names = string.Join(",", tables.Select(t => $"'{t.Name}'"));
        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in _indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        _transaction = _connection.BeginTransaction();
    }

    public async Task WriteAsync(BulkTable table, IReadOnlyList<object> rows)
    {
        var insert = Insert(table);
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                insert.Parameters[i].Value = table.Columns[i].ValueOf(row) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task FlushAsync()
    {
        await _transaction!.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = _connection.BeginTransaction();
        foreach (var insert in _inserts.Values)
        {
            insert.Transaction = _transaction;
        }
    }

    public async Task FinishAsync()
    {
        await FlushAsync();
        foreach (var (name, sql) in _indexes)
        {
            Console.WriteLine($"  index {name}");
            await ExecuteAsync(sql);
        }

        await _transaction!.CommitAsync();
        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values)
        {
            await insert.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private SqliteCommand Insert(BulkTable table)
    {
        if (!_inserts.TryGetValue(table.Name, out var insert))
        {
            insert = _connection.CreateCommand();
            insert.Transaction = _transaction;
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            var values = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                insert.Parameters.Add(column.Mapping.CreateParameter(insert, $"$p{i}", null, column.Property.IsNullable));
            }

            insert.Prepare();
            _inserts[table.Name] = insert;
        }

        return insert;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
