using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommunityPartner.Web.Platform.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) runs only against the model it was first run with; this keeps one per
/// model, so the same code serves a SQLite and a PostgreSQL context in one process (as the tests do) — in the app there
/// is one model, so one compiled query.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _queries = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => _queries.GetOrAdd(db.Model, _ => compile());
}
