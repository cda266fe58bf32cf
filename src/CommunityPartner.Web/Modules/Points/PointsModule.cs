using CommunityPartner.Web.Modules.Points.Earning.AwardPoints;
using CommunityPartner.Web.Modules.Points.Earning.CheckIn;
using CommunityPartner.Web.Modules.Points.Earning.ManageEarnRules;
using CommunityPartner.Web.Modules.Points.Expiry;
using CommunityPartner.Web.Modules.Points.Expiry.PointsSettings;
using CommunityPartner.Web.Modules.Points.Ledger;
using CommunityPartner.Web.Modules.Points.Ledger.Corrections;
using CommunityPartner.Web.Modules.Points.Passbook;
using CommunityPartner.Web.Modules.Points.Reconcile;
using CommunityPartner.Web.Modules.Points.Recycling;
using CommunityPartner.Web.Modules.Points.Recycling.ManageStations;
using CommunityPartner.Web.Modules.Points.Recycling.RecordDropoff;
using CommunityPartner.Web.Modules.Points.Spending.ManageItems;
using CommunityPartner.Web.Modules.Points.Spending.MerchantStatement;
using CommunityPartner.Web.Modules.Points.Spending.Redeem;
using CommunityPartner.Web.Modules.Points.Statements;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Points;

/// <summary>积分兑换: residents earn points by taking part and spend them with caring merchants, on an append-only ledger.</summary>
public static class PointsModule
{
    public static IServiceCollection AddPoints(this IServiceCollection services)
    {
        services.AddScoped<PointsLedger>();
        services.AddScoped<Contracts.IPointsStatement, PointsStatement>();
        services.AddScoped<Contracts.IPointsFacts, PointsFacts>();
        services.AddScoped<AwardPointsHandler>();
        services.AddScoped<ManageEarnRulesHandler>();
        services.AddScoped<ActivitiesHandler>();
        services.AddScoped<CheckInHandler>();
        services.AddScoped<ManageItemsHandler>();
        services.AddScoped<RedeemHandler>();
        services.AddScoped<CloseRedemptionHandler>();
        services.AddScoped<PassbookReader>();
        services.AddScoped<PoolStatementReader>();
        services.AddScoped<MerchantStatementReader>();
        services.AddScoped<ManageStationsHandler>();
        services.AddScoped<RecordDropoffHandler>();
        services.AddScoped<Reconciliation>();
        services.AddScoped<PointsExpiry>();
        services.AddScoped<PointsSettingsHandler>();
        services.AddScoped<CorrectionHandler>();
        services.AddScoped<IAppCommand, ExpireCommand>();
        services.AddOptions<PointsOptions>().BindConfiguration(PointsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<PointsScheduler>();
        services.AddScoped<IAppCommand, ReconcileCommand>();
        services.AddScoped<IDemoSeed, PointsDemoSeed>();
        services.AddSingleton(new NavItem("积分存折", "/points", "我的积分、兑换中的积分和每一笔明细", NavPlacement.Task, 50,
            u => u.Identity?.IsAuthenticated == true));
        services.AddSingleton(new NavItem("积分兑换", "/points/items", "用积分兑换爱心商家的物品和服务", NavPlacement.Area, 50));
        services.AddSingleton(new NavItem("发放积分", "/admin/points/awards", "按积分规则给参加活动的居民发放积分", NavPlacement.Task, 55,
            u => u.IsInRole(Roles.CommunityStaff)));
        services.AddSingleton(new NavItem("签到活动", "/admin/points/activities", "创建活动签到码和二维码，查看签到名单", NavPlacement.Task, 56,
            u => u.IsInRole(Roles.CommunityStaff)));
        services.AddSingleton(new NavItem("商家核销台", "/merchant/points", "核销居民的兑换码，上架兑换物品", NavPlacement.Task, 45,
            u => u.IsInRole(Roles.Merchant) || u.IsInRole(Roles.PartnerMember)));
        services.AddSingleton(new NavItem("驿站投放登记", "/station/dropoffs", "登记居民投放的回收物，按驿站的价目发放积分", NavPlacement.Task, 46,
            u => u.IsInRole(Roles.StationOperator)));
        services.AddSingleton(new NavItem("积分对账", "/admin/points/reconcile", "核对全部积分账户和流水是否平衡", NavPlacement.Task, 60,
            u => u.IsInRole(Roles.CommunityStaff) || u.IsInRole(Roles.DistrictAdmin)));
        services.AddSingleton(new NavItem("积分有效期", "/admin/points/settings", "设定居民积分在获得多少个月后过期", NavPlacement.Task, 61,
            u => u.IsInRole(Roles.DistrictAdmin)));
        services.AddSingleton(new NavItem("更正积分", "/admin/points/corrections", "记一笔更正，补给或收回居民发错的积分", NavPlacement.Task, 62,
            u => u.IsInRole(Roles.DistrictAdmin)));
        return services;
    }

    public static IEndpointRouteBuilder MapPointsPages(this IEndpointRouteBuilder app) => app.MapItemPhotos();

    public static RouteGroupBuilder MapPointsApi(this RouteGroupBuilder api)
    {
        api.MapAwardPoints();
        api.MapCheckIn();
        api.MapManageEarnRules();
        api.MapManageItems();
        api.MapRedeem();
        api.MapPassbook();
        api.MapRecycling();
        api.MapPoolStatement();
        api.MapMerchantStatement();
        api.MapPointsSettings();
        api.MapCorrections();
        return api;
    }
}
