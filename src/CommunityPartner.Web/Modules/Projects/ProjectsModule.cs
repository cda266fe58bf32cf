using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

public static class ProjectsModule
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<Contracts.IProjectCatalog, ProjectCatalog>();
        services.AddScoped<ICommunityScopeResolver, ProjectScopeResolver>();
        return services;
    }

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api) => api;

    public static IEndpointRouteBuilder MapProjectsPages(this IEndpointRouteBuilder app) => app;
}

/// <summary>Route value "id" of a project → the project's community.</summary>
internal sealed class ProjectScopeResolver(AppDbContext db) : ICommunityScopeResolver
{
    public string Name => "project";

    public async Task<Guid?> ResolveAsync(string routeValue, CancellationToken cancellationToken) =>
        Guid.TryParse(routeValue, out var id)
            ? await db.Set<Project>().Where(p => p.Id == id).Select(p => (Guid?)p.CommunityId).FirstOrDefaultAsync(cancellationToken)
            : null;
}
