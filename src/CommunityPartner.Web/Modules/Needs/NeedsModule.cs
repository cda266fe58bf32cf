using CommunityPartner.Web.Modules.Needs.Admin.Categories;
using CommunityPartner.Web.Modules.Needs.Admin.NeedQueue;
using CommunityPartner.Web.Modules.Needs.AnswerNeed;
using CommunityPartner.Web.Modules.Needs.ExportNeeds;
using CommunityPartner.Web.Modules.Needs.ImportNeeds;
using CommunityPartner.Web.Modules.Needs.ListNeeds;
using CommunityPartner.Web.Modules.Needs.Open311;
using CommunityPartner.Web.Modules.Needs.Open311.ManageKeys;
using CommunityPartner.Web.Modules.Needs.RaiseNeed;
using CommunityPartner.Web.Modules.Needs.RateNeed;
using CommunityPartner.Web.Modules.Needs.SupportNeed;
using CommunityPartner.Web.Modules.Needs.ViewNeed;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs;

public static class NeedsModule
{
    public static IServiceCollection AddNeeds(this IServiceCollection services)
    {
        services.AddScoped<RaiseNeedHandler>();
        services.AddScoped<NeedReader>();
        services.AddScoped<NeedSearch>();
        services.AddScoped<NeedPeople>();
        services.AddScoped<SupportNeedHandler>();
        services.AddScoped<AnswerNeedHandler>();
        services.AddScoped<RateNeedHandler>();
        services.AddScoped<NeedQueueHandler>();
        services.AddScoped<ExportNeeds.ExportNeedsHandler>();
        services.AddScoped<ImportNeeds.ImportNeedsHandler>();
        services.AddScoped<ManageCategoriesHandler>();
        services.AddScoped<ICommunityScopeResolver, NeedScopeResolver>();
        services.AddScoped<IDemoSeed, NeedsDemoSeed>();
        services.AddScoped<GeoRequests>();
        services.AddScoped<SubmitServiceRequest>();
        services.AddScoped<Open311KeysHandler>();
        services.AddScoped<Contracts.INeedLinks, NeedLinks>();
        services.AddScoped<Contracts.INeedFacts, NeedFacts>();
        services.AddScoped<Tallies.NeedTallies>();
        services.AddHostedService<Tallies.NeedTallyRefresher>();

        services.AddSingleton(new NavItem("问题清单", "/needs", "居民提出的诉求和社区的回应，全部公开", NavPlacement.Area, 10));
        services.AddSingleton(new NavItem("提出诉求", "/needs/new", "把身边急难愁盼的事告诉社区", NavPlacement.Task, 20,
            u => u.Identity?.IsAuthenticated == true));
        services.AddSingleton(new NavItem("诉求办理", "/admin/needs", "本社区待办的诉求，最紧急的在前", NavPlacement.Task, 5,
            u => u.IsInRole(Roles.CommunityStaff)));
        services.AddSingleton(new NavItem("诉求类别与时限", "/admin/need-categories", "设置各类诉求的回应和办结时限", NavPlacement.Task, 20,
            u => u.IsInRole(Roles.DistrictAdmin)));
        services.AddSingleton(new NavItem("Open311 接口密钥", "/admin/open311", "为 12345 热线等系统签发、吊销提交诉求的密钥", NavPlacement.Task, 30,
            u => u.IsInRole(Roles.DistrictAdmin)));
        return services;
    }

    public static RouteGroupBuilder MapNeedsApi(this RouteGroupBuilder api)
    {
        api.MapRaiseNeed();
        api.MapExportNeeds();
        api.MapImportNeeds();
        api.MapListNeeds();
        api.MapViewNeed();
        api.MapSupportNeed();
        api.MapAnswerNeed();
        api.MapRateNeed();
        api.MapNeedQueue();
        api.MapNeedCategories();
        return api;
    }

    /// <summary>Routes outside /api/v1: photos, the staff queue shortcut, and the Open311 GeoReport v2 API at /open311/v2.</summary>
    public static IEndpointRouteBuilder MapNeedsPages(this IEndpointRouteBuilder app)
    {
        app.MapNeedPhotos();
        app.MapMyNeedQueue();
        app.MapOpen311();
        return app;
    }
}

/// <summary>Route value "id" of a need → the need's community.</summary>
internal sealed class NeedScopeResolver(AppDbContext db) : ICommunityScopeResolver
{
    public string Name => "need";

    public async Task<Guid?> ResolveAsync(string routeValue, CancellationToken cancellationToken) =>
        Guid.TryParse(routeValue, out var id)
            ? await db.Set<Need>().Where(n => n.Id == id).Select(n => (Guid?)n.CommunityId).FirstOrDefaultAsync(cancellationToken)
            : null;
}
