using Microsoft.AspNetCore.Authorization;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>
/// Finds the community a route value belongs to (a community code, a need id, a project id…). Each module registers
/// resolvers for its own resources; <see cref="CommunityScopeHandler"/> uses them so every staff action is checked
/// the same way.
/// </summary>
public interface ICommunityScopeResolver
{
    /// <summary>The name used in <see cref="CommunityScopeAttribute.Resolver"/>, e.g. "community" or "need".</summary>
    string Name { get; }

    /// <summary>The owning community, or null when the resource does not exist (the handler then answers 404).</summary>
    Task<Guid?> ResolveAsync(string routeValue, CancellationToken cancellationToken);
}

/// <summary>
/// Marks a page or endpoint as a staff action scoped to one community: only district admins and staff bound to the
/// community that owns the route's resource may use it. Put it on a PageModel, or on an endpoint with
/// <see cref="CommunityScopeExtensions.RequireCommunityScope{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CommunityScopeAttribute(string resolver, string routeParameter) : Attribute, IAuthorizationRequirementData
{
    public string Resolver { get; } = resolver;

    public string RouteParameter { get; } = routeParameter;

    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [new CommunityScopeRequirement(Resolver, RouteParameter)];
}

public sealed record CommunityScopeRequirement(string Resolver, string RouteParameter) : IAuthorizationRequirement;

public sealed class CommunityScopeHandler(IEnumerable<ICommunityScopeResolver> resolvers) : AuthorizationHandler<CommunityScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CommunityScopeRequirement requirement)
    {
        if (context.User.IsInRole(Roles.DistrictAdmin))
        {
            context.Succeed(requirement);
            return;
        }

        if (!context.User.IsInRole(Roles.CommunityStaff) || context.Resource is not HttpContext http)
        {
            return;
        }

        var resolver = resolvers.SingleOrDefault(r => r.Name == requirement.Resolver)
            ?? throw new InvalidOperationException($"No community scope resolver named '{requirement.Resolver}' is registered.");
        var value = http.GetRouteValue(requirement.RouteParameter)?.ToString();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var owner = await resolver.ResolveAsync(value, http.RequestAborted);
        if (owner is null || owner == context.User.CommunityId())
        {
            context.Succeed(requirement);
        }
    }
}

public static class CommunityScopeExtensions
{
    /// <summary>Scopes an API endpoint to staff of the community that owns the route's resource.</summary>
    public static TBuilder RequireCommunityScope<TBuilder>(this TBuilder builder, string resolver, string routeParameter)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new CommunityScopeAttribute(resolver, routeParameter));
        builder.RequireAuthorization(Policies.Staff);
        return builder;
    }
}
