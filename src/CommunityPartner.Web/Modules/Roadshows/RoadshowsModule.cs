using CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;
using CommunityPartner.Web.Modules.Roadshows.EditRoadshow;
using CommunityPartner.Web.Modules.Roadshows.ExpressInterest;
using CommunityPartner.Web.Modules.Roadshows.ListRoadshows;
using CommunityPartner.Web.Modules.Roadshows.ManageRoadshow;
using CommunityPartner.Web.Modules.Roadshows.RsvpRoadshow;
using CommunityPartner.Web.Modules.Roadshows.ScoreProject;
using CommunityPartner.Web.Modules.Roadshows.ViewRoadshow;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Roadshows;

public static class RoadshowsModule
{
    public static IServiceCollection AddRoadshows(this IServiceCollection services)
    {
        services.AddScoped<RoadshowPeople>();
        services.AddScoped<Contracts.IRoadshowParticipation, RoadshowParticipationReader>();
        services.AddScoped<RoadshowReader>();
        services.AddScoped<RoadshowEditor>();
        services.AddScoped<ManageRoadshowHandler>();
        services.AddScoped<RsvpRoadshowHandler>();
        services.AddScoped<ScoreProjectHandler>();
        services.AddScoped<ExpressInterestHandler>();
        services.AddScoped<Contracts.IRoadshowInterests, RoadshowInterests>();
        services.AddScoped<IDemoSeed, RoadshowsDemoSeed>();

        services.AddSingleton(new NavItem("路演", "/roadshows", "社区项目当众路演，居民和代表现场打分", NavPlacement.Area, 30));
        services.AddSingleton(new NavItem("组织路演", "/roadshows/new", "安排一场路演，列出要路演的项目", NavPlacement.Task, 40,
            RoadshowPeople.IsOrganiser));
        return services;
    }

    public static RouteGroupBuilder MapRoadshowsApi(this RouteGroupBuilder api)
    {
        api.MapListRoadshows();
        api.MapViewRoadshow();
        api.MapCreateRoadshow();
        api.MapEditRoadshow();
        api.MapManageRoadshow();
        api.MapRsvpRoadshow();
        api.MapScoreProject();
        api.MapExpressInterest();
        return api;
    }
}
