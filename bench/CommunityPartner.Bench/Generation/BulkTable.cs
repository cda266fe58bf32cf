using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPartner.Bench.Generation;

/// <summary>
/// A table as the app's EF model defines it: column names, and each property's value converted the way EF converts it
/// for that provider (UTC timestamps, enums as numbers), read from the entity itself. Store-generated keys (identity
/// columns) are left to the database, as EF leaves them.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable For<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .Select(p => new BulkColumn(p.GetColumnName(store)!, p, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new BulkTable(table, columns);
    }
}

public sealed record BulkColumn(string Name, IProperty Property, RelationalTypeMapping Mapping)
{
    private readonly IClrPropertyGetter _getter = Property.GetGetter();

    /// <summary>The value EF would send for this column: the CLR value through the mapping's converter.</summary>
    public object? ValueOf(object entity)
    {
        var value = _getter.GetClrValueUsingContainingEntity(entity);
        if (value is null)
        {
            return null;
        }

        if (Mapping.Converter is { } converter)
        {
            return converter.ConvertToProvider(value);
        }

        return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
    }
}
