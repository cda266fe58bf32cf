using CommunityPartner.Web.Modules.Bills.PublishBill;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Layout;

namespace CommunityPartner.Web.Modules.Bills;

public static class BillsModule
{
    public static IServiceCollection AddBills(this IServiceCollection services)
    {
        services.AddScoped<BillReader>();
        services.AddScoped<Sustainability.SustainabilityRecordsReader>();
        services.AddScoped<BillHighlightsReader>();
        services.AddSingleton<Needs.Contracts.INeedTallyRules, BillTallyRules>();
        services.AddScoped<PublishBillHandler>();
        services.AddScoped<ExportBill.ExportBillHandler>();
        services.AddScoped<Dashboard.DashboardReader>();
        services.AddScoped<PersonalBill.PersonalBillReader>();
        services.AddScoped<Platform.Data.IDemoSeed, BillsDemoSeed>();
        services.AddSingleton(new NavItem("幸福账单", "/bills", "每个社区每一期办成了什么，每个数字都能点开查到记录", NavPlacement.Area, 40));
        services.AddSingleton(new NavItem("区看板", "/dashboard", "各社区的响应率、解决率、满意率，逾期诉求和合伙人出力", NavPlacement.Task, 12,
            u => u.IsInRole(Roles.DistrictAdmin) || u.IsInRole(Roles.Representative)));
        services.AddSingleton(new NavItem("我的幸福账单", "/me/bill", "这一年你提出的诉求、参加的路演、获得的积分，可以存成图片分享", NavPlacement.Task, 60,
            u => u.IsInRole(Roles.Resident)));
        return services;
    }
}
