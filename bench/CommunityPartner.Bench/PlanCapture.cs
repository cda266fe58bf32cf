using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityPartner.Bench;

/// <summary>
/// While <see cref="Start"/>ed, asks the database for the plan of every query the app sends, with the app's own SQL
/// and parameter values, just before the query runs: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on
/// PostgreSQL. Off (the default), it does nothing, so timings are not affected.
/// </summary>
public sealed class PlanCapture(bool postgres) : DbCommandInterceptor
{
    private List<string>? _plans;

    public void Start() => _plans = [];

    public IReadOnlyList<string> Stop()
    {
        var plans = _plans ?? [];
        _plans = null;
        return plans;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_plans is not null)
        {
            _plans.Add(await ExplainAsync(command, cancellationToken));
        }

        return result;
    }

    private async Task<string> ExplainAsync(DbCommand command, CancellationToken ct)
    {
        var sql = command.CommandText;
        var text = new StringBuilder();
        text.AppendLine("```sql").AppendLine(sql.Trim());
        var parameters = command.Parameters.Cast<DbParameter>().ToList();
        foreach (var p in parameters.Take(6))
        {
            text.AppendLine($"-- {p.ParameterName} = {Format(p.Value)}");
        }

        if (parameters.Count > 6)
        {
            text.AppendLine($"-- … {parameters.Count - 6} more parameters");
        }

        text.AppendLine("```").AppendLine("```text");
        command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var depth = new Dictionary<long, int>();
            while (await reader.ReadAsync(ct))
            {
                if (postgres)
                {
                    text.AppendLine(reader.GetString(0));
                    continue;
                }

                // EXPLAIN QUERY PLAN rows: id, parent, notused, detail — indent by parent to show the tree.
                var id = reader.GetInt64(0);
                var level = depth.TryGetValue(reader.GetInt64(1), out var d) ? d + 1 : 0;
                depth[id] = level;
                text.Append(' ', level * 2).AppendLine(reader.GetString(3));
            }
        }
        finally
        {
            command.CommandText = sql;
        }

        return text.AppendLine("```").ToString();
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        Array a => $"[{a.Length} values: {string.Join(", ", a.Cast<object>().Take(3))}, …]",
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
