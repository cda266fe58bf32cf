namespace CommunityPartner.Web.Modules.Roadshows;

public static class RoadshowsModule
{
    public static IServiceCollection AddRoadshows(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapRoadshowsApi(this RouteGroupBuilder api) => api;
}
