using CommunityPartner.Web.Modules.Communities.Admin.AssignStaff;
using CommunityPartner.Web.Modules.Communities.Admin.CommunityOverview;
using CommunityPartner.Web.Modules.Communities.Admin.CreateCommunity;
using CommunityPartner.Web.Modules.Communities.Admin.EditCommunity;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Communities.ListCommunities;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Communities;

public static class CommunitiesModule
{
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddScoped<ICommunityDirectory, CommunityDirectory>();
        services.AddScoped<ICommunityScopeResolver, CommunityCodeScopeResolver>();
        services.AddScoped<CreateCommunityHandler>();
        services.AddScoped<EditCommunityHandler>();
        services.AddScoped<AssignStaffHandler>();
        services.AddScoped<IDemoSeed, CommunitiesDemoSeed>();

        services.AddSingleton(new NavItem("社区", "/communities", "新区的九个社区", NavPlacement.Area, 90));
        services.AddSingleton(new NavItem("本社区工作台", "/admin/my-community", "本社区的工作人员与事务", NavPlacement.Task, 10,
            u => u.IsInRole(Roles.CommunityStaff)));
        services.AddSingleton(new NavItem("社区管理", "/admin/communities", "新建、编辑社区，指派社区工作者", NavPlacement.Task, 10,
            u => u.IsInRole(Roles.DistrictAdmin)));
        return services;
    }

    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder api)
    {
        api.MapListCommunities();
        api.MapCreateCommunity();
        api.MapEditCommunity();
        api.MapAssignStaff();
        return api;
    }

    public static IEndpointRouteBuilder MapCommunitiesPages(this IEndpointRouteBuilder app) => app.MapMyCommunity();
}
