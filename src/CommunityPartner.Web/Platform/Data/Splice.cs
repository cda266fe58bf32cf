using System.Linq.Expressions;

namespace CommunityPartner.Web.Platform.Data;

/// <summary>
/// Puts one lambda's body into another, for compiled queries (<c>EF.CompileAsyncQuery</c>) that use a query another
/// module owns: the query is written with a placeholder parameter, and <see cref="Into{TResult}"/> replaces that parameter
/// with the other module's expression, applied to the query's own context parameter. EF then sees one plain expression
/// tree, compiles it once, and runs it with no per-call translation.
/// </summary>
public static class Splice
{
    /// <summary>
    /// <paramref name="query"/> with its parameter <paramref name="placeholder"/> (by position) replaced by
    /// <paramref name="part"/>'s body, whose one parameter becomes the query's first parameter (the context); the result
    /// takes the query's other parameters.
    /// </summary>
    public static Expression<TResult> Into<TResult>(LambdaExpression query, int placeholder, LambdaExpression part)
        where TResult : Delegate
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(part);
        if (part.Parameters.Count != 1 || !part.Parameters[0].Type.IsAssignableFrom(query.Parameters[0].Type))
        {
            throw new ArgumentException("The part takes exactly the query's context.", nameof(part));
        }

        var target = query.Parameters[placeholder];
        if (!target.Type.IsAssignableFrom(part.ReturnType))
        {
            throw new ArgumentException($"The part returns {part.ReturnType}, the placeholder is a {target.Type}.", nameof(part));
        }

        var inlined = new Replace(part.Parameters[0], query.Parameters[0]).Visit(part.Body);
        var body = new Replace(target, inlined).Visit(query.Body);
        return Expression.Lambda<TResult>(body, query.Parameters.Where(p => p != target));
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
