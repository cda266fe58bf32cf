using CommunityPartner.Web.Modules.Projects.ListProjects;
using CommunityPartner.Web.Modules.Projects.MoveProject;
using CommunityPartner.Web.Modules.Projects.RecordRunningCosts;
using CommunityPartner.Web.Modules.Projects.SaveProject;
using CommunityPartner.Web.Modules.Projects.TrackProject;
using CommunityPartner.Web.Modules.Projects.ViewProject;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Projects;

public static class ProjectsModule
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<Contracts.IProjectCatalog, ProjectCatalog>();
        services.AddScoped<Contracts.IProjectHighlights, ProjectHighlights>();
        services.AddScoped<Contracts.IProjectMatching, ProjectMatching>();
        services.AddScoped<SaveProject.SaveProjectHandler>();
        services.AddScoped<MoveProject.MoveProjectHandler>();
        services.AddScoped<TrackProject.TrackProjectHandler>();
        services.AddScoped<ViewProject.ProjectReader>();
        services.AddScoped<ListProjects.ProjectSearch>();
        services.AddScoped<RecordRunningCosts.RecordRunningCostsHandler>();
        services.AddScoped<Contracts.IProjectSustainability, ProjectSustainabilityReader>();
        services.AddScoped<IDemoSeed, ProjectsDemoSeed>();
        services.AddScoped<IDemoSeed, RunningCostsDemoSeed>();
        services.AddSingleton(new NavItem("社区项目", "/projects", "社区把诉求变成项目，招募合伙人一起做", NavPlacement.Area, 20));
        services.AddSingleton(new NavItem("项目管理", "/admin/projects", "本社区的项目：起草、发布、推进、完工", NavPlacement.Task, 10,
            u => u.IsInRole(Roles.CommunityStaff) || u.IsInRole(Roles.DistrictAdmin)));
        services.AddScoped<ICommunityScopeResolver, ProjectScopeResolver>();
        return services;
    }

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        api.MapListProjects();
        api.MapViewProject();
        api.MapSaveProject();
        api.MapMoveProject();
        api.MapTrackProject();
        api.MapRecordRunningCosts();
        return api;
    }

    public static IEndpointRouteBuilder MapProjectsPages(this IEndpointRouteBuilder app) => app.MapProjectPhotos();
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
