using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPartner.Web.Modules.Points.Ledger;

/// <summary>
/// Runs several guarded UPDATEs in the current transaction as ONE command (one round trip on PostgreSQL, where each
/// command is a network exchange) and tells, per statement, whether it changed its row. Each statement gets
/// <c>RETURNING 1</c> (SQLite 3.35+ and PostgreSQL), so every result set holds a row exactly when the guard passed.
/// Parameters are made by EF's own type mappings, so a Guid is bound the way EF stores it on either database.
/// <para>
/// The same command can also insert whole rows (<c>inserts</c>): entities EF maps, written column by column from the
/// model (table, column names, type mappings and value converters — so a row looks exactly as SaveChanges would write
/// it), without the change tracker. The statements all run even when a guard fails, so the caller MUST roll the
/// transaction back unless every guard passed. A database error (a unique key, a CHECK) surfaces as a
/// <see cref="DbUpdateException"/>, as from SaveChanges.
/// </para>
/// </summary>
internal static class GuardedBatch
{
    private static readonly ConcurrentDictionary<IEntityType, InsertShape> Shapes = new();

    public static Task<bool[]> ExecuteAsync(AppDbContext db, IReadOnlyList<FormattableString> statements, CancellationToken ct) =>
        ExecuteAsync(db, statements, [], ct);

    /// <summary>The guarded <paramref name="statements"/>, then one INSERT per entity in <paramref name="inserts"/>, as one command; returns per guarded statement whether it changed its row.</summary>
    public static async Task<bool[]> ExecuteAsync(AppDbContext db, IReadOnlyList<FormattableString> statements, IReadOnlyList<object> inserts, CancellationToken ct)
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
                var name = ParameterName(n++);
                var mapping = mappings.FindMapping(value.GetType()) ?? throw new InvalidOperationException($"No mapping for {value.GetType()}.");
                command.Parameters.Add(mapping.CreateParameter(command, name, value));
                names[i] = name;
            }

            sql.Append(string.Format(CultureInfo.InvariantCulture, statement.Format, names)).Append(" RETURNING 1;\n");
        }

        foreach (var row in inserts)
        {
            var shape = ShapeOf(db, row);
            sql.Append(shape.Head);
            for (var i = 0; i < shape.Properties.Length; i++)
            {
                var property = shape.Properties[i];
                var name = ParameterName(n++);
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (value is Guid id && id == Guid.Empty && property.IsPrimaryKey())
                {
                    throw new ArgumentException($"{row.GetType().Name} needs its id set before a batched insert.", nameof(inserts));
                }

                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                sql.Append(i == 0 ? "" : ", ").Append(name);
            }

            sql.Append(") RETURNING 1;\n");
        }

        command.CommandText = sql.ToString();
        var results = statements.Count + inserts.Count;
        var changed = new bool[statements.Count];
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; i < results; i++)
            {
                var hasRow = await reader.ReadAsync(ct);
                if (i < changed.Length)
                {
                    changed[i] = hasRow;
                }

                while (await reader.ReadAsync(ct))
                {
                }

                if (i < results - 1 && !await reader.NextResultAsync(ct))
                {
                    throw new InvalidOperationException("A statement of a guarded batch returned no result set.");
                }
            }
        }
        catch (DbException e) when (inserts.Count > 0)
        {
            // As SaveChanges reports it, so a caller's unique-key handling (IsUniqueViolation) covers both.
            throw new DbUpdateException("A batched write was refused by the database.", e);
        }

        return changed;
    }

    private static string ParameterName(int n) => string.Create(CultureInfo.InvariantCulture, $"@gb{n}");

    /// <summary>"INSERT INTO table (columns) VALUES (" and the properties whose values follow, in order; a database-generated number key is left out.</summary>
    private sealed record InsertShape(string Head, IProperty[] Properties);

    private static InsertShape ShapeOf(AppDbContext db, object row)
    {
        var type = db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType()} is not an entity of the model.");
        return Shapes.GetOrAdd(type, static (t, sqlHelper) =>
        {
            var table = t.GetTableName() ?? throw new InvalidOperationException($"{t.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(table, t.GetSchema());
            var properties = t.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
                .ToArray();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            {
                throw new InvalidOperationException($"{t.DisplayName()}.{shadow.Name} is a shadow property; batched inserts write mapped CLR properties only.");
            }

            var columns = string.Join(", ", properties.Select(p => sqlHelper.DelimitIdentifier(p.GetColumnName(store) ?? p.Name)));
            return new InsertShape($"INSERT INTO {sqlHelper.DelimitIdentifier(table, t.GetSchema())} ({columns}) VALUES (", properties);
        }, db.GetService<ISqlGenerationHelper>());
    }
}
