using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Platform.Auth;

/// <summary>One endpoint of the running app that carries <see cref="CommunityScopeAttribute"/>.</summary>
public sealed record ScopedEndpoint(string Name, string Method, RoutePattern Route, CommunityScopeAttribute Scope, bool IsPage)
{
    public bool IsApi => Route.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true;

    public override string ToString() => $"{Method} /{Route.RawText?.TrimStart('/')} ({Name})";
}

/// <summary>Finds every community-scoped endpoint (Razor pages and minimal APIs) the app maps.</summary>
public static class ScopedEndpoints
{
    public static async Task<IReadOnlyList<ScopedEndpoint>> FindAsync(IServiceProvider services)
    {
        var found = new List<ScopedEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            var page = metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                // A page endpoint gets its page model's attributes only once the page is loaded, as at request time.
                var compiled = await loader.LoadAsync(page, metadata);
                metadata = compiled.Endpoint?.Metadata ?? new EndpointMetadataCollection(compiled.EndpointMetadata);
            }

            if (metadata.GetMetadata<CommunityScopeAttribute>() is not { } scope)
            {
                continue;
            }

            var method = page is not null ? HttpMethods.Get : metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Get;
            found.Add(new ScopedEndpoint(endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?", method, endpoint.RoutePattern, scope, page is not null));
        }

        return found;
    }

    /// <summary>
    /// The request path: the scoped parameter gets <paramref name="scopedValue"/>, every other parameter a
    /// syntactically valid dummy that satisfies its route constraints.
    /// </summary>
    public static string BuildPath(ScopedEndpoint endpoint, string scopedValue)
    {
        var segments = new List<string>();
        foreach (var segment in endpoint.Route.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart p when p.Name == endpoint.Scope.RouteParameter => Uri.EscapeDataString(scopedValue),
                    RoutePatternParameterPart p when p.IsOptional => "",
                    RoutePatternParameterPart p when p.Default is not null => Uri.EscapeDataString(Convert.ToString(p.Default, System.Globalization.CultureInfo.InvariantCulture)!),
                    RoutePatternParameterPart p => Dummy(p),
                    _ => "",
                };
            }

            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string Dummy(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        bool Has(string name) => constraints.Any(c => c.Equals(name, StringComparison.OrdinalIgnoreCase) || c.StartsWith(name + "(", StringComparison.OrdinalIgnoreCase));
        return Has("guid") ? Guid.NewGuid().ToString()
            : Has("int") || Has("long") || Has("min") || Has("range") ? "1"
            : Has("decimal") || Has("double") || Has("float") ? "1.5"
            : Has("bool") ? "true"
            : Has("datetime") ? "2025-01-01"
            : "dummy";
    }
}
