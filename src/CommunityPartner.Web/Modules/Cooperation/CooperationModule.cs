using CommunityPartner.Web.Modules.Cooperation.DecideOffer;
using CommunityPartner.Web.Modules.Cooperation.MakeOffer;
using CommunityPartner.Web.Modules.Cooperation.MatchProject;
using CommunityPartner.Web.Modules.Cooperation.NegotiateOffer;
using CommunityPartner.Web.Modules.Cooperation.Recommend;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using CommunityPartner.Web.Modules.Cooperation.SignIntent;
using CommunityPartner.Web.Modules.Cooperation.ViewIntent;
using CommunityPartner.Web.Modules.Cooperation.ViewOffer;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation;

public static class CooperationModule
{
    public static IServiceCollection AddCooperation(this IServiceCollection services)
    {
        services.AddScoped<CooperationPeople>();
        services.AddScoped<OfferWork>();
        services.AddScoped<MakeOfferHandler>();
        services.AddScoped<NegotiateOfferHandler>();
        services.AddScoped<DecideOfferHandler>();
        services.AddScoped<SignIntentHandler>();
        services.AddScoped<MatchProjectHandler>();
        services.AddScoped<RecordDeliveryHandler>();
        services.AddScoped<RecommendHandler>();
        services.AddScoped<Overdue.OverdueIntents>();
        services.AddHostedService<Overdue.OverdueScheduler>();
        services.AddScoped<HonourWall.HonourWallReader>();
        services.AddScoped<Projects.Contracts.IProjectSupportFigures, ProjectSupportFigures>();
        services.AddScoped<OfferReader>();
        services.AddScoped<IntentReader>();
        services.AddScoped<Contracts.ICooperationFacts, CooperationFacts>();
        services.AddScoped<Contracts.IContributionFacts, ContributionFacts>();
        services.AddScoped<IDemoSeed, CooperationDemoSeed>();
        services.AddScoped<ICommunityScopeResolver, OfferScopeResolver>();
        services.AddSingleton(new NavItem("爱心榜", "/honour", "已认证的合伙人实实在在兑现的出力，只统计社区确认过的", NavPlacement.Area, 35));
        services.AddSingleton(new NavItem("我的合作", "/offers/mine", "你的单位为社区项目出的力：协商、合作意向", NavPlacement.Task, 45,
            u => u.IsInRole(Roles.PartnerMember)));
        services.AddSingleton(new NavItem("合伙人出力", "/admin/offers", "合伙人为本社区项目出的力：协商、接受、签署", NavPlacement.Task, 15,
            u => u.IsInRole(Roles.CommunityStaff) || u.IsInRole(Roles.DistrictAdmin)));
        return services;
    }

    public static RouteGroupBuilder MapCooperationApi(this RouteGroupBuilder api)
    {
        api.MapMakeOffer();
        api.MapViewOffer();
        api.MapNegotiateOffer();
        api.MapDecideOffer();
        api.MapSignIntent();
        api.MapMatchProject();
        api.MapRecordDelivery();
        api.MapRecommend();
        return api;
    }

    public static WebApplication MapCooperationPages(this WebApplication app)
    {
        app.MapDeliveryPhotos();
        return app;
    }
}

/// <summary>Route value "id" of an offer → the community of the project it is made to.</summary>
internal sealed class OfferScopeResolver(AppDbContext db) : ICommunityScopeResolver
{
    public string Name => "offer";

    public async Task<Guid?> ResolveAsync(string routeValue, CancellationToken cancellationToken) =>
        Guid.TryParse(routeValue, out var id)
            ? await db.Set<Offer>().Where(o => o.Id == id).Select(o => (Guid?)o.CommunityId).FirstOrDefaultAsync(cancellationToken)
            : null;
}
