using System.Globalization;
using System.Text;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPartner.Web.Modules.Points.Ledger;

/// <summary>
/// Runs several guarded UPDATEs in the current transaction as ONE command (one round trip on PostgreSQL, where each
/// command is a network exchange) and tells, per statement, whether it changed its row. Each statement gets
/// <c>RETURNING 1</c> (SQLite 3.35+ and PostgreSQL), so every result set holds a row exactly when the guard passed.
/// Parameters are made by EF's own type mappings, so a Guid is bound the way EF stores it on either database.
/// </summary>
internal static class GuardedBatch
{
    public static async Task<bool[]> ExecuteAsync(AppDbContext db, IReadOnlyList<FormattableString> statements, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Guarded updates run inside the caller's transaction.");
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        var sql = new StringBuilder();
        var n = 0;
        foreach (var statement in statements)
        {
            var names = new object[statement.ArgumentCount];
            for (var i = 0; i < names.Length; i++)
            {
                var value = statement.GetArgument(i) ?? throw new ArgumentException("Guarded updates take no null arguments.", nameof(statements));
                var name = string.Create(CultureInfo.InvariantCulture, $"@gb{n++}");
                var mapping = mappings.FindMapping(value.GetType()) ?? throw new InvalidOperationException($"No mapping for {value.GetType()}.");
                command.Parameters.Add(mapping.CreateParameter(command, name, value));
                names[i] = name;
            }

            sql.Append(string.Format(CultureInfo.InvariantCulture, statement.Format, names)).Append(" RETURNING 1;\n");
        }

        command.CommandText = sql.ToString();
        var changed = new bool[statements.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; i < changed.Length; i++)
        {
            changed[i] = await reader.ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }

            if (i < changed.Length - 1 && !await reader.NextResultAsync(ct))
            {
                throw new InvalidOperationException("A guarded update returned no result set.");
            }
        }

        return changed;
    }
}
